// Linking a planner's polygon to a site: names found despite diacritics, case and "KCN"/"CCN"
// prefixes; same-named KCN and CCN told apart by position; the linked outline replaces the footprint
// in a new region, with its area measured on the polygon and the declared area kept.
import { describe, expect, it } from 'vitest';
import type { Geometry, Polygon } from 'geojson';
import { applyLinks, resolveLinks, siteKey, suggestLinks, type LinkableLayer } from '../../../src/domain/siteLinks';
import { laoCai } from '../../fixtures/laoCai';

/** A lon/lat rectangle as a closed ring (counter-clockwise). */
function rect(w: number, s: number, e: number, n: number): Polygon {
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}
/** Area of a lon/lat rectangle on a sphere of the WGS84 authalic radius, in ha: R²·Δλ·(sin φn − sin φs). */
function sphereRectHa(w: number, s: number, e: number, n: number): number {
  const R = 6_371_007.2;
  const rad = Math.PI / 180;
  return (R * R * (e - w) * rad * (Math.sin(n * rad) - Math.sin(s * rad))) / 10_000;
}
const feature = (index: number, name: string | null, geometry: Geometry) => ({ type: 'Feature' as const, properties: { index, name, attrs: {} }, geometry });

// 0.04° × 0.025° around Tằng Loỏng's located point (104.1443, 22.29499): about 1,144 ha.
const TL = [104.1243, 22.2825, 104.1643, 22.3075] as const;

describe('siteKey', () => {
  it('drops diacritics, case, punctuation and the kind prefix, and says which kind the prefix named', () => {
    expect(siteKey('KCN Tằng Loỏng')).toEqual({ key: 'tang loong', kind: 'kcn' });
    expect(siteKey('Khu công nghiệp TẰNG LOỎNG')).toEqual({ key: 'tang loong', kind: 'kcn' });
    expect(siteKey('Cụm công nghiệp Đông Phố Mới')).toEqual({ key: 'dong pho moi', kind: 'ccn' });
    expect(siteKey('CCN. Bắc Duyên Hải')).toEqual({ key: 'bac duyen hai', kind: 'ccn' });
    expect(siteKey('Tằng Loỏng')).toEqual({ key: 'tang loong', kind: null });
  });
});

describe('suggestLinks on the Lào Cai data', () => {
  const region = laoCai();

  it('links "KCN Tang Loong" to Tằng Loỏng with high confidence (name and position agree)', () => {
    const s = suggestLinks(region, [feature(0, 'KCN Tang Loong', rect(...TL))]);
    expect(s).toEqual([{ featureIndex: 0, siteId: 'lc-kcn-tang-loong', confidence: 'high', nameMatch: true, anchorInside: true }]);
  });

  it('matches the name alone (medium) when the polygon lies away from the located point', () => {
    const s = suggestLinks(region, [feature(3, 'khu công nghiệp tằng loỏng', rect(104.3, 22.0, 104.31, 22.01))]);
    expect(s).toEqual([{ featureIndex: 3, siteId: 'lc-kcn-tang-loong', confidence: 'medium', nameMatch: true, anchorInside: false }]);
  });

  it('tells the KCN and the CCN named Đông Phố Mới apart by the prefix, or by which point lies inside', () => {
    // CCN point 103.986, 22.484; KCN point 103.99, 22.486: a 200 m box holds only the CCN's.
    const small = rect(103.985, 22.483, 103.987, 22.485);
    expect(suggestLinks(region, [feature(0, 'Đông Phố Mới', small)])[0]).toMatchObject({ siteId: 'lc-ccn-dong-pho-moi', confidence: 'high' });
    const far = rect(103.5, 22.0, 103.51, 22.01);
    expect(suggestLinks(region, [feature(0, 'KCN Đông Phố Mới', far)])[0]).toMatchObject({ siteId: 'lc-kcn-dong-pho-moi', confidence: 'medium' });
    expect(suggestLinks(region, [feature(0, 'CCN Đông Phố Mới', far)])[0]).toMatchObject({ siteId: 'lc-ccn-dong-pho-moi', confidence: 'medium' });
    // Same name, no prefix, neither point inside: no guess.
    expect(suggestLinks(region, [feature(0, 'Đông Phố Mới', far)])).toEqual([]);
  });

  it('falls back on position alone (low) for an unnamed polygon, and skips points, lines and empty places', () => {
    // Võ Lao's point: 104.18092, 22.21885.
    const s = suggestLinks(region, [
      feature(0, null, rect(104.17, 22.21, 104.19, 22.23)),
      feature(1, 'KCN Tằng Loỏng', { type: 'Point', coordinates: [104.1443, 22.295] }),
      feature(2, 'KCN Tằng Loỏng', { type: 'LineString', coordinates: [[104.1, 22.2], [104.2, 22.3]] }),
      feature(3, 'Lô đất trống', rect(103.0, 21.0, 103.01, 21.01)),
    ]);
    expect(s).toEqual([{ featureIndex: 0, siteId: 'lc-kcn-vo-lao', confidence: 'low', nameMatch: false, anchorInside: true }]);
  });
});

describe('applyLinks', () => {
  const region = laoCai();
  const layer: LinkableLayer = {
    id: 'L1',
    name: 'Ranh đo đạc',
    fileName: 'ranh-tang-loong.geojson',
    features: { type: 'FeatureCollection', features: [feature(0, 'KCN Tằng Loỏng', rect(...TL)), feature(1, 'Thống Nhất', rect(104.0, 22.35, 104.01, 22.36))] },
  };

  it('draws the linked site with the polygon, marked surveyed, its area measured on it, declared area kept', () => {
    const before = JSON.stringify(region);
    const linked = applyLinks(region, resolveLinks([{ layerId: 'L1', featureIndex: 0, siteId: 'lc-kcn-tang-loong', manual: false }], [layer]));
    // The loaded region is untouched.
    expect(JSON.stringify(region)).toBe(before);
    expect(linked).not.toBe(region);

    const outline = linked.siteOutlines.features.find((f) => f.properties.id === 'lc-kcn-tang-loong')!;
    expect(outline.geometry).toEqual(rect(...TL));
    expect(outline.properties.quality).toBe('surveyed');
    const site = linked.data.sites.features.find((f) => f.properties.id === 'lc-kcn-tang-loong')!;
    expect(site.properties.geometryQuality).toBe('surveyed');
    expect(site.properties.declaredAreaHa).toBe(1100);

    const expected = sphereRectHa(...TL);
    expect(expected).toBeGreaterThan(1130);
    expect(expected).toBeLessThan(1160);
    const area = linked.areas['lc-kcn-tang-loong']!;
    expect(area.fromDeclared).toBe(false);
    expect(Math.abs(area.computedHa - expected) / expected).toBeLessThan(0.005);
    expect(outline.properties.areaHa).toBe(area.computedHa);
    expect(area.surveyedFrom).toMatchObject({ fileName: 'ranh-tang-loong.geojson', layerName: 'Ranh đo đạc', featureIndex: 0 });
    // Before the link the site was an indicative footprint of exactly its declared area.
    expect(region.areas['lc-kcn-tang-loong']!.fromDeclared).toBe(true);

    // Other sites are the very same objects.
    const other = (r: typeof region) => r.siteOutlines.features.find((f) => f.properties.id === 'lc-kcn-vo-lao');
    expect(other(linked)).toBe(other(region));
  });

  it('gives an unlocated site an outline and takes it off the unlocated list', () => {
    expect(region.unlocatedSiteIds).toContain('lc-ccn-thong-nhat');
    const linked = applyLinks(region, resolveLinks([{ layerId: 'L1', featureIndex: 1, siteId: 'lc-ccn-thong-nhat', manual: true }], [layer]));
    expect(linked.unlocatedSiteIds).not.toContain('lc-ccn-thong-nhat');
    expect(linked.siteOutlines.features.some((f) => f.properties.id === 'lc-ccn-thong-nhat')).toBe(true);
    expect(linked.siteAnchors.features.some((f) => f.properties.id === 'lc-ccn-thong-nhat')).toBe(true);
  });

  it('returns the region itself when no link applies: none, unknown sites, missing layers, "none of the sites"', () => {
    expect(applyLinks(region, [])).toBe(region);
    const links = resolveLinks(
      [
        { layerId: 'L1', featureIndex: 0, siteId: null, manual: true },
        { layerId: 'gone', featureIndex: 0, siteId: 'lc-kcn-tang-loong', manual: false },
        { layerId: 'L1', featureIndex: 9, siteId: 'lc-kcn-tang-loong', manual: false },
      ],
      [layer],
    );
    expect(links).toEqual([]);
    const foreign = resolveLinks([{ layerId: 'L1', featureIndex: 0, siteId: 'ls-kcn-somewhere', manual: false }], [layer]);
    expect(applyLinks(region, foreign)).toBe(region);
  });

  it('keeps one outline per site: the first link wins', () => {
    const links = resolveLinks(
      [
        { layerId: 'L1', featureIndex: 0, siteId: 'lc-kcn-tang-loong', manual: false },
        { layerId: 'L1', featureIndex: 1, siteId: 'lc-kcn-tang-loong', manual: true },
      ],
      [layer],
    );
    expect(links.map((l) => l.source.featureIndex)).toEqual([0]);
  });
});
