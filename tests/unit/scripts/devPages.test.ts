// @vitest-environment node
// Under `npm start` the fact sheet's link to a site's page must lead somewhere: the dev server makes the
// pages with the build's own script (scripts/devPages.ts) and serves them, and makes them again once the
// data change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { devPageFile, devStaticPages } from '../../../scripts/devPages';
import { miniRegion } from '../../fixtures/miniRegion';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('static pages under the dev server', () => {
  const regions = mkdtempSync(join(tmpdir(), 'kcn-dev-regions-'));
  const m = miniRegion();
  const site = m.sites.features[0]!.properties as { id: string; name: { vi: string } };
  const write = (sites: unknown) => {
    const d = join(regions, 'mini');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'region.json'), JSON.stringify(m.region));
    writeFileSync(join(d, 'sites.geojson'), JSON.stringify(sites));
    writeFileSync(join(d, 'roads.geojson'), JSON.stringify(m.roads));
    writeFileSync(join(d, 'relocations.geojson'), JSON.stringify(m.relocations));
  };
  let server: ViteDevServer;
  let base: string;

  beforeAll(async () => {
    write(m.sites);
    server = await createServer({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', watch: null },
      plugins: [devStaticPages({ root: ROOT, regionsDir: regions, outDir: mkdtempSync(join(tmpdir(), 'kcn-dev-pages-')), startAfterMs: 0 })],
    });
    await server.listen();
    base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}/`;
  });
  afterAll(() => server.close());

  it('knows which addresses are pages', () => {
    expect(devPageFile('/pages/lc-kcn-tang-loong.html?x=1')).toBe('pages/lc-kcn-tang-loong.html');
    expect(devPageFile('/sitemap.xml')).toBe('sitemap.xml');
    expect(devPageFile('/pages/../vite.config.ts')).toBeNull();
    expect(devPageFile('/src/main.tsx')).toBeNull();
  });

  it('serves a site page built from the data, and builds it again when the data change', async () => {
    const res = await fetch(`${base}pages/${site.id}.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(site.name.vi);
    expect(html).toContain('Content-Security-Policy');
    expect((await fetch(`${base}pages/page.css`)).status).toBe(200);
    expect(await (await fetch(`${base}sitemap.xml`)).text()).toContain(`pages/${site.id}.html`);

    // A renamed site: the watcher marks the pages stale and the next request gets the new name.
    const renamed = structuredClone(m.sites);
    const p = renamed.features[0]!.properties as { name: { vi: string } };
    p.name.vi = 'Tên Mới Đổi';
    write(renamed);
    server.watcher.emit('all', 'change', join(regions, 'mini', 'sites.geojson'));
    expect(await (await fetch(`${base}pages/${site.id}.html`)).text()).toContain('Tên Mới Đổi');
  }, 120_000);
});
