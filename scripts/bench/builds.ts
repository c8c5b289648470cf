// The builds and servers of `npm run bench` and `npm run bench:replay`: the bare MapLibre page and the
// app, each against a regions folder of our choosing (the generated parcels), served by Vite's preview.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { ROOT } from '../../tests/e2e/harness';

export async function buildBare(outDir: string, regionsDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  await build({
    configFile: false,
    root: join(ROOT, 'scripts', 'bench', 'bare'),
    base: './',
    publicDir: join(ROOT, 'public'),
    // The same region data as the app (regionSource globs '@regions').
    resolve: { alias: { '@regions': regionsDir } },
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
}

/** The app built like `vite build`, but reading its regions from `regionsDir` (KCN_REGIONS_DIR). */
export async function buildApp(outDir: string, regionsDir: string): Promise<void> {
  process.env['KCN_REGIONS_DIR'] = regionsDir;
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env['KCN_REGIONS_DIR'];
  }
}

export async function serve(outDir: string, port: number): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: false },
  });
  return { server, url: server.resolvedUrls?.local[0] as string };
}

