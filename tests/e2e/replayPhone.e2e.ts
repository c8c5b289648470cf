// The date slider on a phone (390 × 844, issue 18): a compact bar over the map with the date, play/pause,
// the slider and "Hôm nay", each at least 44 × 44 px; it covers neither the tabs below the map nor the
// fact sheet (the sheet's peek sits clear of it, its full height rises over it); pressing play moves the date.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { laoCai } from '../fixtures/laoCai';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const region = laoCai().data.region;
const PHONE = { width: 390, height: 844 };

type Box = { x: number; y: number; width: number; height: number };
async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  assert.ok(b, 'the element is laid out');
  return b;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The element hit at the centre of `l`, as the id of the region it belongs to. */
async function topAt(page: Page, l: Locator): Promise<string> {
  const b = await box(l);
  return page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y);
    return el?.closest('[data-testid="details"]') ? 'sheet' : el?.closest('[data-testid="replay-bar"]') ? 'replay' : (el?.tagName ?? 'none');
  }, { x: b.x + b.width / 2, y: b.y + b.height / 2 });
}

describe('date slider on a phone', () => {
  it('is a compact bar with 44 px targets that covers neither the tabs nor the fact sheet, and plays', async () => {
    const o = await openOffline(app.browser, app.url, PHONE);
    const page = o.page;
    await waitForIdleMap(page);
    await page.waitForFunction(() => Boolean(window.__atlas?.store.getState().report), null, { timeout: 30_000 });
    const bar = page.getByTestId('replay-bar');
    await bar.waitFor();
    const slider = page.getByRole('slider', { name: 'Ngày xem lại' });
    const play = page.getByTestId('replay-play');
    const today = page.getByTestId('replay-today');
    for (const [name, l] of [['slider', slider], ['play', play], ['today', today]] as const) {
      assert.ok(await l.isVisible(), `${name} is shown`);
      const b = await box(l);
      assert.ok(b.height >= 44 && b.width >= 44, `${name} is a 44 px touch target: ${b.width}×${b.height}`);
    }
    assert.ok(await page.getByTestId('replay-date').isVisible(), 'the date is shown');
    // Inside the map, on screen, not over the tabs below it.
    const barBox = await box(bar);
    const mapBox = await box(page.getByTestId('map'));
    assert.ok(barBox.x >= 0 && barBox.x + barBox.width <= PHONE.width, 'the bar fits the screen width');
    assert.ok(barBox.y >= mapBox.y && barBox.y + barBox.height <= mapBox.y + mapBox.height, 'the bar is inside the map');
    assert.ok(barBox.height <= 110, `the bar is compact: ${barBox.height}px`);
    assert.ok(!overlaps(barBox, await box(page.getByRole('tablist').first())), 'the bar does not cover the tabs');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await screenshot(page, 'replay-phone');

    // A press on play moves the date on; another pauses it; "Hôm nay" goes back.
    await play.click();
    await page.waitForFunction((s) => (window.__atlas!.store.getState().replayAt ?? '') > s, region.targets.find((t) => t.metric === 'clearedHa')!.periodStart!, { timeout: 15_000 });
    await play.click();
    assert.equal(await page.evaluate(() => window.__atlas!.store.getState().replayPlaying), null);
    const at = (await page.evaluate(() => window.__atlas!.store.getState().replayAt))!;
    const [y, m, d] = at.split('-');
    assert.ok(((await page.getByTestId('replay-date').textContent()) ?? '').includes(`${d}/${m}/${y}`), 'the bar shows the date');
    await screenshot(page, 'replay-phone-playing');

    // A site's fact sheet: its peek stays clear of the bar, its full height rises over it.
    await page.getByTestId('search').fill('tang loong');
    await page.keyboard.press('Enter');
    const sheet = page.getByTestId('details');
    await sheet.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="details"]')?.getAttribute('data-sheet') === 'peek');
    await page.waitForTimeout(400);
    assert.ok(!overlaps(await box(bar), await box(sheet)), 'the peek does not meet the bar');
    assert.equal(await topAt(page, play), 'replay', 'play is still reachable above the peek');
    await screenshot(page, 'replay-phone-sheet');
    await page.getByRole('button', { name: 'Xem đầy đủ' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="details"]')?.getAttribute('data-sheet') === 'full');
    assert.equal(await topAt(page, play), 'sheet', 'the full sheet lies over the bar');
    await today.evaluate((el) => (el as HTMLButtonElement).click());
    await page.waitForFunction(() => window.__atlas!.store.getState().replayAt === null);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
