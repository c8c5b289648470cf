import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { cspValue, regionDataOrigins } from './src/app/contentSecurityPolicy.ts';
import { devStaticPages } from './scripts/devPages.ts';
import { readRegionIndex } from './scripts/regionFs.ts';

// Where the region folders are read from at build time: data/regions, or another folder laid out the
// same way (a province's draft, or a test's fixture regions) through KCN_REGIONS_DIR.
/** Unit tests of the pure layers that need a browser API (jsdom's DOMParser). */
const BROWSER_API_TESTS = ['tests/unit/io/kmlBrowser.test.ts'];

const regionsDir = resolve(import.meta.dirname, process.env['KCN_REGIONS_DIR'] ?? 'data/regions');
const nodeModules = resolve(import.meta.dirname, 'node_modules');

// Offline after one visit: a service worker precaches the whole build — app code, the maplibre worker,
// the embedded basemap (public/basemap), the Noto Sans woff2 files, the licence pages and every region
// file (emitted as fingerprinted assets by regionSource.ts's import.meta.glob) — so a presenter's browser
// that opened the app once online runs it with the network off. Only `vite build` emits the worker:
// devOptions stay off, so the dev server (`npm start`) never installs one and never serves stale files.
const pwa = VitePWA({
  // 'prompt' without a prompt (see src/main.tsx): a new version installs in the background and waits
  // until every tab of the app is closed, so nothing reloads or swaps files mid-presentation.
  registerType: 'prompt',
  // src/main.tsx registers the worker itself (virtual:pwa-register).
  injectRegister: false,
  // Relative, like `base`: the worker sits next to index.html and controls that folder only, so the same
  // dist/ works at / and under a sub-path such as /ban-do-kcn/.
  scope: './',
  includeManifestIcons: false,
  manifest: {
    name: 'Bản đồ khu, cụm công nghiệp',
    short_name: 'Bản đồ KCN',
    description: 'Bản đồ khu, cụm công nghiệp hiện có và quy hoạch, đường kết nối và di dời; dùng được khi không có mạng',
    lang: 'vi',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#1f5fa8',
    background_color: '#ffffff',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    // Everything the app fetches from its own folder (ttf: the PDF report's Noto Sans). Not *.woff: every browser that runs MapLibre 6
    // takes the woff2 the @fontsource CSS lists first. Not *.map: source maps are for developers.
    // (The plugin adds manifest.webmanifest itself; favicon.svg comes through the glob.)
    globPatterns: ['**/*.{html,js,css,svg,woff2,ttf,json,geojson,txt,md}'],
    // The static pages are for search engines and shared links, not the offline map: not precached (they
    // may be written before or after the worker, so they are left out by name).
    globIgnores: ['pages/**', 'sitemap.xml', 'robots.txt'],
    // maplibre-gl's chunk is about 1.1 MB and a province's sites file may grow; past the default 2 MiB a
    // file is left out of the precache with only a build warning, and the app breaks offline.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    // Any navigation inside the scope (e.g. `./?region=lang-son`) gets the app's page; the licence pages
    // and basemap files are files of their own, never the app.
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/\/licenses\//, /\/basemap\//, /\/pages\//],
    // On the first visit the fresh worker takes the open page at once, so a province opened later in the
    // same session comes from the cache even if the network drops. On an update this changes nothing:
    // without skipWaiting the new worker activates only when no page of the app is open.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
  },
});

// The Content-Security-Policy goes into the built page only, right after the charset so it covers
// every tag after it. The dev server needs inline scripts (React Fast Refresh) and gets none.
// A region may read parcel tiles from a CDN: its origin joins connect-src (read at build time, like the data).
function regionJsons(): unknown[] {
  if (!existsSync(regionsDir)) return [];
  return readdirSync(regionsDir)
    .map((id) => join(regionsDir, id, 'region.json'))
    .filter((f) => existsSync(f))
    .map((f) => {
      try {
        return JSON.parse(readFileSync(f, 'utf8')) as unknown;
      } catch {
        return null; // npm run validate:data names the broken file; the policy simply gains nothing from it.
      }
    });
}

// The province switcher's names, known at build time: `virtual:region-index` lists every region folder
// with its region.json's name, so the switcher is complete at the first paint instead of filling in
// late (every province's region.json fetched after the map's first draw), which changed the first
// screen after it was drawn. A region.json that cannot be read is listed by its folder's name:
// opening it shows what is wrong (npm run validate:data names it too).
const REGION_INDEX = 'virtual:region-index';
const regionIndexModule: Plugin = {
  name: 'kcn-region-index',
  resolveId: (id) => (id === REGION_INDEX ? `\0${REGION_INDEX}` : undefined),
  load: (id) => (id === `\0${REGION_INDEX}` ? `export default ${JSON.stringify(readRegionIndex(regionsDir))};` : undefined),
  // Under npm start, a province renamed in data/regions (which the dev server watches) shows at the next reload.
  configureServer: (server) => {
    server.watcher.on('change', (file) => {
      if (!file.endsWith('region.json')) return;
      const mod = server.moduleGraph.getModuleById(`\0${REGION_INDEX}`);
      if (mod) server.moduleGraph.invalidateModule(mod);
    });
  },
};

const csp: Plugin = {
  name: 'kcn-content-security-policy',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => html.replace(/(<meta charset="UTF-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${cspValue(regionDataOrigins(regionJsons()))}" />`),
  },
};

// After the app is written: a static page per park, cluster and province, sitemap.xml and robots.txt
// (scripts/build-pages.ts, run in Node with tsx so it renders the app's own components). Any `vite build`
// gets them, whatever its --outDir.
let outDir = 'dist';
const staticPages: Plugin = {
  name: 'kcn-static-pages',
  apply: 'build',
  configResolved: (c) => {
    outDir = resolve(c.root, c.build.outDir);
  },
  closeBundle: () => {
    execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'scripts/build-pages.ts'), '--out', outDir], { stdio: 'inherit' });
  },
};

// `base: './'` makes the build relative, so the same dist/ runs from any folder of a web server
// or from a USB stick served by `vite preview`.
export default defineConfig({
  base: './',
  // Under `npm start` the same pages are made by the same script and served (scripts/devPages.ts).
  plugins: [react(), regionIndexModule, pwa, csp, staticPages, devStaticPages({ root: import.meta.dirname, regionsDir })],
  resolve: { alias: { '@regions': regionsDir } },
  // The dev server may serve region files from outside the project when KCN_REGIONS_DIR points there,
  // and packages from where node_modules really is (a git worktree may link to another checkout's).
  server: { fs: { allow: [import.meta.dirname, regionsDir, ...(existsSync(nodeModules) ? [realpathSync(nodeModules)] : [])] } },
  // The region data lives in data/ (not public/): it is validated and fingerprinted like code.
  assetsInclude: ['**/*.geojson'],
  // Module workers: the import worker loads the Shapefile and DXF readers on demand, which an IIFE
  // worker (Vite's default) cannot split off.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Region files stay files, however small: they are data a province swaps, fetched and cached as such.
    assetsInlineLimit: (file: string) => (/\.(geo)?json$/.test(file) ? false : undefined),
    // maplibre-gl is by far the largest dependency; its own chunk caches apart from app code and
    // lets the benchmark report app code apart from it.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }],
        },
      },
    },
  },
  // Two projects: the pure layers (geo, analytics, domain, io, store, scripts) run in Node, which starts
  // far faster than jsdom; components, the map's layer specs and the app shell run in jsdom, and so does
  // the one io test that reads KML with the browser's own DOMParser.
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/{geo,analytics,domain,io,store,scripts}/**/*.test.ts'],
          exclude: BROWSER_API_TESTS,
          setupFiles: ['tests/unit/setup.node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/unit/{app,features,i18n,map}/**/*.test.{ts,tsx}', ...BROWSER_API_TESTS],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
    ],
  },
});
