// The data editor's working copy on the map, in a real browser: an edit shows at once on the map and in
// the fact sheet, marked as an unpublished draft; a site's point is moved by a click on the map; a polygon
// of an imported GeoJSON file becomes a site's boundary (and one outside the province is refused with the
// validator's message); both are in the diff and the JSON patch; "Xem dữ liệu đã phát hành" goes back to
// the shipped data, and the choice survives a reload.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { appAndBrowser, importThroughChooser, openOffline, ROOT, screenshot } from './harness';

const app = appAndBrowser();
const SITE = 'lc-kcn-tang-loong';
const MOVED = 'lc-ccn-bac-duyen-hai';
type SiteJson = { properties: { id: string; investor?: string }; geometry: { type: string; coordinates: [number, number] } | null };
const shipped = (JSON.parse(readFileSync(join(ROOT, 'data/regions/lao-cai/sites.geojson'), 'utf8')) as { features: SiteJson[] }).features;
const siteJson = (id: string) => shipped.find((f) => f.properties.id === id)!;
const [lon, lat] = siteJson(SITE).geometry!.coordinates;
const square = (x: number, y: number, d: number) => [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]];
const INVESTOR = 'Công ty Thử Nghiệm Bản Nháp';

const shown = (page: Page, id: string) =>
  page.evaluate((sid) => {
    const r = window.__atlas!.store.getState().region!;
    const f = r.data.sites.features.find((x) => x.properties.id === sid)!;
    const anchor = r.siteAnchors.features.find((x) => x.properties.id === sid)?.geometry.coordinates ?? null;
    const outline = r.siteOutlines.features.find((x) => x.properties.id === sid)?.properties ?? null;
    return { investor: f.properties.investor ?? null, anchor, quality: outline?.quality ?? null };
  }, id);

/** Picks the first option of a select whose text matches. */
async function choose(select: Locator, text: RegExp): Promise<void> {
  const value = await select.locator('option').filter({ hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

async function save(page: Page, docLabel: RegExp): Promise<string> {
  const form = page.getByTestId('editor').getByRole('form', { name: 'Sửa khu/cụm' });
  await choose(form.getByTestId('doc-select'), docLabel);
  await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
  const outcome = page.getByTestId('editor').locator('.editor-ok, .editor-refused[role="alert"]');
  await outcome.first().waitFor();
  return outcome.first().innerText();
}

describe('the editor’s draft on the map', () => {
  it('shows edits at once as a draft, moves a point by a click, attaches an imported boundary, and goes back', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kcn-draft-e2e-'));
    const file = join(work, 'ranh-du-an.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: 'Ranh đo đạc Tằng Loỏng' }, geometry: { type: 'Polygon', coordinates: square(lon, lat, 0.012) } },
          { type: 'Feature', properties: { name: 'Ranh ở tỉnh khác' }, geometry: { type: 'Polygon', coordinates: square(lon + 4, lat, 0.01) } },
        ],
      }),
    );
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    try {
      await page.waitForFunction(() => Boolean(window.__atlas?.store.getState().region), null, { timeout: 30_000 });
      await importThroughChooser(page, file, '“ranh-du-an.geojson”: 2 đối tượng đã nạp.');
      const published = await shown(page, SITE);
      assert.notEqual(published.investor, INVESTOR);
      assert.equal(await page.getByTestId('draft-banner').count(), 0);

      // An attribute: on the map's data and in the fact sheet at once, marked as a draft.
      await page.getByRole('button', { name: 'Biên tập dữ liệu' }).click();
      const editor = page.getByTestId('editor');
      await editor.getByTestId('edit-site').selectOption(SITE);
      await editor.locator('input[name="investor"]').fill(INVESTOR);
      assert.match(await save(page, /^Kế hoạch thực hiện Nghị quyết 34/), /Đã ghi 1 thay đổi/);
      await page.getByTestId('draft-banner').waitFor();
      assert.match(await page.getByTestId('draft-banner').innerText(), /Bản nháp chưa phát hành/);
      assert.equal((await shown(page, SITE)).investor, INVESTOR);
      await page.evaluate((id) => window.__atlas!.store.getState().select({ type: 'site', id }), SITE);
      const sheet = page.getByTestId('details');
      await sheet.getByText(INVESTOR).first().waitFor();
      await sheet.getByTestId('draft-badge').waitFor();
      await screenshot(page, 'editor-draft');

      // A point moved by a click on the map: the click fills longitude and latitude, and selects nothing.
      await page.evaluate(() => window.__atlas!.store.getState().select(null));
      await editor.getByTestId('edit-site').selectOption(MOVED);
      await editor.getByTestId('pick-point').click();
      // Close in (a pixel is then about 30 m) on a spot a little north-east of the site's shipped point.
      const [mx, my] = siteJson(MOVED).geometry!.coordinates;
      const { at, perPixel } = await page.evaluate(({ x, y }) => {
        const m = window.__atlas!.map;
        m.jumpTo({ center: [x, y], zoom: 12 });
        const p = m.project([x + 0.01, y + 0.005]);
        const a = m.unproject([0, 0]);
        const b = m.unproject([1, 1]);
        return { at: { x: Math.round(p.x), y: Math.round(p.y) }, perPixel: Math.max(Math.abs(b.lng - a.lng), Math.abs(b.lat - a.lat)) };
      }, { x: mx, y: my });
      const target = await page.evaluate(({ x, y }) => {
        const p = window.__atlas!.map.unproject([x, y]);
        return [p.lng, p.lat];
      }, at);
      await page.locator('.maplibregl-canvas').click({ position: at });
      const form = editor.getByRole('form', { name: 'Sửa khu/cụm' });
      await page.waitForFunction((before) => (document.querySelector('input[name="lon"]') as HTMLInputElement | null)?.value !== before, String(mx));
      const typedLon = Number(await form.locator('input[name="lon"]').inputValue());
      const typedLat = Number(await form.locator('input[name="lat"]').inputValue());
      // Where the click landed, within a pixel (the browser may round the click to a device pixel).
      assert.ok(Math.abs(typedLon - target[0]!) <= perPixel && Math.abs(typedLat - target[1]!) <= perPixel, `${typedLon}, ${typedLat} vs ${target.join(', ')}`);
      assert.notDeepEqual([typedLon, typedLat], [mx, my]);
      assert.equal(await page.evaluate(() => window.__atlas!.store.getState().selected), null);
      assert.match(await save(page, /^Kế hoạch thực hiện Nghị quyết 34/), /Đã ghi 1 thay đổi/);
      assert.deepEqual((await shown(page, MOVED)).anchor, [typedLon, typedLat]);

      // A boundary from the imported file; one in another province is refused with the validator's message.
      await editor.getByTestId('edit-site').selectOption(SITE);
      await choose(form.locator('select[name="outline-layer"]'), /ranh-du-an\.geojson/);
      await choose(form.locator('select[name="outline-feature"]'), /^Ranh ở tỉnh khác/);
      const refused = await save(page, /^Kế hoạch thực hiện Nghị quyết 34/);
      assert.match(refused, /Không ghi được/);
      assert.match(refused, /ngoài vùng của tỉnh/);
      await choose(form.locator('select[name="outline-feature"]'), /^Ranh đo đạc Tằng Loỏng/);
      assert.match(await save(page, /^Kế hoạch thực hiện Nghị quyết 34/), /Đã ghi 1 thay đổi/);
      const withOutline = await shown(page, SITE);
      assert.equal(withOutline.quality, 'surveyed');
      assert.equal(withOutline.investor, INVESTOR);

      // The review lists both, and the JSON patch carries the boundary.
      await editor.getByRole('button', { name: /Xem lại và xuất/ }).click();
      const review = editor.getByTestId('editor-review');
      const tl = review.getByRole('region', { name: 'Tằng Loỏng', exact: true });
      assert.match(await tl.getByRole('row', { name: /Hình trên bản đồ/ }).innerText(), /điểm\s+đường ranh \(đa giác\)/);
      assert.match(await tl.getByRole('row', { name: /Vị trí/ }).innerText(), /đường ranh 4 đỉnh, [\d.,]+ ha/);
      assert.match(await review.getByRole('region', { name: 'Bắc Duyên Hải', exact: true }).getByRole('row', { name: /Vị trí/ }).innerText(), new RegExp(String(typedLon).replace('.', '\\.')));
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bản vá JSON' }).click()]);
      const patch = readFileSync((await dl.path())!, 'utf8');
      assert.match(patch, /"Polygon"/);
      assert.match(patch, /"surveyed"/);

      // Back to the published data: the shipped figures, no banner; remembered across a reload.
      await page.getByTestId('draft-banner').getByRole('button', { name: 'Xem dữ liệu đã phát hành' }).click();
      await page.getByTestId('draft-banner').waitFor({ state: 'detached' });
      assert.deepEqual(await shown(page, SITE), published);
      await page.reload();
      await page.waitForFunction(() => Boolean(window.__atlas?.store.getState().region), null, { timeout: 30_000 });
      await page.getByRole('button', { name: 'Biên tập dữ liệu' }).click();
      await editor.getByRole('button', { name: 'Hiện bản nháp trên bản đồ' }).waitFor();
      assert.equal(await page.getByTestId('draft-banner').count(), 0);
      assert.deepEqual(await shown(page, SITE), published);
      await editor.getByRole('button', { name: 'Hiện bản nháp trên bản đồ' }).click();
      await page.getByTestId('draft-banner').waitFor();
      assert.equal((await shown(page, SITE)).quality, 'surveyed');
      assert.deepEqual(o.errors, []);
    } finally {
      await o.context.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
