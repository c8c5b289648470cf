// The fact sheet measures along the embedded basemap's OpenStreetMap roads where they reach a site (the station
// lies 650 m off ĐT.157 in town): CCN Đông Phố Mới to Ga Lào Cai, offline. Apart from basemap-osm.e2e.ts so each
// file stays within the runner's two minutes on a loaded machine.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();

describe('connectivity along the basemap roads', () => {
  it('the fact sheet of CCN Đông Phố Mới measures to Ga Lào Cai along the basemap roads, and says so', async () => {
    const o = await openOffline(app.browser, `${app.url}?region=lao-cai&sel=site:lc-ccn-dong-pho-moi`);
    await waitForIdleMap(o.page);
    const station = o.page.locator('[data-testid=details] [data-conn=station]');
    await station.waitFor();
    // The roads arrive after the sheet opens; the row switches to the road distance then.
    await o.page.getByText('gồm quốc lộ, đường tỉnh của bản đồ nền (OpenStreetMap)').first().waitFor({ timeout: 15_000 });
    const text = await station.innerText();
    assert.match(text, /Ga Lào Cai/);
    // Shown to 0.1 km with a decimal comma; a road is never shorter than the straight line between its ends.
    const km = Number(/([\d.,]+)\s*km/.exec(text)![1]!.replace(/\./g, '').replace(',', '.'));
    const [lon1, lat1] = await o.page.evaluate(() => {
      const f = window.__atlas!.store.getState().region!.siteAnchors.features.find((x) => x.properties.id === 'lc-ccn-dong-pho-moi')!;
      return f.geometry.coordinates as [number, number];
    });
    const R = 6371.0088;
    const rad = (d: number) => (d * Math.PI) / 180;
    const [lon2, lat2] = [103.97833, 22.4925];
    const straight = 2 * R * Math.asin(Math.sqrt(Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2));
    assert.ok(km >= Math.round(straight * 10) / 10 - 0.05 && km <= 2 * straight + 0.05, `${km} km against ${straight.toFixed(2)} km straight`);
    await screenshot(o.page, 'basemap-osm-fact-sheet');
    assert.deepEqual(o.blocked, []);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
