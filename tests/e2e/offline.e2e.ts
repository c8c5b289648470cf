// Offline after one visit: the built app is opened once while its server is reachable, then the network
// is taken away (context.setOffline) and the page reloaded. The service worker must serve everything:
// the app, the embedded basemap, the fonts and every province's files.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, appAndBrowser, openOffline, ROOT, screenshot, serveDistUnderSubPath, waitForIdleMap, type OfflinePage } from './harness';

const app = appAndBrowser();
const children: ChildProcessWithoutNullStreams[] = [];
after(() => {
  for (const c of children) c.kill();
});

/** Every file of the build, as a path relative to its folder ('assets/x.js', 'basemap/rivers.geojson'). */
function distFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? distFiles(full) : [relative(DIST, full).split('\\').join('/')];
  });
}

/**
 * What the precache must hold: the whole build except source maps, the .woff copies of the fonts (the
 * CSS offers woff2 first, which every browser that runs MapLibre takes) and the service worker's own files.
 */
function expectedPrecache(): string[] {
  return distFiles()
    .filter((f) => !f.endsWith('.map') && !f.endsWith('.woff') && f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f))
    // The static pages are for search engines and shared links, not the offline map (vite.config.ts).
    .filter((f) => !f.startsWith('pages/') && f !== 'sitemap.xml' && f !== 'robots.txt')
    .sort();
}

/**
 * Every region file under data/regions, each paired with the build's asset of the same bytes, or
 * undefined where the build has none. Vite copies them unchanged under a fingerprinted name, and files
 * with the same content once (an empty clearance.geojson may ship as another region's roads-….geojson).
 */
function regionAssets(): [string, string | undefined][] {
  const regionsDir = join(ROOT, 'data', 'regions');
  const assets = distFiles().filter((f) => f.startsWith('assets/'));
  return readdirSync(regionsDir).flatMap((id) =>
    readdirSync(join(regionsDir, id))
      .filter((name) => /\.(geo)?json$/.test(name))
      .map((name): [string, string | undefined] => {
        const bytes = readFileSync(join(regionsDir, id, name));
        const asset = assets.find((f) => /\.(geo)?json$/.test(f) && readFileSync(join(DIST, f)).equals(bytes));
        return [`${id}/${name}`, asset];
      }),
  );
}

/** Located sites of a region, read from its file here (the map anchors each one). */
function locatedSites(regionId: string): number {
  const fc = JSON.parse(readFileSync(join(ROOT, 'data', 'regions', regionId, 'sites.geojson'), 'utf8')) as {
    features: { geometry: unknown }[];
  };
  return fc.features.filter((f) => f.geometry !== null).length;
}

/** Resolves once a service worker controls the page; it activates only after its precache is complete. */
async function waitForServiceWorker(page: Page): Promise<{ scope: string; script: string }> {
  return page.evaluate(async () => {
    const give = new Promise<never>((_, reject) =>
      // A bound on failure only: success is the worker's own event, never this timer.
      setTimeout(() => reject(new Error('no service worker took control within 60 s')), 60_000),
    );
    const ready = (async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
      return { scope: reg.scope, script: navigator.serviceWorker.controller!.scriptURL };
    })();
    return Promise.race([ready, give]);
  });
}

/** The precache's entries, as paths relative to the worker's scope, without workbox's revision query. */
async function precached(page: Page, scope: string): Promise<string[]> {
  const urls = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('workbox-precache'));
    const all: string[] = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) all.push(r.url);
    return all;
  });
  return urls
    .map((u) => {
      assert.ok(u.startsWith(scope), `${u} lies outside the worker's scope ${scope}`);
      const x = new URL(u);
      x.searchParams.delete('__WB_REVISION__');
      return decodeURIComponent(x.href.slice(scope.length)).replace(/\?$/, '');
    })
    .sort();
}

/** The state a presenter sees: region, located sites, sources loaded, sites drawn, fonts in place. */
async function mapState(page: Page) {
  return page.evaluate(async () => {
    const { map, store } = window.__atlas!;
    const region = store.getState().region!;
    await document.fonts.ready;
    const noto = [...document.fonts].filter((f) => /Noto Sans/.test(f.family));
    const sources = Object.keys(map.getStyle().sources);
    const drawn = ['sites-fill', 'sites-dot', 'sites-marker']
      .filter((id) => map.getLayer(id))
      .reduce((n, id) => n + map.queryRenderedFeatures({ layers: [id] }).length, 0);
    return {
      online: navigator.onLine,
      regionId: region.data.region.id,
      anchors: region.siteAnchors.features.length,
      sources,
      unloaded: sources.filter((id) => !map.isSourceLoaded(id)),
      basemapDrawn: map.getLayer('bm-countries') ? map.queryRenderedFeatures({ layers: ['bm-countries'] }).length : -1,
      sitesDrawn: drawn,
      fontsLoaded: noto.filter((f) => f.status === 'loaded').length,
      fontsFailed: noto.filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight} ${f.unicodeRange}`),
      resources: performance.getEntriesByType('resource').map((e) => e.name),
    };
  });
}

/** Waits until the store holds `regionId` and the map has drawn it. */
async function waitForRegion(page: Page, regionId: string): Promise<void> {
  await page.waitForFunction((id) => window.__atlas?.store.getState().region?.data.region.id === id, regionId, {
    timeout: 30_000,
  });
  await waitForIdleMap(page);
}

/** Every request the context saw (page, workers and service worker alike) that went anywhere but `origin`. */
function watchRequests(o: OfflinePage, origin: string): string[] {
  const away: string[] = [];
  o.context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) away.push(u);
  });
  return away;
}

function assertDrawn(s: Awaited<ReturnType<typeof mapState>>, regionId: string): void {
  assert.equal(s.online, false, 'the browser is offline');
  assert.equal(s.regionId, regionId);
  assert.equal(s.anchors, locatedSites(regionId), 'every located site is on the map');
  assert.ok(s.sources.length > 0);
  assert.deepEqual(s.unloaded, [], 'every map source is loaded');
  assert.ok(s.basemapDrawn > 0, `embedded basemap drew ${s.basemapDrawn} country features`);
  assert.ok(s.sitesDrawn > 0, `sites drew ${s.sitesDrawn} features`);
  assert.ok(s.fontsLoaded > 0, 'Noto Sans faces were loaded');
  assert.deepEqual(s.fontsFailed, [], 'no font face failed to load');
}

describe('offline after one visit', () => {
  it('reloads with the network off: app, basemap, fonts and every province come from the service worker', async () => {
    const origin = new URL(app.url).origin;
    const o = await openOffline(app.browser, app.url);
    const away = watchRequests(o, origin);
    await waitForIdleMap(o.page);
    const sw = await waitForServiceWorker(o.page);
    assert.equal(sw.scope, new URL('./', app.url).href, 'the worker controls the app folder');
    assert.equal(sw.script, new URL('./sw.js', app.url).href);

    // The precache holds the whole build, and so every file of every province, although only Lào Cai
    // has been opened.
    const cached = await precached(o.page, sw.scope);
    assert.deepEqual(cached, expectedPrecache());
    const regionFiles = regionAssets();
    assert.ok(regionFiles.length >= 3 * 2, `${regionFiles.length} region files`);
    for (const [file, asset] of regionFiles) {
      assert.ok(asset !== undefined && cached.includes(asset), `data/regions/${file} is precached (as ${asset ?? 'no asset: is the build older than the data?'})`);
    }
    assert.ok(cached.some((f) => /^basemap\/.+\.geojson$/.test(f)));
    assert.ok(cached.some((f) => /^assets\/noto-sans-vietnamese-400-normal-[\w-]+\.woff2$/.test(f)));
    assert.ok(cached.includes('licenses/index.html'));

    await o.context.setOffline(true);
    await o.page.reload();
    await waitForRegion(o.page, 'lao-cai');
    const served = await o.page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).workerStart);
    assert.ok(served > 0, 'the page itself came from the service worker');
    const laoCai = await mapState(o.page);
    assertDrawn(laoCai, 'lao-cai');
    await o.page.getByTestId('region-switcher').waitFor();
    await screenshot(o.page, 'offline-reload');

    // Another province, never opened online: its files come from the precache too.
    await o.page.getByTestId('region-switcher').selectOption('lang-son');
    await waitForRegion(o.page, 'lang-son');
    await o.page.getByRole('heading', { level: 1, name: /Lạng Sơn/ }).waitFor();
    const langSon = await mapState(o.page);
    assertDrawn(langSon, 'lang-son');

    // The licence pages open offline as themselves, not as the app.
    const licences = await o.context.newPage();
    await licences.goto(new URL('licenses/index.html', app.url).href);
    assert.doesNotMatch(await licences.content(), /id="root"/);
    assert.ok(((await licences.textContent('body')) ?? '').length > 100);
    await licences.close();

    for (const r of [...laoCai.resources, ...langSon.resources]) {
      assert.equal(new URL(r).origin, origin, `${r} left the origin`);
    }
    assert.deepEqual(away, [], 'no request left the origin');
    assert.deepEqual(o.blocked, []);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('works under a sub-path from the USB-stick server, opening straight at a province offline', async () => {
    // scripts/serve-dist.mjs as a presenter runs it, with the app under /ban-do-kcn/ as on a shared host.
    const served = serveDistUnderSubPath(DIST);
    const child = served.child;
    children.push(child);
    // The URL it prints is the one a presenter opens.
    const base = await served.url;
    const origin = new URL(base).origin;

    // The MIME types a browser insists on (a worker script must be JavaScript; fonts and data typed).
    const types = await Promise.all(
      ['sw.js', 'manifest.webmanifest', 'basemap/rivers.geojson', expectedPrecache().find((f) => f.endsWith('.woff2'))!].map(
        async (f) => (await fetch(new URL(f, base))).headers.get('content-type'),
      ),
    );
    assert.deepEqual(types, [
      'text/javascript; charset=utf-8',
      'application/manifest+json; charset=utf-8',
      'application/geo+json; charset=utf-8',
      'font/woff2',
    ]);

    const o = await openOffline(app.browser, base);
    const away = watchRequests(o, origin);
    await waitForIdleMap(o.page);
    const sw = await waitForServiceWorker(o.page);
    assert.equal(sw.scope, base, 'the worker is scoped to the sub-path, not the whole host');
    assert.deepEqual(await precached(o.page, sw.scope), expectedPrecache());

    await o.context.setOffline(true);
    // A navigation the online visit never made: the worker answers it with the app's page.
    await o.page.goto(`${base}?region=binh-dinh`);
    await waitForRegion(o.page, 'binh-dinh');
    assertDrawn(await mapState(o.page), 'binh-dinh');
    assert.deepEqual(away, []);
    assert.deepEqual(o.blocked, []);
    assert.deepEqual(o.errors, []);
    await o.context.close();
    child.kill();
  });

  it('leaves no service worker behind for the other browser tests: a new context starts clean', async () => {
    // Every browser test opens its own context; a context's service workers and caches are its own.
    const context = await app.browser.newContext();
    const page = await context.newPage();
    // A page of the same origin that does not register the worker.
    await page.goto(new URL('licenses/index.html', app.url).href);
    const state = await page.evaluate(async () => ({
      registrations: (await navigator.serviceWorker.getRegistrations()).length,
      caches: await caches.keys(),
      controlled: navigator.serviceWorker.controller !== null,
    }));
    assert.deepEqual(state, { registrations: 0, caches: [], controlled: false });
    await context.close();
  });
});
