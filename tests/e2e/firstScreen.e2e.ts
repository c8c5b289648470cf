// A first screen that holds still (issue 15): after the first paint nothing moves. The province
// switcher, the offline note and the web font all arrive late; none of them may push the header onto a
// second row or shrink the map. Read from Chromium's own layout-shift entries, at a laptop's, a phone's
// and a large screen's size, until the offline note is up (the latest thing to arrive).
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
        // The region switcher's names and the service worker's note come last.
        await page.locator('[data-testid=region-switcher]:not([disabled])').waitFor();
        if (width > 600) await page.getByTestId('offline-status').waitFor({ timeout: 60_000 });
        const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
        const cls = shifts.reduce((a, b) => a + b, 0);
        assert.ok(cls <= 0.01, `cumulative layout shift ${cls.toFixed(4)} (${shifts.map((s) => s.toFixed(4)).join(', ')})`);
        await screenshot(page, `first-screen-${width}x${height}`);
      } finally {
        await context.close();
      }
    });
  }
});
