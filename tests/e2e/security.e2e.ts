// What a hostile or careless file cannot do to a visitor of the built app:
// - the page runs under a Content-Security-Policy with no inline script and no eval, and the browser
//   enforces it;
// - names, descriptions and attributes full of markup and javascript: links (the fixture
//   tests/fixtures/io/xss/ten-doc-hai.kml) show as text, before and after a reload, and nothing of
//   them runs, opens a dialog or becomes a link;
// - links from the data that open a new tab carry rel="noopener noreferrer".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appAndBrowser, importThroughChooser, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const XSS_KML = join(ROOT, 'tests', 'fixtures', 'io', 'xss', 'ten-doc-hai.kml');
const IMG_PAYLOAD = '<img src=x onerror=alert(1)>';

/** What would show that a payload ran or turned into live markup. */
function traces(page: Page) {
  return page.evaluate(() => ({
    xss: (window as unknown as { __xss?: string }).__xss ?? null,
    imgX: [...document.querySelectorAll('img')].filter((i) => i.getAttribute('src') === 'x').length,
    scriptLinks: [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => !/^(https?:|#|\.?\/?[\w-]+[\w./-]*$|blob:)/i.test(h.trim())),
    svg: document.querySelectorAll('svg[onload]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
  }));
}

describe('security', () => {
  it('runs under a Content-Security-Policy with no inline script and no eval, and the browser enforces it', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    const policy = await o.page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    assert.deepEqual(directives.get('script-src'), ["'self'"], policy);
    assert.ok(!/unsafe-eval|\*/.test(policy), `no eval and no wildcard: ${policy}`);
    // 'unsafe-inline' only for style attributes (see src/app/contentSecurityPolicy.ts), never for scripts.
    for (const [directive, sources] of directives) {
      if (sources.includes("'unsafe-inline'")) assert.equal(directive, 'style-src-attr', policy);
    }
    assert.equal(directives.get('default-src')?.join(' '), "'self'");
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    // The page loaded and drew under it with nothing refused (openOffline reports violations as errors).
    assert.deepEqual(o.errors, []);

    // An inline script and eval are refused by the browser, not merely absent from our code. The eval
    // probe runs from a script of the app's own origin (a test's evaluate() is exempt from the policy).
    const probeUrl = new URL('csp-probe.js', app.url).href;
    await o.page.route(probeUrl, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `const r = {};
try { r.evalResult = String(eval('1 + 1')); } catch (e) { r.evalResult = e.name; }
try { r.fnResult = String(new Function('return 2')()); } catch (e) { r.fnResult = e.name; }
window.__probe = r;`,
      }),
    );
    await o.page.addScriptTag({ url: probeUrl });
    await o.page.addScriptTag({ content: 'window.__inline = 1' }).catch(() => undefined);
    const probe = await o.page.evaluate(() => {
      const w = window as unknown as { __inline?: number; __probe?: Record<string, string> };
      return { inline: w.__inline ?? null, ...w.__probe };
    });
    assert.deepEqual(probe, { inline: null, evalResult: 'EvalError', fnResult: 'EvalError' });
    // The violation event can reach the console a moment after the script is refused (seen under load).
    for (let i = 0; i < 50 && !o.errors.some((e) => /CSP violation: script-src-elem/.test(e)); i++) await o.page.waitForTimeout(100);
    assert.ok(o.errors.some((e) => /CSP violation: script-src-elem/.test(e)), o.errors.join('\n'));
    await o.context.close();
  });

  it('shows markup and javascript: links from a file as text, runs none of it, also after a reload', async () => {
    const o = await openOffline(app.browser, app.url);
    const dialogs: string[] = [];
    o.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitForIdleMap(o.page);
    await importThroughChooser(o.page, XSS_KML, '“ten-doc-hai.kml”: 2 đối tượng đã nạp.');
    const card = o.page.locator('.import-layer').first();
    // The layer takes the document's name, markup and all, as plain text.
    assert.equal(await card.getByRole('textbox', { name: 'Tên lớp' }).inputValue(), `${IMG_PAYLOAD} Lớp độc hại`);

    await card.getByRole('button', { name: /Bảng thuộc tính/ }).click();
    const table = o.page.getByTestId('attribute-table').locator('table');
    await table.waitFor();
    const text = await table.innerText();
    // Escaped markup in the file shows as the characters it is made of…
    assert.ok(text.includes(`${IMG_PAYLOAD}KCN Thử`), text);
    assert.ok(text.includes('<a href="javascript:window.__xss=\'name-link\'">Cụm <b>CN</b> thử</a>'), text);
    assert.ok(text.includes('javascript:alert(document.domain)'), 'a javascript: value is shown, not linked');
    assert.ok(text.includes('<svg onload=alert(1)>'), text);
    assert.ok(text.includes(IMG_PAYLOAD), 'an attribute named with markup keeps its name as text');
    // …and live markup in a description becomes its text only.
    assert.ok(text.includes('<b onmouseover=alert(1)>rê chuột</b>'), text);
    await screenshot(o.page, 'security-xss-as-text');

    // Hover and click over the imported features: nothing in them turns into markup either. The table
    // is a drawer over the lower half of the screen: Escape closes it, as a planner would, to see the map.
    await o.page.keyboard.press('Escape');
    await o.page.getByTestId('attribute-table').waitFor({ state: 'detached' });
    const box = await o.page.locator('.maplibregl-canvas').boundingBox();
    assert.ok(box);
    await o.page.getByRole('button', { name: 'Xem trên bản đồ' }).first().click();
    await o.page.waitForFunction(() => !window.__atlas!.map.isMoving());
    await o.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await o.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);

    assert.deepEqual(await traces(o.page), { xss: null, imgX: 0, scriptLinks: [], svg: 0, handlers: 0 });
    assert.deepEqual(dialogs, []);

    // The same after the layer comes back from the browser's storage.
    await o.page.reload();
    await waitForIdleMap(o.page);
    await o.page.getByRole('tab', { name: 'Tệp của tôi' }).click();
    await o.page.locator('.import-layer').first().waitFor();
    assert.equal(await o.page.getByRole('textbox', { name: 'Tên lớp' }).first().inputValue(), `${IMG_PAYLOAD} Lớp độc hại`);
    await o.page.locator('.import-layer').first().getByRole('button', { name: /Bảng thuộc tính/ }).click();
    assert.ok((await o.page.getByTestId('attribute-table').locator('table').innerText()).includes(`${IMG_PAYLOAD}KCN Thử`));
    assert.deepEqual(await traces(o.page), { xss: null, imgX: 0, scriptLinks: [], svg: 0, handlers: 0 });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('opens links from the data in a new tab with rel="noopener noreferrer"', async () => {
    // Tằng Loỏng cites a source with a web address (region.json's vn-admin-units-2025).
    const o = await openOffline(app.browser, `${app.url}?region=lao-cai&sel=site:lc-kcn-tang-loong`);
    await waitForIdleMap(o.page);
    const panel = o.page.getByTestId('details');
    await panel.waitFor();
    const links = await o.page.evaluate(() =>
      [...document.querySelectorAll('a[target="_blank"]')].map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') ?? '' })),
    );
    assert.ok(links.some((l) => /^https:\/\//.test(l.href ?? '')), `a web link from the data is shown: ${JSON.stringify(links)}`);
    for (const l of links) {
      assert.deepEqual(l.rel.split(/\s+/).sort(), ['noopener', 'noreferrer'], `${l.href} rel="${l.rel}"`);
    }
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
