// Labels on slides and on the overview, at a projector's 1920 × 1080: every map label, the basemap's
// too, is drawn large; no label covers another, a site's or landmark's dot, or runs off the edge of the
// map beside the slide's panel. The boxes are those MapLibre placed (window.__atlas.labels()); the dots
// are found independently, by querying the rendered circles and projecting their positions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';
import { PROJECTOR, STORY, waitForCamera } from './story';
import type { PlacedLabel } from '../../src/map/placedLabels';

const app = appAndBrowser();

/** A label's box as the map placed it (src/map/placedLabels.ts reads MapLibre's collision index). */
type Box = PlacedLabel;

interface Scene {
  width: number;
  height: number;
  labels: Box[];
  /** centres of the drawn site dots, markers and landmark dots, in map pixels */
  dots: { layer: string; name: string; x: number; y: number }[];
}

/** What is on the map now: placed labels (blockers left out) and the dots of sites and landmarks. */
async function scene(page: Page): Promise<Scene> {
  return page.evaluate(() => {
    const { map, labels } = window.__atlas!;
    const canvas = map.getCanvas();
    const circleLayers = ['sites-dot', 'sites-marker', 'landmarks-point'].filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
    const dots = map.queryRenderedFeatures({ layers: circleLayers }).flatMap((f) => {
      if (f.geometry.type !== 'Point') return [];
      const p = map.project(f.geometry.coordinates as [number, number]);
      return [{ layer: f.layer.id, name: String(f.properties['name_vi'] ?? f.properties['id'] ?? ''), x: p.x, y: p.y }];
    });
    return {
      width: canvas.clientWidth,
      height: canvas.clientHeight,
      // Blockers are invisible; relocation arrowheads are drawn on their flow line and end at the site they point to.
      labels: labels().filter((b) => !b.layer.endsWith('-blocker') && b.layer !== 'relocations-arrows'),
      dots,
    };
  });
}

const overlaps = (a: Box, b: Box, slack = 1) => a.x1 < b.x2 - slack && b.x1 < a.x2 - slack && a.y1 < b.y2 - slack && b.y1 < a.y2 - slack;
const onScreen = (b: Box, s: Scene) => b.x2 > 0 && b.x1 < s.width && b.y2 > 0 && b.y1 < s.height;
const show = (b: Box) => `${b.layer}#${b.feature} [${Math.round(b.x1)},${Math.round(b.y1)}–${Math.round(b.x2)},${Math.round(b.y2)}]`;

/** Every problem a reader would see: labels over labels, over dots, or (on a slide) cut by the map's edge. */
function collisions(s: Scene, edges = true): string[] {
  const shown = s.labels.filter((b) => onScreen(b, s));
  const out: string[] = [];
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const [a, b] = [shown[i]!, shown[j]!];
      if (a.feature !== b.feature && overlaps(a, b)) out.push(`${show(a)} overlaps ${show(b)}`);
    }
  }
  for (const b of shown) {
    // Cut by the edge: beside the panel that is a stray fragment of a name.
    if (edges && (b.x1 < -1 || b.y1 < -1 || b.x2 > s.width + 1 || b.y2 > s.height + 1)) out.push(`${show(b)} is cut by the edge of the map`);
    // A label over a dot's centre hides which site or landmark it is (its own dot included).
    for (const d of s.dots) {
      if (d.x > b.x1 + 2 && d.x < b.x2 - 2 && d.y > b.y1 + 2 && d.y < b.y2 - 2) out.push(`${show(b)} covers the dot of ${d.name} (${d.layer})`);
    }
  }
  return out;
}

/** The collision index is rebuilt a few hundred ms after the last change: wait for two quiet idles. */
async function settle(page: Page): Promise<void> {
  await waitForIdleMap(page);
  await page.waitForTimeout(400);
  await waitForIdleMap(page);
}

describe('labels at 1920 × 1080', () => {
  it('overview: names by priority, none over another or over a dot; more names as the map zooms in', async () => {
    const o = await openOffline(app.browser, app.url, PROJECTOR);
    await waitForIdleMap(o.page);
    await o.page.waitForFunction(() => Boolean(window.__atlas!.store.getState().report), null, { timeout: 30_000 });
    await settle(o.page);
    const s = await scene(o.page);
    await screenshot(o.page, 'labels-overview');
    assert.ok(s.labels.some((b) => b.layer === 'sites-label'), 'site names are shown');
    // An ordinary map lets a name run off its edge (the map pans); slides may not (below).
    assert.deepEqual(collisions(s, false), []);
    const names = async () =>
      o.page.evaluate(() => new Set(window.__atlas!.map.queryRenderedFeatures({ layers: ['sites-label'] }).map((f) => String(f.properties['id']))).size);
    const before = await names();
    // Zoomed in around the southern cluster (Âu Lâu, Minh Quân, Phía Nam), the names left out come back.
    await o.page.evaluate(() => window.__atlas!.map.jumpTo({ center: [104.9, 21.7], zoom: 11 }));
    await settle(o.page);
    const zoomed = await scene(o.page);
    assert.deepEqual(collisions(zoomed, false), []);
    const ids = await o.page.evaluate(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['sites-label'] }).map((f) => String(f.properties['id'])));
    assert.ok(ids.includes('lc-kcn-minh-quan') && ids.includes('lc-kcn-phia-nam') && ids.includes('lc-kcn-au-lau'), ids.join(', '));
    assert.ok(before > 0);
    await screenshot(o.page, 'labels-zoomed');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('every slide: large basemap and overlay names, none colliding with another, a dot or the panel', async () => {
    const o = await openOffline(app.browser, app.url, PROJECTOR);
    await waitForIdleMap(o.page);
    await o.page.waitForFunction(() => Boolean(window.__atlas!.store.getState().report), null, { timeout: 30_000 });
    await settle(o.page);
    // The same place names before presenting, to compare their size with.
    const plain = await scene(o.page);
    const height = (bs: Box[], layer: string) => {
      const hs = bs.filter((b) => b.layer === layer).map((b) => b.y2 - b.y1).sort((a, b) => a - b);
      return hs[Math.floor(hs.length / 2)] ?? null;
    };
    await o.page.getByRole('button', { name: 'Trình chiếu' }).click();
    await o.page.getByTestId('present-counter').waitFor();
    const problems: string[] = [];
    for (let i = 0; i < STORY.slides.length; i++) {
      if (i > 0) await o.page.keyboard.press('PageDown');
      await waitForCamera(o.page, STORY.slides[i]!.camera);
      await settle(o.page);
      const s = await scene(o.page);
      const id = STORY.slides[i]!.id;
      await screenshot(o.page, `slide-${i + 1}-${id}`);
      problems.push(...collisions(s).map((p) => `slide ${i + 1} (${id}): ${p}`));
      // The panel is beside the map, never over it: whatever the map draws is in the open.
      const edges = await o.page.evaluate(() => ({
        panel: document.querySelector('.present-panel')!.getBoundingClientRect().right,
        map: window.__atlas!.map.getCanvas().getBoundingClientRect().left,
      }));
      assert.ok(edges.panel <= edges.map + 0.5, `slide ${id}: the panel covers the map`);
      if (i === 0) {
        // Basemap names (places, roads) grow on the projector as the overlays' do.
        for (const layer of ['bm-places', 'bm-osm-rail-name']) {
          const before = height(plain.labels, layer);
          const after = height(s.labels, layer);
          if (before === null || after === null) continue;
          assert.ok(after >= before * 1.4, `${layer}: labels ${before}px high before presenting, ${after}px on the slide`);
        }
        assert.ok(s.labels.some((b) => b.layer === 'bm-places'), 'place names are shown on the first slide');
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
