// A file that would take minutes to read — one outline crossing itself at every one of its 3 000 corners,
// whose repair alone runs for minutes — does not freeze the page: it is read in a worker. While it is
// read the planner can still use the page, sees a progress bar and the seconds counted, and can cancel;
// left alone, the read is stopped at the time limit with a message naming the file. Nothing already
// loaded is lost, and the next file reads normally.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appAndBrowser, importThroughChooser, openImportPanel, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const KML = join(ROOT, 'tests', 'fixtures', 'io', 'cong-thong-tin.kml');
const NAME = 'duong-bao-roi.geojson';

/** A 1 km-wide outline whose 3 000 corners zigzag between two lines: almost every edge crosses every other. */
function tangledFile(): string {
  const n = 3000;
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) ring.push([104 + (((i * 7919) % n) / n) * 0.01, 22.4 + (i % 2) * 0.01]);
  ring.push(ring[0]!);
  const path = join(mkdtempSync(join(tmpdir(), 'kcn-worker-')), NAME);
  writeFileSync(path, JSON.stringify({ type: 'Feature', properties: { ten: 'Đường bao rối' }, geometry: { type: 'Polygon', coordinates: [ring] } }));
  return path;
}

function layerNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__atlas!.store.getState().imports.map((l) => `${l.name}:${l.features.features.length}`));
}

/** How long the page takes to run a task it is handed now: long when its main thread is busy. */
function taskDelayMs(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const t0 = performance.now();
    setTimeout(() => resolve(performance.now() - t0), 0);
  }));
}

describe('a file that takes too long to read', () => {
  it('leaves the page usable, can be cancelled, and is stopped at the time limit', { timeout: 240_000 }, async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);
    await importThroughChooser(page, KML, 'đối tượng đã nạp');
    const before = await layerNames(page);
    assert.equal(before.length, 1);
    const file = tangledFile();

    // 1. Cancel, at once (the machine may be slow: well before the time limit).
    const input = await openImportPanel(page);
    await input.setInputFiles(file);
    const busy = page.getByTestId('import-busy');
    await busy.waitFor();
    assert.match(await busy.innerText(), new RegExp(`Đang đọc tệp “${NAME}”`));
    await busy.getByRole('progressbar', { name: `Tiến độ đọc tệp “${NAME}”` }).waitFor();
    await busy.getByRole('button', { name: 'Huỷ' }).click();
    await page.getByText(`Đã huỷ đọc tệp “${NAME}”. Các lớp đã nạp không thay đổi.`).waitFor({ timeout: 5_000 });
    assert.equal(await busy.count(), 0, 'the progress bar is gone');
    assert.deepEqual(await layerNames(page), before, 'cancelling changed no layer');

    // 2. Left alone: the page stays usable meanwhile; at 30 s the worker is ended and the planner told why.
    await input.setInputFiles(file);
    await busy.waitFor();
    // The seconds go on being counted: the page still draws while the file is read.
    await busy.getByText('2 giây', { exact: false }).waitFor({ timeout: 10_000 });
    const delays = [];
    for (let i = 0; i < 5; i++) delays.push(await taskDelayMs(page));
    assert.ok(Math.max(...delays) < 500, `the page answered in ${delays.map(Math.round).join(', ')} ms`);
    // Another tab opens at once, and the import tab comes back with the read still under way.
    const other = page.getByRole('tab').first();
    await other.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-selected') === 'true', await other.elementHandle(), { timeout: 2_000 });
    await openImportPanel(page);
    await busy.waitFor();
    await screenshot(page, 'import-worker-busy');
    const stopped = page.getByText(`Đã dừng đọc tệp “${NAME}” vì quá 30 giây`, { exact: false });
    await stopped.waitFor({ timeout: 60_000 });
    assert.equal(await page.getByRole('alert').filter({ hasText: NAME }).count(), 1, 'the message is an alert');
    assert.deepEqual(await layerNames(page), before, 'the time limit changed no layer');
    await screenshot(page, 'import-worker-timed-out');

    // 3. The next file reads as usual, in a fresh worker.
    await input.setInputFiles(KML);
    await page.getByText('“cong-thong-tin.kml”', { exact: false }).filter({ hasText: 'đã nạp' }).waitFor({ timeout: 30_000 });
    assert.equal((await layerNames(page)).length, 2);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
