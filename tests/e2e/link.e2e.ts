// A planner links the surveyed outline in their own file to a park: loads the file, accepts the
// suggestion, and sees the park drawn with a solid outline, the declared and surveyed areas side by
// side with their difference, and the link still there after a reload.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appAndBrowser, importThroughChooser, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const FILE = join(ROOT, 'tests', 'fixtures', 'io', 'link', 'ranh-tang-loong.geojson');
const TL = 'lc-kcn-tang-loong';
const DECLARED_HA = 1100;
// The fixture's rectangle, 104.1243–104.1643 °E × 22.2825–22.3075 °N, on a sphere of the WGS84
// authalic radius: R²·Δλ·(sin φn − sin φs). The app measures on the ellipsoid, about 0.25% less at 22°N.
const R = 6_371_007.2;
const rad = Math.PI / 180;
const EXPECTED_HA = (R * R * 0.04 * rad * (Math.sin(22.3075 * rad) - Math.sin(22.2825 * rad))) / 10_000;

/** "1.144,35" → 1144.35 (Vietnamese grouping and decimal marks). */
const viNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/** How many of Tằng Loỏng's outline features each outline layer draws in the current view. */
function drawnOutlines(page: Page): Promise<{ exact: number; indicative: number }> {
  return page.evaluate((id) => {
    // No named helper in here: the test runner's transform would wrap it in a function the page lacks.
    const map = window.__atlas!.map;
    const [exact, indicative] = ['sites-outline-exact', 'sites-outline-indicative'].map(
      (layer) => map.queryRenderedFeatures({ layers: [layer] }).filter((f) => f.properties?.['id'] === id).length,
    );
    return { exact: exact!, indicative: indicative! };
  }, TL);
}

async function openDetails(page: Page): Promise<void> {
  await page.evaluate((id) => {
    const s = window.__atlas!.store.getState();
    s.select({ type: 'site', id });
    s.requestFlyTo(id);
  }, TL);
  await page.getByTestId('details').waitFor();
  await page.waitForFunction(() => !window.__atlas!.map.isMoving(), null, { timeout: 15_000 });
  await waitForIdleMap(page);
}

const quality = (page: Page) =>
  page.evaluate((id) => window.__atlas!.store.getState().region!.siteOutlines.features.find((f) => f.properties.id === id)?.properties.quality, TL);

describe('linking an imported polygon to a park', () => {
  it('replaces the sketch by the surveyed outline, shows both areas, and keeps the link after a reload', async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);

    // Before: Tằng Loỏng is a dashed footprint of its declared area.
    await openDetails(page);
    assert.deepEqual(await drawnOutlines(page).then((d) => ({ exact: d.exact > 0, indicative: d.indicative > 0 })), { exact: false, indicative: true });
    assert.match((await page.getByTestId('details').textContent()) ?? '', /Hình minh họa/);

    await importThroughChooser(page, FILE, '“ranh-tang-loong.geojson”: 1 đối tượng đã nạp.');
    await page.getByText('Gợi ý: KCN Tằng Loỏng (trùng tên, điểm vị trí nằm trong vùng)').waitFor();
    await page.getByTestId('link-accept-all').click();
    await page.getByText('Đã gắn', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('Gắn với khu/cụm: KCN Tằng Loỏng').inputValue(), TL);
    assert.equal(await quality(page), 'surveyed');

    // The details: no sketch badge, the two areas side by side, the difference as computed here.
    await openDetails(page);
    const drawn = await drawnOutlines(page);
    assert.ok(drawn.exact > 0 && drawn.indicative === 0, `outline drawn solid, not dashed: ${JSON.stringify(drawn)}`);
    const panel = page.getByTestId('details');
    const text = (await panel.textContent()) ?? '';
    assert.doesNotMatch(text, /Hình minh họa/);
    assert.match(text, /Diện tích công bố\s*1\.100,00 ha/);
    const shown = /Diện tích theo ranh đo đạc \(tệp “ranh-tang-loong\.geojson”\)\s*([\d.,]+) ha/.exec(text);
    assert.ok(shown, text);
    const surveyedHa = viNumber(shown[1]!);
    assert.ok(Math.abs(surveyedHa - EXPECTED_HA) / EXPECTED_HA < 0.005, `surveyed ${surveyedHa} ha vs ${EXPECTED_HA.toFixed(2)} ha`);
    const diff = /^\+([\d.,]+) ha \(\+([\d,]+)%\)$/.exec((await panel.getByTestId('link-difference').textContent()) ?? '');
    assert.ok(diff, 'difference shown with its sign');
    const expectedDiff = EXPECTED_HA - DECLARED_HA;
    assert.ok(Math.abs(viNumber(diff[1]!) - expectedDiff) < 0.005 * EXPECTED_HA, `difference ${diff[1]} ha vs ${expectedDiff.toFixed(2)} ha`);
    assert.ok(Math.abs(viNumber(diff[2]!) - (100 * expectedDiff) / DECLARED_HA) < 0.6, `difference ${diff[2]}% vs ${((100 * expectedDiff) / DECLARED_HA).toFixed(1)}%`);
    await screenshot(page, 'link-details');

    // A reload: the layer and its link come back from the browser's storage.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('kcn-atlas-imports');
          open.onsuccess = () => {
            const req = open.result.transaction('layers').objectStore('layers').get('site-links');
            req.onsuccess = () => {
              resolve(Array.isArray(req.result) && req.result.length === 1);
              open.result.close();
            };
            req.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        }),
      null,
      { timeout: 10_000 },
    );
    await page.reload();
    await waitForIdleMap(page);
    await page.waitForFunction((id) => window.__atlas!.store.getState().siteLinks.some((l) => l.siteId === id), TL, { timeout: 10_000 });
    assert.equal(await quality(page), 'surveyed');
    await openDetails(page);
    const after = await drawnOutlines(page);
    assert.ok(after.exact > 0 && after.indicative === 0, `after reload: ${JSON.stringify(after)}`);
    assert.match((await page.getByTestId('details').textContent()) ?? '', /Diện tích theo ranh đo đạc/);
    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.blocked, []);
    await o.context.close();
  });
});
