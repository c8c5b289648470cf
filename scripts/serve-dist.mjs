#!/usr/bin/env node
// A static server for the built app on a laptop or a USB stick, with nothing but Node (no npm install):
//   node serve-dist.mjs [folder] [--port 8080] [--base /ban-do-kcn/]
// The folder defaults to dist/ beside this script or one level up (the project's own layout).
// It listens on 127.0.0.1 only: a presentation laptop should not offer the app to the venue's network.
// Plain JavaScript on purpose: it must run where only `node` is installed, without tsx.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

function usage(message) {
  if (message) console.error(message);
  console.error('usage: node serve-dist.mjs [folder] [--port 8080] [--base /ban-do-kcn/]');
  process.exit(2);
}

function parseArgs(argv) {
  const out = { folder: undefined, port: 8080, base: '/' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a === '--base') {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      if (a === '--port') {
        out.port = Number(v);
        if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) usage(`bad port: ${v}`);
      } else {
        out.base = `/${v.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
      }
    } else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else out.folder = a;
  }
  return out;
}

function defaultFolder() {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, 'dist'), join(here, '..', 'dist')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return join(here, 'dist');
}

/** The file a URL path names inside root, or null when it would leave root. */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, `.${decoded}`);
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

function cacheControl(relPath) {
  // Fingerprinted files never change; the page and the service worker must be checked on each visit,
  // or a browser would keep an old worker (and so an old app) for up to a day.
  if (relPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

const opts = parseArgs(process.argv.slice(2));
const root = resolve(opts.folder ?? defaultFolder());
if (!existsSync(join(root, 'index.html'))) {
  usage(`${root} has no index.html: build the app first (npm run build) or name the folder that holds it`);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (opts.base !== '/' && (url.pathname === '/' || `${url.pathname}/` === opts.base)) {
    res.writeHead(302, { Location: opts.base + url.search }).end();
    return;
  }
  if (!url.pathname.startsWith(opts.base)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  const rel = `/${url.pathname.slice(opts.base.length)}`;
  let file = fileFor(root, rel);
  if (file && existsSync(file) && statSync(file).isDirectory()) {
    if (!rel.endsWith('/')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    file = join(file, 'index.html');
  }
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  const size = statSync(file).size;
  const headers = {
    'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl(rel),
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
  };
  // Byte ranges: a PMTiles layer (region.json › parcelTiles) is read a few kilobytes at a time.
  const range = byteRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  if (range) {
    res.writeHead(206, { ...headers, 'Content-Length': range.end - range.start + 1, 'Content-Range': `bytes ${range.start}-${range.end}/${size}` });
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': size });
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file, range ?? {}).pipe(res);
});

/**
 * The one range of a `Range: bytes=…` header ("a-b", "a-" or the last "-n" bytes), inclusive; null to
 * send the whole file (no header, or several ranges, which HTTP lets a server answer in full).
 */
function byteRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start;
  let end;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

server.on('error', (e) => {
  if (e.code === 'EADDRINUSE') console.error(`port ${opts.port} is in use: try --port ${opts.port + 1}`);
  else console.error(e.message);
  process.exit(1);
});

server.listen(opts.port, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`Serving ${root}`);
  console.log(`Open http://127.0.0.1:${port}${opts.base}  (Ctrl+C to stop)`);
});
