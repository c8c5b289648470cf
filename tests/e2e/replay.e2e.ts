// The date slider in a real browser (issue 18): moving it by keyboard changes the date, the cleared-land
// total (equal to the report's at that date, computed here in Node from the same data), the parcels the
// map draws (each in its status at that date), the burn-up cursor, the fact sheet and the URL; "Hôm nay"
// goes back; playing moves on; the exported zip holds the expected number of PNG frames, all of one size.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { buildReport } from '../../src/analytics/report';
import { formatHa } from '../../src/i18n/format';
import { laoCai } from '../fixtures/laoCai';
import { appAndBrowser, openOffline, screenshot, SCREENSHOT_DIR, waitForIdleMap } from './harness';
import { expectedFrameDates, pickReplayExport } from './replayExport';

const app = appAndBrowser();
const region = laoCai();
const SITE = 'lc-kcn-tang-loong';

/** The independent expectation: each parcel's latest dated entry on or before the date, read from the file. */
function statusesAt(date: string): Map<string, string> {
  const best = new Map<string, { asOf: string; status: string }>();
  for (const f of region.data.clearance.features) {
    const p = f.properties;
    if (p.kind !== 'parcel' || p.asOf > date) continue;
    const b = best.get(p.id);
    if (!b || p.asOf >= b.asOf) best.set(p.id, { asOf: p.asOf, status: p.status });
  }
  return new Map([...best].map(([id, b]) => [id, b.status]));
}

function clearedAt(date: string): { value: number | null; sample: boolean } {
  const r = buildReport(region, date).targets.find((t) => t.target.metric === 'clearedHa')!;
  return { value: r.value, sample: r.sample };
}

async function drawnAt(page: Page, date: string): Promise<void> {
  await page.waitForFunction((d) => window.__atlas!.store.getState().replayDrawn === d, date, { timeout: 30_000 });
}

/**
 * Parcels drawn on screen: parcel id → status. The replay's layer holds every dated entry and paints
 * only those whose feature state says `shown` (the others at zero opacity), so those are the drawn ones;
 * a parcel drawn twice (two of its entries at once) fails here.
 */
async function drawnParcels(page: Page): Promise<Map<string, string>> {
  const rows = await page.evaluate(() =>
    window.__atlas!.map
      .queryRenderedFeatures({ layers: ['clearance-fill'] })
      .filter((f) => f.state['shown'] === true)
      .map((f) => [String(f.properties['parcelId']), String(f.properties['status']), String(f.id)]),
  );
  const byParcel = new Map<string, string>();
  const entries = new Map<string, Set<string>>();
  for (const [parcel, status, entry] of rows as [string, string, string][]) {
    byParcel.set(parcel, status);
    entries.set(parcel, new Set([...(entries.get(parcel) ?? []), entry]));
  }
  for (const [parcel, e] of entries) assert.equal(e.size, 1, `parcel ${parcel} drawn once, not as entries ${[...e].join(', ')}`);
  return byParcel;
}

function pngSize(bytes: Uint8Array): { w: number; h: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { w: v.getUint32(16), h: v.getUint32(20) };
}

describe('date slider (replay)', () => {
  it('moves the date by keyboard; the total, the map, the chart cursor, the fact sheet and the URL follow; the export is a zip of frames', async () => {
    const o = await openOffline(app.browser, `${app.url}?sel=site:${SITE}&tab=targets`);
    const page = o.page;
    await waitForIdleMap(page);
    await page.waitForFunction(() => Boolean(window.__atlas?.store.getState().report), null, { timeout: 30_000 });
    const slider = page.getByRole('slider', { name: 'Ngày xem lại' });
    await slider.waitFor();
    const start = region.data.region.targets.find((t) => t.metric === 'clearedHa')!.periodStart!;
    const end = region.data.region.asOf;

    const seen: { date: string; total: string; parcels: Map<string, string> }[] = [];
    const visit = async (keys: string[], date: string) => {
      await slider.focus();
      for (const k of keys) await page.keyboard.press(k);
      await drawnAt(page, date);
      const [y, m, d] = date.split('-');
      assert.equal(await slider.getAttribute('aria-valuetext'), `${d}/${m}/${y}`, 'the accessible value is the date, dd/mm/yyyy');
      const total = (await page.getByTestId('replay-total').textContent()) ?? '';
      const expected = clearedAt(date);
      if (expected.value === null) assert.match(total, /chưa có số liệu/);
      else assert.ok(total.includes(formatHa(expected.value, 'vi')), `total at ${date} is ${formatHa(expected.value, 'vi')}: ${total}`);
      assert.equal(total.includes('Số liệu minh họa'), expected.sample, `sample label at ${date}`);
      // The map draws each parcel in its status at the date, and no parcel that has no entry yet.
      const parcels = await drawnParcels(page);
      const truth = statusesAt(date);
      for (const [id, status] of parcels) assert.equal(status, truth.get(id), `parcel ${id} at ${date}`);
      // The chart's cursor and the address follow.
      assert.equal(await page.getByTestId('burnup-cursor').first().getAttribute('data-date'), date);
      assert.ok(page.url().includes(`at=${date}`), page.url());
      assert.ok(((await page.getByTestId('replay-site').textContent()) ?? '').includes(`${d}/${m}/${y}`));
      await screenshot(page, `replay-${date}`);
      seen.push({ date, total, parcels });
    };

    await visit(['Home'], start);
    // Three months on (Page Up is a month of 30 days).
    const mid = new Date(Date.parse(`${start}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    await visit(['PageUp', 'PageUp', 'PageUp'], mid);
    await visit(['End'], end);

    assert.notEqual(seen[0]!.total, seen[2]!.total, 'the total changed between the first and last date');
    const statuses = (m: Map<string, string>) => [...m].map(([id, s]) => `${id}:${s}`).sort().join();
    assert.notEqual(statuses(seen[0]!.parcels), statuses(seen[2]!.parcels), 'the map changed between the first and last date');
    assert.ok(seen[2]!.parcels.size > 0, 'parcels are drawn at the data date');

    // Hôm nay: back to the report date, the date leaves the address.
    await page.getByTestId('replay-today').click();
    await page.waitForFunction(() => window.__atlas!.store.getState().replayAt === null);
    assert.ok(!page.url().includes('at='), page.url());

    // Playing moves the date on by itself; pause stops it.
    await page.getByTestId('replay-fast').click();
    await page.waitForFunction((s) => (window.__atlas!.store.getState().replayAt ?? '') > s, start, { timeout: 10_000 });
    await page.getByTestId('replay-play').click();
    assert.equal(await page.evaluate(() => window.__atlas!.store.getState().replayPlaying), null);
    const paused = await page.evaluate(() => window.__atlas!.store.getState().replayAt);
    assert.ok(paused && paused > start && paused <= end, `paused at ${paused}`);

    // The export: numbered PNG frames in a zip, as many as the dates it promises, all the same size.
    const expectedDates = expectedFrameDates(region);
    const mapPx = await page.evaluate(() => ({ w: window.__atlas!.map.getCanvas().width, h: window.__atlas!.map.getCanvas().height }));
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), pickReplayExport(page, 'zip')]);
    assert.equal(dl.suggestedFilename(), `kcn-lao-cai-phat-lai-${start}-${end}.zip`);
    const files = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
    const names = Object.keys(files).sort();
    assert.equal(names.length, expectedDates.length, `frames: ${names.join(', ')}`);
    assert.deepEqual(names.map((n) => n.slice(-14, -4)), expectedDates, 'one frame per date, in order');
    const sizes = names.map((n) => pngSize(files[n]!));
    for (const s of sizes) assert.deepEqual(s, sizes[0], 'every frame has the same size');
    assert.equal(sizes[0]!.w, mapPx.w);
    assert.ok(sizes[0]!.h > mapPx.h, 'title band and credits added to the map');
    assert.notDeepEqual(files[names[0]!], files[names[names.length - 1]!], 'the first and last frames differ');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const n of [names[0]!, names[Math.floor(names.length / 2)]!, names[names.length - 1]!]) writeFileSync(join(SCREENSHOT_DIR, `replay-export-${n}`), files[n]!);
    await page.getByText(/Đã xuất \d+ khung ảnh/).waitFor();
    // The slider is back where it was before the export.
    assert.equal(await page.evaluate(() => window.__atlas!.store.getState().replayAt), paused);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
