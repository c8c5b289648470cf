// Targets and site table in a real browser, checked against `npm run report` (same analytics).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { RegionReport } from '../../src/analytics/report';
import { formatHa } from '../../src/i18n/format';
import { appAndBrowser, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();

function cliReport(): RegionReport {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'report.ts'), '--region', 'lao-cai', '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as RegionReport;
}


describe('targets, offline', () => {
  it('shows the cleared-land figure and the 500 ha target, equal to the report to the hundredth of a hectare', async () => {
    const report = cliReport();
    const cleared = report.targets.find((t) => t.target.metric === 'clearedHa')!;
    assert.ok(cleared.value !== null, 'the Lào Cai data has clearance figures');
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await o.page.getByRole('tab', { name: 'Mục tiêu' }).click();
    const card = o.page.getByRole('article', { name: 'Hoàn thiện ít nhất 500 ha mặt bằng sạch để thu hút nhà đầu tư thứ cấp' });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Chỉ tiêu\s*≥ 500,00 ha/);
    assert.ok(text.includes(formatHa(cleared.value!, 'vi')), `panel shows ${formatHa(cleared.value!, 'vi')}: ${text}`);
    assert.ok(text.includes('Số liệu minh họa'), 'sample figures are labelled');
    await card.scrollIntoViewIfNeeded();
    await screenshot(o.page, 'targets-panel');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('lists the sites with their three areas agreeing with the report, and a row click flies the map there', async () => {
    const report = cliReport();
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await o.page.getByRole('tab', { name: 'Danh sách' }).click();
    await o.page.getByRole('searchbox').fill('tang loong');
    const row = o.page.locator('tr[data-site="lc-kcn-tang-loong"]');
    await row.waitFor();
    const site = report.sites.find((s) => s.id === 'lc-kcn-tang-loong')!;
    const rowText = (await row.textContent()) ?? '';
    assert.ok(rowText.includes(formatHa(site.areas!.ellipsoidalHa, 'vi').replace(' ha', '')), rowText);
    await row.getByRole('button').click();
    await o.page.waitForFunction(() => window.__atlas!.map.getZoom() > 11 && !window.__atlas!.map.isMoving(), null, { timeout: 15_000 });
    const details = o.page.getByTestId('details');
    await details.waitFor();
    // KCN Tằng Loỏng is located at 104.1443, 22.29499 (facts/places.csv): on screen, and not under the details panel.
    const at = await o.page.evaluate(() => {
      const map = window.__atlas!.map;
      const p = map.project([104.1443, 22.29499]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, left: box.left, top: box.top, bottom: box.bottom };
    });
    const panel = (await details.boundingBox())!;
    assert.ok(at.x > at.left && at.x < panel.x && at.y > at.top && at.y < at.bottom, JSON.stringify({ at, panel }));
    const d = (await details.textContent()) ?? '';
    assert.ok(d.includes(formatHa(site.areas!.vn2000Ha, 'vi')), 'details show the VN-2000 area of the report');
    assert.ok(d.includes(formatHa(site.areas!.turfHa, 'vi')), 'details show the Turf area of the report');
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'site-table');
    await o.context.close();
  });
});
