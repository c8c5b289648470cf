// A first screen that holds still (issue 15): after the first paint nothing moves. The web font arrives
// late and may not push the header onto a second row or shrink the map; the province switcher is whole
// from the first paint (its names are built in). On a first visit the offline note does not pop up when
// the service worker is ready (the export menu says it); on the next visit it is there from the first
// paint. Read from Chromium's own layout-shift entries, at a laptop's, a phone's and a large screen's size.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appAndBrowser, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();

// Every shift with its size, as the page saw it (not counting shifts just after user input: there is none).
const RECORD_SHIFTS = `window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({ type: 'layout-shift', buffered: true });`;

describe('first screen', () => {
  for (const [width, height] of [[1440, 900], [390, 844], [1920, 1080]] as const) {
    it(`does not move once painted at ${width} × ${height}`, async () => {
      // A first visit: a fresh context, nothing cached, no service worker yet; nothing leaves localhost.
      const context = await app.browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
      await context.route('**/*', (route) => (/^(127\.0\.0\.1|localhost)$/.test(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
      await context.addInitScript(RECORD_SHIFTS);
      const page = await context.newPage();
      try {
        await page.goto(app.url);
        await waitForIdleMap(page);
        // The switcher is usable as soon as it is there: nothing fills it in later.
        assert.equal(await page.getByTestId('region-switcher').isEnabled(), true, 'the province switcher is enabled at once');
        assert.ok((await page.getByTestId('region-switcher').locator('option').count()) > 1, 'it lists every province');
        // The service worker finishes storing the app: the latest thing to happen on a first visit. It
        // changes nothing on screen.
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await page.waitForTimeout(500);
        assert.equal(await page.getByTestId('offline-status').count(), 0, 'no note pops up on the first visit');
        const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
        const cls = shifts.reduce((a, b) => a + b, 0);
        assert.ok(cls <= 0.01, `cumulative layout shift ${cls.toFixed(4)} (${shifts.map((s) => s.toFixed(4)).join(', ')})`);
        if (width > 600) {
          // Before leaving for an event, the export menu says the app is stored.
          await page.getByTestId('export-button').click();
          assert.equal(await page.getByTestId('offline-menu-note').textContent(), 'Sẵn sàng dùng không cần mạng');
          await screenshot(page, `first-screen-${width}x${height}-menu`);
          await page.keyboard.press('Escape');
          // The next visit: the worker controls the page from its start, so the note is there with the
          // first paint, and still nothing moves.
          await page.reload();
          await waitForIdleMap(page);
          assert.equal(await page.getByTestId('offline-status').textContent(), 'Sẵn sàng dùng không cần mạng');
          const again = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
          const cls2 = again.reduce((a, b) => a + b, 0);
          assert.ok(cls2 <= 0.01, `next visit: cumulative layout shift ${cls2.toFixed(4)}`);
        }
        await screenshot(page, `first-screen-${width}x${height}`);
      } finally {
        await context.close();
      }
    });
  }
});
