// The statistics tab in a real browser: the charts' counts against the data file, a bar filters the list
// (and the map) to the sites it counts, both languages, axe, print; screenshot stats-panel.png.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appAndBrowser, axeSerious, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const sites = (JSON.parse(readFileSync(join(ROOT, 'data', 'regions', 'lao-cai', 'sites.geojson'), 'utf8')) as { features: { properties: { id: string; kind: string; status: string; occupancyPct?: number } }[] }).features.map((f) => f.properties);

describe('statistics tab', () => {
  it('counts by kind and status; a bar filters the list and the map to its sites', async () => {
    const o = await openOffline(app.browser, `${app.url}?region=lao-cai`);
    await waitForIdleMap(o.page);
    await o.page.getByRole('tab', { name: 'Thống kê' }).click();
    const panel = o.page.getByTestId('stats-panel');
    await panel.waitFor();
    await o.page.waitForSelector('[data-chart="clean"]');
    await screenshot(o.page, 'stats-panel');
    // Each kind/status bar counts what the data file holds.
    const ccnPlanned = sites.filter((s) => s.kind === 'ccn' && s.status === 'planned');
    const bar = panel.locator('[data-chart="kind"] .stat-bar[data-key="ccn:planned"]');
    assert.match(await bar.innerText(), new RegExp(`\\b${ccnPlanned.length} cụm`));
    // Occupancy: sites without a figure are said to be missing, not counted as 0%.
    const withOcc = sites.filter((s) => s.occupancyPct !== undefined).length;
    assert.ok((await panel.locator('[data-chart="occupancy"]').innerText()).includes(`${sites.length - withOcc}/${sites.length}`));
    assert.deepEqual(await axeSerious(o.page, { include: '.sidebar' }), []);
    await panel.locator('[data-chart="clean"]').scrollIntoViewIfNeeded();
    await screenshot(o.page, 'stats-clean-land');
    await bar.click();
    // The list opens with exactly those sites, and the map keeps only them.
    await o.page.getByRole('tab', { name: 'Danh sách', selected: true }).waitFor();
    await o.page.waitForFunction((n) => document.querySelectorAll('.site-table tbody tr').length === n, ccnPlanned.length, { timeout: 5000 });
    const shown = await o.page.locator('.site-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site')));
    assert.deepEqual(shown.sort(), ccnPlanned.map((s) => s.id).sort());
    assert.deepEqual((await o.page.evaluate(() => window.__atlas!.store.getState().siteFilter.ids))?.slice().sort(), ccnPlanned.map((s) => s.id).sort());
    assert.match(o.page.url(), /only=/);
    await screenshot(o.page, 'stats-filtered-list');
    // English, and the print view holds the charts.
    await o.page.getByRole('button', { name: 'English' }).click();
    await o.page.getByRole('tab', { name: 'Statistics' }).click();
    await o.page.getByRole('heading', { name: /at a glance/ }).waitFor();
    await o.page.emulateMedia({ media: 'print' });
    assert.ok(await o.page.locator('[data-chart="kind"] .stat-bar').first().isVisible());
    await o.page.emulateMedia({ media: 'screen' });
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
