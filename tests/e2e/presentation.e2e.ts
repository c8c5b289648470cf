// Presentation mode in a real browser, at a projector's 1920 × 1080: clicker keys move the slides and
// the map, kiosk mode comes back to the first slide, and a slide is screenshotted for a person to judge.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { appAndBrowser, injectAxe, openOffline, screenshot, waitForIdleMap } from './harness';
import { PROJECTOR, STORY, waitForCamera } from './story';

const N = STORY.slides.length;

const app = appAndBrowser();

const counter = (page: Page) => page.getByTestId('present-counter').textContent();

describe('presentation, offline, 1920 × 1080', () => {
  it('advances with PageDown: the counter and the camera follow the slide', async () => {
    const o = await openOffline(app.browser, app.url, PROJECTOR);
    await waitForIdleMap(o.page);
    await o.page.getByRole('button', { name: 'Trình chiếu' }).click();
    assert.equal(await counter(o.page), `1 / ${N}`);
    await waitForCamera(o.page, STORY.slides[0]!.camera);
    await o.page.keyboard.press('PageDown');
    assert.equal(await counter(o.page), `2 / ${N}`);
    assert.equal(await o.page.getByRole('heading', { level: 2 }).first().textContent(), STORY.slides[1]!.title.vi);
    await waitForCamera(o.page, STORY.slides[1]!.camera);
    // The store's camera, which the bridge reports after each move, agrees with the map.
    const reported = await o.page.evaluate(() => window.__atlas!.store.getState().camera);
    assert.ok(reported && Math.abs(reported.zoom - STORY.slides[1]!.camera.zoom) < 1e-3, JSON.stringify(reported));
    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.blocked, []);
    await o.context.close();
  });

  it('fits every slide on the projector with large type, nothing over the map, and passes the contrast check', async () => {
    const o = await openOffline(app.browser, app.url, PROJECTOR);
    await waitForIdleMap(o.page);
    await o.page.waitForFunction(() => Boolean(window.__atlas!.store.getState().report), null, { timeout: 30_000 });
    await o.page.getByRole('button', { name: 'Trình chiếu' }).click();
    await injectAxe(o.page);
    for (let i = 0; i < N; i++) {
      if (i > 0) await o.page.keyboard.press('PageDown');
      assert.equal(await counter(o.page), `${i + 1} / ${N}`);
      const layout = await o.page.evaluate(() => {
        const panel = document.querySelector('.present-panel') as HTMLElement;
        const map = document.querySelector('.map-wrap') as HTMLElement;
        const title = document.querySelector('.present-title') as HTMLElement;
        const text = document.querySelector('.present-text') as HTMLElement | null;
        return {
          overflow: panel.scrollHeight - panel.clientHeight,
          panelRight: panel.getBoundingClientRect().right,
          mapLeft: map.getBoundingClientRect().left,
          mapWidth: map.getBoundingClientRect().width,
          titlePx: parseFloat(getComputedStyle(title).fontSize),
          textPx: text ? parseFloat(getComputedStyle(text).fontSize) : null,
          headerShown: getComputedStyle(document.querySelector('.app-header')!).display !== 'none',
        };
      });
      const id = STORY.slides[i]!.id;
      assert.ok(layout.overflow <= 1, `slide ${id} overflows its panel by ${layout.overflow}px`);
      assert.ok(layout.panelRight <= layout.mapLeft + 0.5, `slide ${id}: panel ${layout.panelRight} over the map ${layout.mapLeft}`);
      assert.ok(layout.mapWidth > 1000, `the map keeps most of the screen: ${layout.mapWidth}px`);
      // Legible from the back of a room: a title of 40 px and more, body text of 24 px and more at 1080p.
      assert.ok(layout.titlePx >= 40, `title ${layout.titlePx}px`);
      if (layout.textPx !== null) assert.ok(layout.textPx >= 24, `text ${layout.textPx}px`);
      assert.equal(layout.headerShown, false);
      const contrast = await o.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: string, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run('.present-panel', { runOnly: { type: 'rule', values: ['color-contrast'] } });
        return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
      });
      assert.deepEqual(contrast, [], `slide ${id}`);
    }
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('saves a slide for a person to judge: presentation-slide.png', async () => {
    const o = await openOffline(app.browser, app.url, PROJECTOR);
    await waitForIdleMap(o.page);
    await o.page.waitForFunction(() => Boolean(window.__atlas!.store.getState().report), null, { timeout: 30_000 });
    await o.page.getByRole('button', { name: 'Trình chiếu' }).click();
    // Presentation mode loads on first use: wait until it is on screen before pressing keys.
    await o.page.getByTestId('present-counter').waitFor();
    const target = STORY.slides.findIndex((s) => s.id === 'ic18-thong-nhat');
    for (let i = 0; i < target; i++) await o.page.keyboard.press('PageDown');
    assert.equal(await counter(o.page), `${target + 1} / ${N}`);
    await waitForCamera(o.page, STORY.slides[target]!.camera);
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'presentation-slide');
    const targets = STORY.slides.findIndex((s) => s.id === 'muc-tieu-2026');
    await o.page.keyboard.press('Home');
    for (let i = 0; i < targets; i++) await o.page.keyboard.press('PageDown');
    await waitForCamera(o.page, STORY.slides[targets]!.camera);
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'presentation-targets');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('kiosk: plays by itself, and after a visitor leaves it idle returns to the first slide', async () => {
    const o = await openOffline(app.browser, app.url, PROJECTOR);
    await waitForIdleMap(o.page);
    // Short times for the test; a stand uses the story's (25 s a slide, 90 s of idle time).
    await o.page.evaluate(() => window.__atlas!.store.getState().setKioskTiming({ slideSeconds: 4, idleSeconds: 3 }));
    await o.page.getByRole('button', { name: 'Trình chiếu' }).click();
    await o.page.getByRole('button', { name: 'Tự chạy' }).click();
    await o.page.waitForFunction((n) => document.querySelector('[data-testid="present-counter"]')?.textContent === `2 / ${n}`, N, { timeout: 10_000 });
    // A visitor takes the clicker.
    await o.page.keyboard.press('PageDown');
    await o.page.keyboard.press('PageDown');
    assert.equal(await counter(o.page), `4 / ${N}`);
    await o.page.getByText('Tạm dừng tự chạy').waitFor();
    // Left alone, it goes back to the first slide and its camera.
    await o.page.waitForFunction((n) => document.querySelector('[data-testid="present-counter"]')?.textContent === `1 / ${n}`, N, { timeout: 10_000 });
    await waitForCamera(o.page, STORY.slides[0]!.camera);
    // A visitor's Escape does not leave a kiosk; the presenter's Ctrl+Shift+K does, and the layers are the user's again.
    await o.page.keyboard.press('Escape');
    assert.equal(await o.page.getByRole('button', { name: 'Trình chiếu' }).isVisible(), false);
    await o.page.keyboard.press('Control+Shift+K');
    await o.page.keyboard.press('Escape');
    await o.page.getByRole('button', { name: 'Trình chiếu' }).waitFor();
    const visible = await o.page.evaluate(() => Object.values(window.__atlas!.store.getState().visible));
    assert.ok(visible.every(Boolean), 'every layer is back on');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
