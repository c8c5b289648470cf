// A planner's boundary file in which one outline crosses itself (a "bow-tie": two corners swapped in
// its corner table). In a real browser: the outline is loaded and drawn (with a dashed amber edge),
// flagged with where it crosses, its area is the repaired shape's and says so, and the planner can
// leave it out — off the map and out of the total — and the choice survives a reload.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as geographiclib from 'geographiclib-geodesic';
import type { Page } from 'playwright-core';
import { appAndBrowser, openImportPanel, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const FILE = join(ROOT, 'tests', 'fixtures', 'io', 'no-buom-ranh-gioi.kml');

// Node's ESM loader sees GeographicLib's UMD file as CommonJS: its names sit on the default export.
const lib = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;

/** GeographicLib's ellipsoidal area of a simple ring of [lon, lat] corners (not closed), in ha. */
function geodesicHa(ring: [number, number][]): number {
  const p = lib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of ring) p.AddPoint(lat, lon);
  return Math.abs(p.Compute(false, true).area ?? NaN) / 10_000;
}

const vi2 = (x: number) => `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x)} ha`;

// The file's corners (see the fixture), and where the bow-tie's edges 1→2 and 3→4 cross.
const SQUARE: [number, number][] = [[104.1, 22.28], [104.115, 22.28], [104.115, 22.295], [104.1, 22.295]];
const P1: [number, number] = [104.13, 22.28];
const P2: [number, number] = [104.15, 22.29];
const P3: [number, number] = [104.15, 22.28];
const P4: [number, number] = [104.13, 22.3];
function crossing(): [number, number] {
  const d = (P1[0] - P2[0]) * (P3[1] - P4[1]) - (P1[1] - P2[1]) * (P3[0] - P4[0]);
  const t = ((P1[0] - P3[0]) * (P3[1] - P4[1]) - (P1[1] - P3[1]) * (P3[0] - P4[0])) / d;
  return [P1[0] + t * (P2[0] - P1[0]), P1[1] + t * (P2[1] - P1[1])];
}

/** The file's feature numbers (`index`) the map drew in one of the layer's map layers, in view. */
function drawnIndexes(page: Page, layerId: string, kind: 'fill' | 'repaired'): Promise<number[]> {
  return page.evaluate(
    ([id, k]) => {
      const lid = `import-${id}-${k}`;
      const map = window.__atlas!.map;
      if (!map.getLayer(lid)) return [];
      const seen = new Set(map.queryRenderedFeatures({ layers: [lid] }).map((f) => Number(f.properties['index'])));
      return [...seen].sort();
    },
    [layerId, kind] as const,
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__atlas!.map.isMoving(), null, { timeout: 15_000 });
  await waitForIdleMap(page);
}

describe('a self-crossing outline in a planner’s file', () => {
  it('is drawn, flagged where it crosses, measured as repaired and labelled so, and left out on request', async () => {
    const { page } = await openOffline(app.browser, app.url);
    await waitForIdleMap(page);
    const input = await openImportPanel(page);
    await input.setInputFiles(FILE);
    // Both outlines are loaded: nothing refused.
    await page.getByText('“no-buom-ranh-gioi.kml”: 2 đối tượng đã nạp.').waitFor();
    await settle(page);
    const id = await page.evaluate(() => window.__atlas!.store.getState().imports[0]!.id);

    // Drawn: both fill; the bow-tie (feature 2, index 1) alone carries the repaired edge.
    assert.deepEqual(await drawnIndexes(page, id, 'fill'), [0, 1]);
    assert.deepEqual(await drawnIndexes(page, id, 'repaired'), [1]);

    // Measured on the repaired shape: the two triangles either side of the crossing.
    const x = crossing();
    const bowTieHa = geodesicHa([P1, x, P4]) + geodesicHa([x, P2, P3]);
    const squareHa = geodesicHa(SQUARE);
    const card = page.locator(`[data-layer-id="${id}"]`);
    const headline = card.locator('.import-area-headline');
    assert.equal((await headline.innerText()).replace(/\s+/g, ' '), `${vi2(squareHa + bowTieHa)} đã sửa hình`);
    assert.match(await card.locator('.import-area').innerText(), /Gồm 1 vùng tự cắt, tính trên hình đã sửa\./);
    const item = card.getByTestId('import-repaired').getByRole('listitem');
    const text = await item.innerText();
    assert.match(text, /2\. Lô nơ bướm/);
    assert.ok(text.includes(`${vi2(bowTieHa)}`), text);
    assert.match(text, /đã sửa hình/);
    assert.ok(text.includes(`Tự cắt tại [${x[0].toFixed(6)}, ${x[1].toFixed(6)}]`), text);
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-repaired');

    // Left out: gone from the map and from the total; the square stays.
    await item.getByRole('checkbox', { name: 'Bỏ vùng này khỏi lớp: Lô nơ bướm' }).check();
    await page.waitForFunction((lid) => window.__atlas!.store.getState().imports.find((l) => l.id === lid)?.leftOut?.includes(1), id);
    await waitForIdleMap(page);
    assert.deepEqual(await drawnIndexes(page, id, 'fill'), [0]);
    assert.deepEqual(await drawnIndexes(page, id, 'repaired'), []);
    assert.equal((await headline.innerText()).trim(), vi2(squareHa));
    assert.match(await card.locator('.import-area').innerText(), /1 vùng đã bỏ khỏi lớp/);
    await screenshot(page, 'import-repaired-left-out');

    // The choice is kept with the layer in the browser's storage.
    await page.waitForTimeout(500);
    await page.reload();
    await waitForIdleMap(page);
    await page.waitForFunction(() => window.__atlas!.store.getState().imports.length === 1, null, { timeout: 10_000 });
    assert.deepEqual(await page.evaluate(() => window.__atlas!.store.getState().imports[0]!.leftOut), [1]);
  });
});
