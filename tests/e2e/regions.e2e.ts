// Provinces are data: a build made with an extra region folder (and no code change) lists it in the
// switcher and draws it; switching regions goes into the address bar, and back returns.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { Browser } from 'playwright-core';
import { formatHa, formatNumber } from '../../src/i18n/format';
import { WORKER_THRESHOLD } from '../../src/app/reportRunner';
import { prepareRegion } from '../../src/domain/prepare';
import { validateRegion } from '../../src/domain/validate';
import { readRegionFiles } from '../../scripts/regionFs';
import { randomParcels } from '../fixtures/clearance/builders';
import { buildWithRegions, launch, openOffline, ROOT, screenshot, startServer, waitForIdleMap } from './harness';

let browser: Browser;
const servers: PreviewServer[] = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

describe('regions, offline', () => {
  it('adds a province by data alone: a fixture region folder appears in the switcher and opens, its large clearance data reported from the worker', async () => {
    const regions = mkdtempSync(join(tmpdir(), 'kcn-regions-'));
    cpSync(join(ROOT, 'data', 'regions', 'lao-cai'), join(regions, 'lao-cai'), { recursive: true });
    cpSync(join(ROOT, 'tests', 'fixtures', 'regions', 'thu-nghiem'), join(regions, 'thu-nghiem'), { recursive: true });
    // More clearance parcels than the app computes inline: the report must come from the Web Worker.
    const parcels = randomParcels(WORKER_THRESHOLD + 100, 42, { lon0: 104.19, lat0: 22.19, spanDeg: 0.02, siteId: 'mini-kcn-a', asOf: '2026-06-30' }).map((f) => ({
      ...f,
      properties: { ...f.properties, sources: [{ doc: 'plan', about: ['clearance'] }] },
    }));
    const clearance = { type: 'FeatureCollection' as const, features: parcels };
    writeFileSync(join(regions, 'thu-nghiem', 'clearance.geojson'), JSON.stringify(clearance));
    const expected = validateRegion(readRegionFiles('thu-nghiem', regions));
    assert.deepEqual(expected.issues, []);
    const expectedCleared = (await import('../../src/analytics/report')).buildReport(prepareRegion(expected.data!), expected.data!.region.asOf).targets[0]!.value!;
    const outDir = join(ROOT, 'node_modules', '.cache', 'dist-fixture-regions');
    await buildWithRegions(regions, outDir);
    const server = await preview({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 4185, strictPort: false } });
    servers.push(server);
    const o = await openOffline(browser, server.resolvedUrls!.local[0]!);
    await waitForIdleMap(o.page);
    const switcher = o.page.getByTestId('region-switcher');
    await switcher.waitFor();
    const options = await switcher.locator('option').allTextContents();
    assert.deepEqual(options, ['Lào Cai', 'Tỉnh Thử Nghiệm']);
    await switcher.selectOption('thu-nghiem');
    await o.page.getByRole('heading', { level: 1, name: /Tỉnh Thử Nghiệm/ }).waitFor();
    await waitForIdleMap(o.page);
    const drawn = await o.page.evaluate(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['sites-label'] }).map((f) => f.properties['id']));
    assert.ok(drawn.includes('mini-kcn-a'), JSON.stringify(drawn));
    assert.match(o.page.url(), /\?region=thu-nghiem(&|$)/);
    await o.page.getByRole('tab', { name: 'Mục tiêu' }).click();
    const card = o.page.getByRole('article', { name: 'Mặt bằng sạch' });
    await card.getByText(formatHa(expectedCleared, 'vi'), { exact: true }).waitFor();
    const workerLoaded = await o.page.evaluate(() => performance.getEntriesByType('resource').some((e) => /report\.worker/.test(e.name)));
    assert.ok(workerLoaded, 'the report was computed by the Web Worker');
    await o.page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    await o.page.goBack();
    await o.page.getByRole('heading', { level: 1, name: /Lào Cai/ }).waitFor();
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('switches between the shipped provinces, fitting the map to each', async () => {
    const { server, url } = await startServer();
    servers.push(server);
    const o = await openOffline(browser, `${url}?region=lang-son`);
    await waitForIdleMap(o.page);
    await o.page.getByRole('heading', { level: 1, name: /Lạng Sơn/ }).waitFor();
    const center = await o.page.evaluate(() => window.__atlas!.map.getCenter().toArray());
    assert.ok(center[0]! > 106 && center[0]! < 107.5 && center[1]! > 21.2 && center[1]! < 22.6, JSON.stringify(center));
    await o.page.getByRole('tab', { name: 'Mục tiêu' }).click();
    const table = o.page.locator('[data-table="ls-qd609-by-district"]');
    await table.waitFor();
    assert.match((await table.textContent()) ?? '', /1\.156,77/);
    await screenshot(o.page, 'lang-son-targets');
    await o.context.close();
  });

  it('shows every province with its parks, clusters and declared hectares, and the whole country', async () => {
    const { server, url } = await startServer();
    servers.push(server);
    const o = await openOffline(browser, url);
    await waitForIdleMap(o.page);
    await o.page.getByRole('tab', { name: 'Các tỉnh' }).click();
    for (const id of ['lao-cai', 'lang-son', 'binh-dinh']) {
      // Expected straight from the data files: features by kind, declared areas added.
      const sites = JSON.parse(readFileSync(join(ROOT, 'data', 'regions', id, 'sites.geojson'), 'utf8')) as {
        features: { properties: { kind: string; declaredAreaHa?: number } }[];
      };
      const kcn = sites.features.filter((f) => f.properties.kind === 'kcn').length;
      const ccn = sites.features.filter((f) => f.properties.kind === 'ccn').length;
      const ha = sites.features.reduce((s, f) => s + (f.properties.declaredAreaHa ?? 0), 0);
      const row = o.page.locator(`tr[data-region="${id}"]`);
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      assert.equal(cells[0], String(kcn), `${id} KCN`);
      assert.equal(cells[1], String(ccn), `${id} CCN`);
      assert.equal(cells[2], formatNumber(ha, 'vi', 2), `${id} ha`);
    }
    await o.page.getByRole('button', { name: 'Xem toàn quốc' }).click();
    await o.page.waitForFunction(() => window.__atlas!.map.getZoom() < 6 && !window.__atlas!.map.isMoving());
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'provinces-overview');
    const marks = await o.page.evaluate(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['provinces-mark'] }).map((f) => f.properties['id']).sort());
    assert.deepEqual(marks, ['binh-dinh', 'lang-son', 'lao-cai']);
    const labels = await o.page.evaluate(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['provinces-label'] }).map((f) => f.properties['id']).sort());
    assert.deepEqual(labels, ['binh-dinh', 'lang-son', 'lao-cai'], 'every province is named at country scale');
    await o.page.locator('tr[data-region="binh-dinh"]').getByRole('button').click();
    await o.page.getByRole('heading', { level: 1, name: /Bình Định/ }).waitFor();
    await o.context.close();
  });
});
