// The static pages built with the app (scripts/build-pages.ts): read with JavaScript off, their figures
// checked against the data files, their link into the map followed, axe run, one A4 page in print, and
// the sitemap counted against the region folders.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { appAndBrowser, axeSerious, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const SITE = 'lc-kcn-tang-loong';
const REGIONS = join(ROOT, 'data', 'regions');

interface SiteJson {
  properties: { id: string; declaredAreaHa?: number; commune: string; investor?: string; decision?: { number: string }; name: { vi: string; en: string } };
}
const regionIds = readdirSync(REGIONS).filter((d) => existsSync(join(REGIONS, d, 'region.json')));
const sitesOf = (id: string) => (JSON.parse(readFileSync(join(REGIONS, id, 'sites.geojson'), 'utf8')) as { features: SiteJson[] }).features;
const site = sitesOf('lao-cai').find((f) => f.properties.id === SITE)!.properties;
// The page's figures written as a reader of each language expects, computed here from the data file.
const ha = (x: number, locale: string) => `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x)} ha`;

describe('static pages per park and per province', () => {
  it('a park page reads without JavaScript: figures from the data, both languages, head for search engines', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
    const page = await context.newPage();
    const res = await page.goto(`${app.url}pages/${SITE}.html`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.locator('h1').innerText(), `KCN ${site.name.vi}`);
    const body = await page.locator('main').innerText();
    assert.ok(site.declaredAreaHa !== undefined);
    assert.ok(body.includes(ha(site.declaredAreaHa, 'vi-VN')), `declared area ${ha(site.declaredAreaHa, 'vi-VN')} on the page`);
    assert.ok(body.includes(site.commune));
    if (site.decision) assert.ok(body.includes(site.decision.number), 'decision number');
    if (site.investor) assert.ok(body.includes(site.investor), 'investor');
    else assert.match(body, /chưa có trong nguồn/);
    assert.match(body, /Nguồn/);
    // Head: description, hreflang pair, Open Graph picture (served), JSON-LD Place with the site's commune.
    assert.ok((await page.locator('meta[name="description"]').getAttribute('content'))!.includes(site.name.vi));
    assert.equal(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href'), `${SITE}.en.html`);
    // Link previews take PNG, not SVG: the picture is a real PNG of the size the tags declare.
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    assert.equal(await page.locator('meta[property="og:image:type"]').getAttribute('content'), 'image/png');
    const img = await page.request.get(`${app.url}pages/${og}`);
    assert.equal(img.status(), 200);
    assert.equal(img.headers()['content-type'], 'image/png');
    const png = await img.body();
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    const declared = async (p: string) => Number(await page.locator(`meta[property="og:image:${p}"]`).getAttribute('content'));
    assert.equal(png.readUInt32BE(16), await declared('width'));
    assert.equal(png.readUInt32BE(20), await declared('height'));
    // A drawn map, not an empty canvas: a flat 1200 × 630 PNG compresses to a few hundred bytes.
    assert.ok(png.length > 10_000, `PNG of ${png.length} bytes`);
    assert.ok(png.length < 300_000, `PNG of ${png.length} bytes: too heavy for a preview`);
    // The page shows the same map as SVG next to the figures.
    assert.match(await (await page.request.get(`${app.url}pages/${SITE}.svg`)).text(), /^<svg/);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { '@type': string; address: { addressLocality: string } };
    assert.equal(ld['@type'], 'Place');
    assert.equal(ld.address.addressLocality, site.commune);
    assert.ok(await page.locator('meta[http-equiv="Content-Security-Policy"]').count());
    await screenshot(page, 'park-page');
    // The English page: English words, English number format, the same figure.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\.en\.html$/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.ok((await page.locator('main').innerText()).includes(ha(site.declaredAreaHa, 'en-GB')));
    await context.close();
  });

  it('links into the map at the park, and the fact sheet links back; no CSP report; axe finds nothing serious', async () => {
    const o = await openOffline(app.browser, `${app.url}pages/${SITE}.html`);
    assert.deepEqual(await axeSerious(o.page), []);
    await o.page.getByTestId('page-map-link').click();
    await o.page.waitForURL(new RegExp(`sel=site(:|%3A)${SITE}`));
    await waitForIdleMap(o.page);
    assert.deepEqual(await o.page.evaluate(() => window.__atlas!.store.getState().selected), { type: 'site', id: SITE });
    await o.page.getByRole('heading', { name: `KCN ${site.name.vi}` }).waitFor();
    const back = o.page.getByTestId('fact-page-link');
    assert.equal(await back.getAttribute('href'), `pages/${SITE}.html`);
    await back.click();
    await o.page.waitForURL(new RegExp(`pages/${SITE}\\.html$`));
    assert.equal(await o.page.locator('h1').innerText(), `KCN ${site.name.vi}`);
    // JSON-LD is a data block, not a script: the page's policy (script-src 'self') reports nothing.
    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.blocked, []);
    await o.context.close();
  });

  it('prints on one A4 page: a park, a cluster, and the province with every site (the longest list) in both languages', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const id of [SITE, 'lc-ccn-dong-pho-moi', 'lao-cai', 'lao-cai.en']) {
      await page.goto(`${app.url}pages/${id}.html`);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, `${id}: ${pages} pages`);
    }
    await context.close();
  });

  it('the sitemap lists every province and site page in both languages, relative to the base', async () => {
    const res = await fetch(`${app.url}sitemap.xml`);
    assert.equal(res.status, 200);
    const xml = await res.text();
    const expected = regionIds.reduce((n, id) => n + 1 + sitesOf(id).length, 0) * 2;
    assert.equal((xml.match(/<loc>/g) ?? []).length, expected);
    assert.ok(xml.includes(`<loc>pages/${SITE}.en.html</loc>`));
    assert.match(await (await fetch(`${app.url}robots.txt`)).text(), /User-agent: \*/);
    // The province page lists each of its sites.
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}pages/lao-cai.html`);
    assert.equal(await page.locator('table.sites tbody tr').count(), sitesOf('lao-cai').length);
    await context.close();
  });
});
