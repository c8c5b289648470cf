// The clusters and figures of the Lào Cai Dept. of Industry and Trade portal, as an investor reads them:
// a fact sheet with land let and still to let, occupancy, enterprises and the other sources' figures;
// the site table sorted by land still to let, and its "≥ 10 ha" filter. (Two tests: the file's 120 s budget.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();

describe("the portal's clusters and investor figures", () => {
  it('shows CCN Sơn Thịnh’s fact sheet with the portal’s figures, their date and the portal’s own point', async () => {
    const o = await openOffline(app.browser, `${app.url}?region=lao-cai&sel=site:lc-ccn-son-thinh`);
    await waitForIdleMap(o.page);
    const sheet = o.page.getByTestId('details');
    await sheet.waitFor();
    assert.equal(await sheet.getByRole('heading', { level: 2 }).innerText(), 'CCN Sơn Thịnh');
    assert.ok(await sheet.getByRole('heading', { name: 'Đất cho thuê và doanh nghiệp' }).isVisible());
    const text = await sheet.innerText();
    // Portal (01/4/2026): 15.58 ha leased, 37.88%, 2 enterprises; still to let 15.58 / 0.3788 − 15.58 = 25.55 ha.
    assert.match(text, /Đã cho thuê\s+15,58 ha/);
    assert.match(text, /Số liệu đến ngày 01\/04\/2026/);
    assert.match(text, /Còn cho thuê\s+≈ 25,55 ha/);
    assert.match(text, /Tỷ lệ lấp đầy\s+37,88%/);
    assert.match(text, /Số doanh nghiệp\s+2/);
    assert.match(text, /735\/QĐ-UBND, nguồn không nêu ngày/);
    assert.match(text, /Nguồn khác ghi khác/);
    await sheet.locator('.other-figures').scrollIntoViewIfNeeded();
    await screenshot(o.page, 'portal-fact-sheet');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('sorts the table by land still to let and keeps the six clusters with ≥ 10 ha', async () => {
    const o = await openOffline(app.browser, `${app.url}?region=lao-cai`);
    await waitForIdleMap(o.page);
    await o.page.getByRole('tab', { name: 'Danh sách' }).click();
    await o.page.locator('[data-filter="available10"]').check();
    const rows = o.page.locator('.site-table tbody tr');
    await o.page.waitForFunction(() => document.querySelectorAll('.site-table tbody tr').length === 6, null, { timeout: 5000 });
    await o.page.getByRole('button', { name: /Còn cho thuê \(ha\)/ }).click();
    const first = (await rows.first().getAttribute('data-site')) ?? '';
    // Largest first: Sơn Thịnh ≈ 25.55 ha.
    assert.equal(first, 'lc-ccn-son-thinh');
    assert.match(await o.page.locator('.site-table').innerText(), /6\D+77/);
    await screenshot(o.page, 'portal-site-table');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

});
