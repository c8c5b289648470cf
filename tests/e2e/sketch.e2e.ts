// A planner sketches on the map in a real browser: a polygon by four clicks (its live area read
// from the panel and checked against the area this test computes itself from the clicked pixels),
// a vertex dragged in edit mode, a line and its length; the drawing survives a style update (a
// legend layer toggled mid-drawing); the polygon, marked as clean land of KCN Tằng Loỏng, raises
// the targets panel's clean-land figure by its area; after a reload the sketches are still there.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();

// ---- Independent measures (no app code): WGS84 by closed forms --------------------------------
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const rad = (d: number) => (d * Math.PI) / 180;
/** Authalic "q" scaled so that Y = k·q(φ) with x = λ (radians) is an equal-area map of the ellipsoid (area element a²(1−e²)/2·dλ·dq). */
function equalAreaY(latDeg: number): number {
  const s = Math.sin(rad(latDeg));
  const q = s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s));
  return ((A * A * (1 - E2)) / 2) * q;
}
/**
 * Ellipsoidal area (m²) of a ring of [lon, lat]: shoelace in the cylindrical equal-area map. Edges
 * are straight there rather than geodesics; for edges under 2 km at 22°N the two areas differ by
 * under 2e-5 (relative), far inside the tolerance below.
 */
function ellipsoidalAreaM2(ring: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [l1, p1] = ring[i]!;
    const [l2, p2] = ring[(i + 1) % ring.length]!;
    twice += rad(l1) * equalAreaY(p2) - rad(l2) * equalAreaY(p1);
  }
  return Math.abs(twice) / 2;
}
/** Length (m) of a polyline on the ellipsoid, each segment by the local radii of curvature at its middle (error ~(L/R)², under 1e-7 here). */
function ellipsoidalLengthM(line: [number, number][]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const [l1, p1] = line[i - 1]!;
    const [l2, p2] = line[i]!;
    const s = Math.sin(rad((p1 + p2) / 2));
    const w = 1 - E2 * s * s;
    const m = (A * (1 - E2)) / w ** 1.5;
    const n = A / Math.sqrt(w);
    total += Math.hypot(m * rad(p2 - p1), n * Math.cos(rad((p1 + p2) / 2)) * rad(l2 - l1));
  }
  return total;
}
// A spherical measure differs from the ellipsoidal one by 0.1–0.3 % at 22°N: 0.05 % tells them apart.
const REL_TOL = 5e-4;

/** "58,61 ha" / "5.432 m²" / "1,234 km" / "845 m" (vi-VN) in m² or m. */
function parseMeasure(text: string): number {
  const m = /([\d.]+(?:,\d+)?)\s*(ha|m²|km|m)\b/.exec(text.replace(/\u00a0/g, ' '));
  assert.ok(m, `no measure in "${text}"`);
  const x = Number(m[1]!.replace(/\./g, '').replace(',', '.'));
  return { ha: 10_000, 'm²': 1, km: 1000, m: 1 }[m[2] as 'ha' | 'm²' | 'km' | 'm'] * x;
}

type Px = [number, number];
type LonLat = [number, number];

/** Map-container pixels → [lon, lat] through the app's map (the same transform terra-draw uses). */
function unproject(page: Page, p: Px): Promise<LonLat> {
  return page.evaluate(([x, y]) => window.__atlas!.map.unproject([x, y]).toArray() as LonLat, p);
}

/** The page's position of a map-container pixel, measured now (the header may rewrap while the app starts). */
async function pagePoint(page: Page, [x, y]: Px): Promise<[number, number]> {
  const box = (await page.getByTestId('map').boundingBox())!;
  return [box.x + x, box.y + y];
}

/** Clicks a map-container pixel and says where on Earth that was at the moment of the click. */
async function clickMap(page: Page, p: Px): Promise<LonLat> {
  const at = await unproject(page, p);
  await page.mouse.click(...(await pagePoint(page, p)));
  return at;
}

/** Until the map's box stops moving (the header settles once the offline status is known). */
async function stableLayout(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await page.getByTestId('map').boundingBox());
    if (now === last) return;
    last = now;
    await page.waitForTimeout(250);
  }
}

async function readout(page: Page): Promise<string> {
  return page.getByTestId('sketch-readout').innerText();
}

/** Waits until the readout says something other than `before`. */
async function readoutChange(page: Page, before: string): Promise<string> {
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-testid="sketch-readout"]');
    return el && el.textContent !== b;
  }, before);
  return readout(page);
}

async function clearedFigure(page: Page): Promise<number> {
  const text = await page.locator('[data-target="cleared-land"] .target-value').innerText();
  return parseMeasure(text) / 10_000;
}

/** The stored entries of the sketches (IndexedDB, as the app keeps them). */
function storedSketches(page: Page): Promise<{ id: string; tagged: boolean }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kcn-atlas-imports');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('layers').objectStore('layers').getAll();
          req.onsuccess = () => {
            const rows = (req.result as { id?: string; clearance?: unknown; geometry?: unknown }[]).filter((r) => r && r.geometry && typeof r.id === 'string');
            resolve(rows.map((r) => ({ id: r.id!, tagged: Boolean(r.clearance) })));
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__atlas!.map.isMoving(), null, { timeout: 15_000 });
  await waitForIdleMap(page);
}

describe('sketch and measure', () => {
  it('draws, measures, edits, tags as clearance (the clean-land figure rises) and keeps the sketches over a reload', async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);
    // North-up at zoom 15 over KCN Tằng Loỏng, north of its shipped clearance parcels (they end at 22.2995 °N).
    await page.evaluate(() => window.__atlas!.store.getState().requestCamera({ center: [104.1445, 22.3035], zoom: 15, bearing: 0, pitch: 0 }, 0));
    await settle(page);

    await page.getByRole('button', { name: 'Vẽ & đo' }).click();
    const panel = page.getByRole('region', { name: 'Công cụ vẽ và đo' });
    await panel.waitFor();
    assert.equal(await panel.getByRole('button', { name: 'Vùng' }).getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => Boolean(window.__atlas!.map.getLayer('td-polygon')));
    await stableLayout(page);

    const box = (await page.getByTestId('map').boundingBox())!;
    const cx = Math.round(box.width / 2 + 60);
    const cy = Math.round(box.height / 2);
    // Four corners of a 200 × 150 px rectangle (about 440 × 330 m at 2.2 m per px), clockwise from the south-west.
    const corners: Px[] = [
      [cx - 100, cy + 75],
      [cx + 100, cy + 75],
      [cx + 100, cy - 75],
      [cx - 100, cy - 75],
    ];

    // 1. Two corners, then a legend layer switched off: our style is diffed while terra-draw draws.
    const poly: LonLat[] = [];
    poly.push(await clickMap(page, corners[0]!));
    poly.push(await clickMap(page, corners[1]!));
    const roads = page.locator('input[data-layer="roads"]');
    const roadsWere = await roads.isChecked();
    await roads.click();
    await page.waitForFunction((was) => window.__atlas!.store.getState().visible.roads !== was, roadsWere);
    await waitForIdleMap(page);
    const kept = await page.evaluate(() => {
      const map = window.__atlas!.map;
      const src = map.getStyle().sources['td-polygon'] as { data?: { features?: unknown[] } } | undefined;
      return { layer: Boolean(map.getLayer('td-polygon')), features: src?.data?.features?.length ?? 0, roads: map.getLayoutProperty('roads-line', 'visibility') ?? null };
    });
    assert.ok(kept.layer, 'terra-draw layer kept across the style update');
    assert.ok(kept.features >= 1, `the polygon being drawn is still there: ${JSON.stringify(kept)}`);

    // 2. The other two corners; the readout is live while the cursor moves.
    poly.push(await clickMap(page, corners[2]!));
    poly.push(await clickMap(page, corners[3]!));
    await page.mouse.move(...(await pagePoint(page, [cx - 100, cy - 10])), { steps: 3 });
    const drawing = await readout(page);
    assert.match(drawing, /^Diện tích: [\d.,]+ (ha|m²) \(tính trên elipxoit WGS84\)$/);
    await screenshot(page, 'sketch-drawing');
    // Closing on the first corner ends the polygon.
    await clickMap(page, corners[0]!);
    await page.waitForFunction(() => window.__atlas!.store.getState().sketches.length === 1);
    const drawn = parseMeasure(await readout(page));
    const expected = ellipsoidalAreaM2(poly);
    assert.ok(expected > 100_000 && expected < 250_000, `test geometry as planned: ${expected} m²`);
    assert.ok(Math.abs(drawn - expected) <= expected * REL_TOL + 50, `area shown ${drawn} m², computed ${expected.toFixed(0)} m²`);
    const sketchId = await page.evaluate(() => window.__atlas!.store.getState().sketches[0]!.id);

    // 3. Edit: select the polygon and drag its north-east corner 40 px right and 30 px up.
    await panel.getByRole('button', { name: 'Sửa', exact: true }).first().click();
    await clickMap(page, [cx, cy]);
    await page.waitForFunction(() => Boolean(document.querySelector('.sketch-item.selected')));
    const beforeDrag = await readout(page);
    const target: Px = [cx + 140, cy - 105];
    const dropped = await unproject(page, target);
    await page.mouse.move(...(await pagePoint(page, corners[2]!)));
    await page.mouse.down();
    await page.mouse.move(...(await pagePoint(page, target)), { steps: 12 });
    await page.mouse.up();
    const afterDrag = await readoutChange(page, beforeDrag);
    const edited = [poly[0]!, poly[1]!, dropped, poly[3]!];
    const expectedEdited = ellipsoidalAreaM2(edited);
    const shownEdited = parseMeasure(afterDrag);
    assert.ok(expectedEdited > expected * 1.1, 'the drag made the polygon larger');
    assert.ok(Math.abs(shownEdited - expectedEdited) <= expectedEdited * REL_TOL + 50, `edited area shown ${shownEdited} m², computed ${expectedEdited.toFixed(0)} m²`);
    // The store follows the edit (the drag was let go).
    await page.waitForFunction(
      ([lon]) => {
        const g = window.__atlas!.store.getState().sketches[0]!.geometry;
        return g.type === 'Polygon' && g.coordinates[0]!.some((p) => Math.abs(p[0]! - lon!) < 1e-7);
      },
      edited[2]!,
    );

    // 4. A line of three points, finished by clicking its last point again.
    await panel.getByRole('button', { name: 'Đường', exact: true }).click();
    const linePx: Px[] = [
      [cx - 150, cy + 160],
      [cx + 10, cy + 185],
      [cx + 170, cy + 150],
    ];
    const line: LonLat[] = [];
    for (const p of linePx) line.push(await clickMap(page, p));
    await clickMap(page, linePx[2]!);
    await page.waitForFunction(() => window.__atlas!.store.getState().sketches.length === 2);
    const lineText = await readout(page);
    assert.match(lineText, /^Chiều dài: [\d.,]+ (km|m) \(tính trên elipxoit WGS84\)$/);
    const expectedLen = ellipsoidalLengthM(line);
    const shownLen = parseMeasure(lineText);
    assert.ok(Math.abs(shownLen - expectedLen) <= expectedLen * REL_TOL + 0.5, `length shown ${shownLen} m, computed ${expectedLen.toFixed(1)} m`);

    // 5. Escape drops a shape being drawn, and nothing else.
    await clickMap(page, [cx - 200, cy - 150]);
    await page.mouse.move(...(await pagePoint(page, [cx - 160, cy - 150])));
    const halfDrawn = () =>
      page.evaluate(() => {
        const src = window.__atlas!.map.getStyle().sources['td-linestring'] as { data: { features: { properties: Record<string, unknown> }[] } };
        return src.data.features.filter((f) => f.properties['currentlyDrawing'] === true).length;
      });
    await page.waitForFunction(() => Boolean(document.querySelector('[data-testid="sketch-readout"]')));
    assert.equal(await halfDrawn(), 1);
    await page.keyboard.press('Escape');
    // The readout goes back to the hint, the half-drawn line goes, the finished sketches stay.
    await page.waitForFunction(() => !document.querySelector('[data-testid="sketch-readout"]'));
    await page.waitForFunction(() => {
      const src = window.__atlas!.map.getStyle().sources['td-linestring'] as { data: { features: { properties: Record<string, unknown> }[] } };
      return !src.data.features.some((f) => f.properties['currentlyDrawing'] === true);
    });
    assert.equal(await page.evaluate(() => window.__atlas!.store.getState().sketches.length), 2);

    // 6. Mark the polygon as clean land of KCN Tằng Loỏng: the targets panel's figure rises by its area.
    await page.getByRole('tab', { name: 'Mục tiêu' }).click();
    const figure = page.locator('[data-target="cleared-land"] .target-value');
    await figure.waitFor();
    const before = await clearedFigure(page);
    const item = page.locator(`[data-sketch="${sketchId}"]`);
    await item.getByText('Đánh dấu là mặt bằng GPMB').click();
    // The site whose outline holds the polygon is proposed.
    assert.equal(await item.getByLabel('Khu, cụm').inputValue(), 'lc-kcn-tang-loong');
    assert.equal(await item.getByLabel('Tình trạng').inputValue(), 'cleared');
    assert.equal(await item.getByLabel('Tính từ ngày').inputValue(), '22/11/2026'); // day first, as the interface writes dates (issue 16)
    const beforeText = await figure.innerText();
    await item.getByRole('button', { name: 'Đánh dấu', exact: true }).click();
    await item.getByText(/Tính vào tổng GPMB của KCN Tằng Loỏng/).waitFor();
    await page.waitForFunction((b) => document.querySelector('[data-target="cleared-land"] .target-value')?.textContent !== b, beforeText, { timeout: 20_000 });
    const after = await clearedFigure(page);
    const rise = after - before;
    const riseExpected = expectedEdited / 10_000;
    assert.ok(Math.abs(rise - riseExpected) <= riseExpected * REL_TOL + 0.011, `clean land rose by ${rise.toFixed(2)} ha, the sketch is ${riseExpected.toFixed(2)} ha`);
    // A name, kept on Enter (the map labels it once the tool is closed).
    await item.getByLabel('Tên hình').fill('Lô bàn giao đợt 1');
    await item.getByLabel('Tên hình').press('Enter');
    await page.waitForFunction((id) => window.__atlas!.store.getState().sketches.find((s) => s.id === id)?.name === 'Lô bàn giao đợt 1', sketchId);
    await figure.scrollIntoViewIfNeeded();
    await waitForIdleMap(page);
    await screenshot(page, 'sketch-tagged');

    // 7. Done: the tool closes, terra-draw's layers go, and the map draws the sketches itself.
    await panel.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('button', { name: 'Vẽ & đo' }).waitFor();
    await waitForIdleMap(page);
    const layers = await page.evaluate(() => {
      const map = window.__atlas!.map;
      const ids = map.getStyle().layers.map((l) => l.id);
      return {
        td: ids.filter((id) => id.startsWith('td-')),
        mine: map.queryRenderedFeatures({ layers: ['user-sketch-line'] }).length,
      };
    });
    assert.deepEqual(layers.td, []);
    assert.ok(layers.mine >= 2, `sketches drawn by the app's style: ${JSON.stringify(layers)}`);
    await screenshot(page, 'sketch-done');

    // 8. Reload: the sketches (and the tag) come back from IndexedDB. The writes are asynchronous:
    //    wait until both are stored, as a planner's reload a moment later would find them.
    let stored: { id: string; tagged: boolean }[] = [];
    for (let i = 0; i < 50 && !(stored.length === 2 && stored.some((s) => s.id === sketchId && s.tagged)); i++) {
      await page.waitForTimeout(100);
      stored = await storedSketches(page);
    }
    assert.equal(stored.length, 2, JSON.stringify(stored));
    await page.reload();
    await waitForIdleMap(page);
    await page.waitForFunction(() => window.__atlas!.store.getState().sketches.length === 2, null, { timeout: 10_000 });
    await page.getByRole('tab', { name: 'Mục tiêu' }).click();
    await figure.waitFor();
    // The report is computed again once the region and the stored sketches are both in.
    let reloaded = NaN;
    for (let i = 0; i < 100 && !(Math.abs(reloaded - after) < 0.006); i++) {
      await page.waitForTimeout(100);
      reloaded = await clearedFigure(page);
    }
    assert.ok(Math.abs(reloaded - after) < 0.006, `the tagged sketch still counts after the reload: ${reloaded} vs ${after} ha`);
    await page.getByRole('button', { name: 'Vẽ & đo' }).click();
    await panel.waitFor();
    const names = await panel.locator('.sketch-item .sketch-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value || (e as HTMLInputElement).placeholder));
    assert.deepEqual(names, ['Lô bàn giao đợt 1', 'Đường 1']);
    await panel.locator(`[data-sketch="${sketchId}"]`).getByText(/Tính vào tổng GPMB của KCN Tằng Loỏng/).waitFor();

    // 9. The line deleted from its row of the list: the polygon stays. (Picking the line for editing from the
    // list after a reload is the skipped test below.)
    const lineItem = panel.locator('.sketch-item').nth(1);
    await lineItem.locator('button.danger').click();
    await page.waitForFunction(() => window.__atlas!.store.getState().sketches.length === 1);
    assert.equal(await page.evaluate(() => window.__atlas!.store.getState().sketches[0]!.id), sketchId);

    assert.deepEqual(o.blocked, []);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  // Found when the branches of issues 13–16 were merged: after a reload, "Sửa" on a line's row did nothing. The pick came
  // before terra-draw had started (it waits for the map's style to load) and was dropped; it is now kept until then.
  it('picks a line from the list for editing after a reload, then deletes it from the toolbar', async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);
    const view = { center: [104.1445, 22.3035] as LonLat, zoom: 15, bearing: 0, pitch: 0 };
    await page.evaluate((v) => window.__atlas!.store.getState().requestCamera(v, 0), view);
    await settle(page);
    // A polygon and a three-point line, as a planner's earlier session left them (kept in the browser).
    const polygon: LonLat[] = [
      [104.1432, 22.3021],
      [104.1461, 22.3021],
      [104.1461, 22.3042],
      [104.1432, 22.3042],
      [104.1432, 22.3021],
    ];
    const line: LonLat[] = [
      [104.1418, 22.3052],
      [104.1445, 22.3047],
      [104.1472, 22.3055],
    ];
    await page.evaluate(
      ([ring, pts]) => {
        const s = window.__atlas!.store.getState();
        s.putSketch({ id: 's-test-poly', name: 'Lô A', clearance: null, createdAt: '2026-11-20T08:00:00.000Z', geometry: { type: 'Polygon', coordinates: [ring!] } });
        s.putSketch({ id: 's-test-line', name: '', clearance: null, createdAt: '2026-11-20T08:05:00.000Z', geometry: { type: 'LineString', coordinates: pts! } });
      },
      [polygon, line],
    );
    for (let i = 0; i < 50 && (await storedSketches(page)).length < 2; i++) await page.waitForTimeout(100);
    assert.equal((await storedSketches(page)).length, 2);

    await page.reload();
    await waitForIdleMap(page);
    await page.waitForFunction(() => window.__atlas!.store.getState().sketches.length === 2, null, { timeout: 10_000 });
    // The tool opened and the line picked at once, as a planner does. Opening the tool takes the sketches out of the
    // map's style, and terra-draw starts only once that style has loaded again (seconds here): the pick comes first.
    await page.getByRole('button', { name: 'Vẽ & đo' }).click();
    const panel = page.getByRole('region', { name: 'Công cụ vẽ và đo' });
    const lineItem = panel.locator('[data-sketch="s-test-line"]');
    await lineItem.getByRole('button', { name: 'Sửa', exact: true }).click();

    // Selected: its row is marked, the edit tool is on, the readout gives its length, and a handle sits on each vertex.
    await page.waitForFunction(() => document.querySelector('.sketch-item.selected')?.getAttribute('data-sketch') === 's-test-line', null, { timeout: 30_000 });
    assert.equal(await panel.getByRole('toolbar').getByRole('button', { name: 'Sửa', exact: true }).getAttribute('aria-pressed'), 'true');
    const lengthText = await readout(page);
    assert.match(lengthText, /^Chiều dài: /);
    const expectedLen = ellipsoidalLengthM(line);
    assert.ok(Math.abs(parseMeasure(lengthText) - expectedLen) <= expectedLen * REL_TOL + 0.5, `${lengthText} vs ${expectedLen.toFixed(1)} m`);
    // terra-draw's handles: the selection points on its map source (drawn on the next frame).
    let onVertices: LonLat[] = [];
    for (let i = 0; i < 100 && onVertices.length < line.length; i++) {
      if (i > 0) await page.waitForTimeout(100);
      onVertices = await page.evaluate(() => {
        const src = window.__atlas!.map.getStyle().sources['td-point'] as { data?: { features?: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] } } | undefined;
        return (src?.data?.features ?? []).filter((f) => f.properties['selectionPoint'] === true && f.properties['selectionPointFeatureId'] === 's-test-line').map((f) => f.geometry.coordinates as LonLat);
      });
    }
    assert.equal(onVertices.length, line.length, `one handle per vertex: ${JSON.stringify(onVertices)}`);
    for (const [i, p] of line.entries()) assert.ok(onVertices.some((h) => Math.hypot(h[0] - p[0], h[1] - p[1]) < 1e-7), `a handle on vertex ${i}`);

    // The handles are live: dragging the middle vertex 60 px south lengthens the line, in the readout and in the store.
    await settle(page);
    await stableLayout(page);
    const middle = await page.evaluate((p) => {
      const { x, y } = window.__atlas!.map.project(p);
      return [x, y] as Px;
    }, line[1]!);
    const dropAt: Px = [Math.round(middle[0]), Math.round(middle[1]) + 60];
    const dropped = await unproject(page, dropAt);
    const beforeDrag = await readout(page);
    await page.mouse.move(...(await pagePoint(page, [Math.round(middle[0]), Math.round(middle[1])])));
    await page.mouse.down();
    await page.mouse.move(...(await pagePoint(page, dropAt)), { steps: 12 });
    await page.mouse.up();
    const afterDrag = await readoutChange(page, beforeDrag);
    const draggedLen = ellipsoidalLengthM([line[0]!, dropped, line[2]!]);
    assert.ok(draggedLen > expectedLen * 1.05, 'the drag made the line longer');
    assert.ok(Math.abs(parseMeasure(afterDrag) - draggedLen) <= draggedLen * REL_TOL + 0.5, `after the drag: ${afterDrag} vs ${draggedLen.toFixed(1)} m`);
    await page.waitForFunction(
      ([, lat]) => {
        const g = window.__atlas!.store.getState().sketches.find((s) => s.id === 's-test-line')?.geometry;
        return g?.type === 'LineString' && Math.abs(g.coordinates[1]![1]! - lat!) < 1e-7;
      },
      dropped,
    );
    await waitForIdleMap(page);
    await screenshot(page, 'sketch-line-picked');

    // "Xoá" on the toolbar removes the line: from the list, the map and the browser's storage; the polygon stays.
    await panel.getByRole('toolbar').getByRole('button', { name: 'Xoá', exact: true }).click();
    await page.waitForFunction(() => window.__atlas!.store.getState().sketches.length === 1);
    assert.deepEqual(await panel.locator('.sketch-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-sketch'))), ['s-test-poly']);
    await page.waitForFunction(() => {
      const sources = window.__atlas!.map.getStyle().sources as Record<string, { data?: { features?: { id?: unknown; properties: Record<string, unknown> }[] } }>;
      const line = (sources['td-linestring']?.data?.features ?? []).some((f) => f.id === 's-test-line');
      const points = (sources['td-point']?.data?.features ?? []).some((f) => Object.values(f.properties).includes('s-test-line'));
      const polygon = (sources['td-polygon']?.data?.features ?? []).some((f) => f.id === 's-test-poly');
      return !line && !points && polygon;
    });
    assert.equal(await panel.getByRole('toolbar').getByRole('button', { name: 'Xoá', exact: true }).isDisabled(), true, 'nothing left selected to delete');
    let stored = await storedSketches(page);
    for (let i = 0; i < 50 && stored.length !== 1; i++) {
      await page.waitForTimeout(100);
      stored = await storedSketches(page);
    }
    assert.deepEqual(stored.map((s) => s.id), ['s-test-poly']);
    await waitForIdleMap(page);
    await screenshot(page, 'sketch-line-deleted');

    assert.deepEqual(o.blocked, []);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
