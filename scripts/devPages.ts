// The static pages under the dev server (`npm start`): the map's fact sheet links to pages/<id>.html,
// which only `vite build` writes. This plugin runs the very same script (build-pages.ts) into a
// folder of its own and serves pages/*, sitemap.xml and robots.txt from it, so the link works in dev
// and shows what the build will ship. The first build starts a few seconds after the server, in the
// background; a change to the region data or to the code the pages are made of marks them stale, and
// the next request for a page waits for a fresh build. Link-preview PNGs are left out (--no-png):
// they are slow to make and no dev browser asks for them.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface DevPagesOptions {
  root: string;
  regionsDir: string;
  /** where the pages are written; by default a folder of the system's temporary directory named for the root */
  outDir?: string;
  /** milliseconds after the server starts before the first build (0 in tests) */
  startAfterMs?: number;
}

/** Which request paths are the build's pages: `/pages/<file>`, `/sitemap.xml`, `/robots.txt`. */
export function devPageFile(url: string): string | null {
  const path = decodeURIComponent(new URL(url, 'http://dev').pathname);
  if (path === '/sitemap.xml' || path === '/robots.txt') return path.slice(1);
  const m = /^\/pages\/([^/]+)$/.exec(path);
  return m ? `pages/${m[1]}` : null;
}

export function devStaticPages(options: DevPagesOptions): Plugin {
  const root = resolve(options.root);
  const outDir = options.outDir ?? join(tmpdir(), `kcn-dev-pages-${createHash('sha1').update(root).digest('hex').slice(0, 10)}`);
  const script = join(root, 'scripts', 'build-pages.ts');
  // What the pages are made of: a change there makes the built pages stale.
  const sources = [resolve(options.regionsDir), join(root, 'src'), join(root, 'scripts', 'pages'), script].map((p) => p + (p.endsWith('.ts') ? '' : sep));
  let stale = true;
  let current: Promise<void> = Promise.resolve();

  const run = () =>
    new Promise<void>((done, fail) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', script, '--out', outDir, '--no-png'],
        { cwd: root, env: { ...process.env, KCN_REGIONS_DIR: resolve(options.regionsDir) }, maxBuffer: 16 * 1024 * 1024 },
        (err, _stdout, stderr) => (err ? fail(new Error(stderr.trim() || err.message)) : done()),
      );
    });
  const fresh = (): Promise<void> => {
    if (stale) {
      stale = false;
      // One build at a time, in order: a change during a build is picked up by the next one.
      current = current.catch(() => undefined).then(run);
    }
    return current;
  };

  return {
    name: 'kcn-static-pages-dev',
    apply: 'serve',
    configureServer(server) {
      server.watcher.on('all', (_event, path) => {
        const p = resolve(path);
        if (sources.some((s) => (s.endsWith(sep) ? p.startsWith(s) : p === s))) stale = true;
      });
      const timer = setTimeout(() => void fresh().catch(() => undefined), options.startAfterMs ?? 3000);
      timer.unref();
      server.httpServer?.once('close', () => clearTimeout(timer));
      server.middlewares.use((req, res, next) => {
        const file = req.url ? devPageFile(req.url) : null;
        if (!file) return next();
        fresh().then(
          () => {
            const path = normalize(join(outDir, file));
            if (!path.startsWith(outDir + sep) || !existsSync(path) || !statSync(path).isFile()) return next();
            res.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
            res.setHeader('Cache-Control', 'no-store');
            res.end(readFileSync(path));
          },
          (e: unknown) => {
            res.statusCode = 500;
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.end(`Không tạo được trang tĩnh (scripts/build-pages.ts):\n${e instanceof Error ? e.message : String(e)}`);
          },
        );
      });
    },
  };
}
