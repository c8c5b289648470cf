// The data editor ("Biên tập dữ liệu") in a real browser: an invalid value is refused with the
// validator's message, a good one kept (also across a reload); the communes' spreadsheet is imported
// with its bad row refused by number; the review screen shows the diff; the exported folder (zip),
// unpacked over a copy of data/regions, passes `npm run validate:data`; the monthly report reads back.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import writeXlsxFile from 'write-excel-file/universal';
import { readSheet } from 'read-excel-file/universal';
import type { Page } from 'playwright-core';
import { appAndBrowser, axeSerious, openOffline, ROOT, screenshot, type AxeFinding } from './harness';

const app = appAndBrowser();
const SITE = 'lc-kcn-tang-loong';
const OTHER = 'lc-ccn-bac-duyen-hai';

async function downloadOf(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button }).click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

describe('data editor', () => {
  it('edits, refuses, imports a sheet, shows the diff and exports a folder that validates', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kcn-editor-e2e-'));
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    try {
      await page.waitForFunction(() => Boolean(window.__atlas?.store.getState().region), null, { timeout: 30_000 });
      await page.getByRole('button', { name: 'Biên tập dữ liệu' }).click();
      const editor = page.getByTestId('editor');
      await editor.getByTestId('edit-site').selectOption(SITE);

      // An occupancy over 100 % is refused with the validator's message; what was typed stays.
      const form = editor.getByRole('form', { name: 'Sửa khu/cụm' });
      await form.locator('input[name="occupancyPct"]').fill('150');
      await form.getByTestId('doc-select').selectOption({ label: 'Văn bản mới…' });
      await form.getByLabel('Tên, số hiệu văn bản').fill('Báo cáo 45/BC-BQL tháng 5/2026');
      await form.getByLabel('Ngày văn bản').fill('31/05/2026');
      await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
      const refused = editor.getByRole('alert');
      await refused.waitFor();
      const message = await refused.innerText();
      assert.match(message, /Không ghi được/);
      assert.match(message, /KCN Tằng Loỏng › Tỷ lệ lấp đầy \(%\): không được lớn hơn 100/);
      assert.equal(await form.locator('input[name="occupancyPct"]').inputValue(), '150');
      await screenshot(page, 'editor-refused');
      const axe: Record<string, AxeFinding[]> = {};
      axe['site form, refused'] = await axeSerious(page, { include: '[data-testid="editor"]' });

      // Corrected, with the point moved: kept.
      await form.locator('input[name="occupancyPct"]').fill('72,5');
      await form.locator('input[name="lon"]').fill('104.15');
      await form.locator('input[name="lat"]').fill('22.3');
      await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await editor.getByRole('status').filter({ hasText: 'Đã ghi 2 thay đổi' }).waitFor();

      // Kept in the browser: after a reload the editor still has the edit.
      await page.reload();
      await page.waitForFunction(() => Boolean(window.__atlas?.store.getState().region), null, { timeout: 30_000 });
      await page.getByRole('button', { name: 'Biên tập dữ liệu' }).click();
      await editor.getByRole('button', { name: /Xem lại và xuất \(2\)/ }).waitFor();

      // The communes' spreadsheet, made here, with one bad row (row 4: not a number).
      const sheet = await writeXlsxFile([
        ['Tiến độ GPMB tháng 5/2026'],
        ['STT', 'Khu/cụm', 'Đã GPMB (ha)', 'Còn lại (ha)', 'Ngày', 'Nguồn'],
        [1, 'KCN Tằng Loỏng', 130.25, 969.75, '31/05/2026', 'Báo cáo 45/BC-BQL tháng 5/2026'],
        [2, 'CCN Bắc Duyên Hải', 'mười', null, '31/05/2026', 'Báo cáo 7/BC-UBND phường Cốc Lếu'],
        [3, 'CCN Bắc Duyên Hải', 8.5, 11, '31/05/2026', 'Báo cáo 7/BC-UBND phường Cốc Lếu'],
      ]).toBlob();
      const xlsx = join(work, 'tien-do-thang-5.xlsx');
      writeFileSync(xlsx, Buffer.from(await sheet.arrayBuffer()));
      await editor.getByRole('button', { name: 'Nhập bảng tính' }).click();
      await editor.getByTestId('progress-file').setInputFiles(xlsx);
      await editor.getByTestId('import-preview').waitFor();
      assert.equal(await editor.getByTestId('import-preview').locator('tbody tr').count(), 2);
      const errors = await editor.getByTestId('import-errors').innerText();
      assert.match(errors, /Dòng 4: "mười" ở cột "Đã GPMB \(ha\)" không phải là số/);
      await editor.getByRole('button', { name: 'Thêm 2 bản ghi' }).click();
      await editor.getByText('Đã thêm 2 bản ghi.').waitFor();
      axe['import, bad row'] = await axeSerious(page, { include: '[data-testid="editor"]' });
      await editor.getByRole('button', { name: 'Tiến độ' }).click();
      await editor.getByTestId('progress-site').selectOption(SITE);
      axe['progress form'] = await axeSerious(page, { include: '[data-testid="editor"]' });

      // The review screen: field by field, per site.
      await editor.getByRole('button', { name: /Xem lại và xuất/ }).click();
      const review = editor.getByTestId('editor-review');
      const site = review.getByRole('region', { name: 'Tằng Loỏng', exact: true });
      const row = site.getByRole('row', { name: /Tỷ lệ lấp đầy/ });
      assert.deepEqual(await row.locator('td').allInnerTexts(), ['(chưa có)', '72,5']);
      const shipped = JSON.parse(readFileSync(join(ROOT, 'data/regions/lao-cai/sites.geojson'), 'utf8')) as { features: { properties: { id: string }; geometry: { coordinates: number[] } }[] };
      const before = shipped.features.find((f) => f.properties.id === SITE)!.geometry.coordinates;
      assert.match(await site.getByRole('row', { name: /Vị trí/ }).innerText(), new RegExp(`${before[0]}, ${before[1]}\\s+104\\.15, 22\\.3`));
      await review.getByRole('region', { name: 'Bắc Duyên Hải — 31/05/2026' }).waitFor();
      await screenshot(page, 'editor-diff');
      axe['review'] = await axeSerious(page, { include: '[data-testid="editor"]' });
      assert.deepEqual(Object.fromEntries(Object.entries(axe).filter(([, f]) => f.length > 0)), {});

      // The folder: unpacked over a copy of data/regions, `npm run validate:data` passes and sees the edits.
      const zip = await downloadOf(page, 'Tải thư mục dữ liệu (.zip)');
      assert.match(zip.name, /^lao-cai-bien-tap-\d{4}-\d{2}-\d{2}\.zip$/);
      const regions = join(work, 'regions');
      for (const [path, bytes] of Object.entries(unzipSync(zip.bytes))) {
        mkdirSync(join(regions, path, '..'), { recursive: true });
        writeFileSync(join(regions, path), bytes);
      }
      const out = execFileSync('npx', ['tsx', 'scripts/validate-data.ts', 'lao-cai'], { cwd: ROOT, env: { ...process.env, KCN_REGIONS_DIR: regions }, encoding: 'utf8' });
      assert.match(out, /✔ lao-cai/);
      const sites = JSON.parse(readFileSync(join(regions, 'lao-cai/sites.geojson'), 'utf8')) as typeof shipped;
      const edited = sites.features.find((f) => f.properties.id === SITE)!;
      assert.equal((edited.properties as { occupancyPct?: number }).occupancyPct, 72.5);
      assert.deepEqual(edited.geometry.coordinates, [104.15, 22.3]);
      const clearance = strFromU8(unzipSync(zip.bytes)['lao-cai/clearance.geojson']!);
      assert.match(clearance, new RegExp(`"siteId": "${OTHER}"`));
      // Files the edits did not touch come out as shipped.
      assert.equal(readFileSync(join(regions, 'lao-cai/roads.geojson'), 'utf8'), readFileSync(join(ROOT, 'data/regions/lao-cai/roads.geojson'), 'utf8'));

      // The JSON patch names the changed files.
      const patch = JSON.parse((await downloadOf(page, 'Tải bản vá JSON')).bytes.toString('utf8')) as { region: string; files: Record<string, unknown[]> };
      assert.equal(patch.region, 'lao-cai');
      assert.deepEqual(Object.keys(patch.files).sort(), ['clearance.geojson', 'region.json', 'sites.geojson']);

      // The monthly report: a workbook with Vietnamese headers and the imported figures.
      await review.getByLabel('Tháng báo cáo').fill('2026-05');
      const report = await downloadOf(page, 'Tải báo cáo tháng (.xlsx)');
      const rows = await readSheet(new Uint8Array(report.bytes).buffer, 'Tiến độ GPMB');
      assert.deepEqual(rows[1]?.slice(0, 4), ['Khu/cụm', 'Xã/phường', 'Diện tích công bố (ha)', 'Đã GPMB (ha)']);
      assert.equal(rows.find((r) => r[0] === 'CCN Bắc Duyên Hải')?.[3], 8.5);

      assert.deepEqual(o.errors, []);
    } finally {
      await o.context.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
