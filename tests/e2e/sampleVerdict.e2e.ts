// Verdicts and rules a visitor or investor must not miss, in a real browser: Bình Định's two-year
// revocation rule on its targets panel, and a kiosk slide whose verdict rests on sample parcels (the
// sample label in the same words and size). Split from obligations.e2e.ts to keep each file short.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();

describe('rules and sample verdicts, offline', () => {
  it('puts Bình Định’s two-year revocation rule on its targets panel, with its source', async () => {
    const o = await openOffline(app.browser, `${app.url}?region=binh-dinh&tab=targets`);
    await waitForIdleMap(o.page);
    const rule = o.page.locator('li[data-rule="bd-revoke-two-years"]');
    await rule.waitFor();
    const text = (await rule.textContent()) ?? '';
    assert.ok(text.includes('02 năm liên tiếp') && text.includes('mục I; mục II.6'), text);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('never shows a verdict on sample parcels without the sample label in the same words, in kiosk mode', async () => {
    const o = await openOffline(app.browser, `${app.url}?region=lao-cai&slide=2&kiosk=1`, { width: 1920, height: 1080 });
    await waitForIdleMap(o.page);
    await o.page.waitForFunction(() => Boolean(window.__atlas!.store.getState().report), null, { timeout: 30_000 });
    // pause the autoplay on this slide before looking at it
    await o.page.evaluate(() => window.__atlas!.store.getState().setKioskTiming({ slideSeconds: 600, idleSeconds: 600 }));
    const card = o.page.locator('.present-widget[data-target="cleared-land"]');
    await card.waitFor();
    const badges = card.locator('.present-badge');
    const texts = await badges.allTextContents();
    const verdicts = texts.filter((s) => /Đã đạt|Chưa đạt/.test(s));
    assert.ok(verdicts.length > 0, `a verdict is shown: ${texts.join(' | ')}`);
    for (const v of verdicts) assert.match(v, /\(theo số liệu minh họa\)$/);
    const sizes = await badges.evaluateAll((els) => els.map((e) => getComputedStyle(e).fontSize));
    assert.equal(new Set(sizes).size, 1, `verdict and sample label in one size: ${sizes.join(', ')}`);
    await screenshot(o.page, 'kiosk-sample-verdict');
    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.blocked, []);
    await o.context.close();
  });
});
