// The printed fact sheet's locator: the province's outline from the embedded basemap, drawn small, with the
// park's position marked, so a reader of the paper sees where in the province the park lies. Drawn by
// src/geo/locator.ts, as the static pages' pictures are; shown only in print.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { locatorProjection } from '../../geo/locator';
import { BASEMAP_FILES } from '../../map/layers/basemap';
import type { PreparedRegion } from '../../domain/prepare';
import type { Lang } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';
import { anchorOf } from '../pages/PageShell';
import { basemapFile } from './basemapFile';

type Provinces = FeatureCollection<Polygon | MultiPolygon, { id?: string }>;

const provinces = basemapFile<Provinces>(BASEMAP_FILES.provinces);

const W = 240;
const H = 170;

export function LocatorInset({ region, siteId, title, t, lang }: { region: PreparedRegion; siteId: string; title: string; t: Messages; lang: Lang }) {
  const all = provinces.useFile();
  const r = region.data.region;
  const outline = all?.features.find((f) => f.properties?.id === r.basemapProvinceId)?.geometry ?? null;
  // Without the outline the inset would be a dot on blank paper: the map picture beside it says enough then.
  if (!outline) return null;
  const { toPx, path } = locatorProjection(outline, r.bbox as [number, number, number, number], { width: W, height: H, pad: 8, top: 14 });
  const at = anchorOf(region, siteId);
  const mark = at ? toPx(at) : null;
  const province = r.name[lang];
  return (
    <figure className="print-only print-locator" data-testid="print-locator">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t.fact_locator(title, province)}>
        <text x={W / 2} y={12} textAnchor="middle" className="print-locator-name">
          {province}
        </text>
        <path d={path} className="print-locator-province" fillRule="evenodd" data-testid="locator-province" />
        {mark ? (
          <g data-testid="locator-site">
            <circle cx={mark[0]} cy={mark[1]} r={9} className="print-locator-ring" />
            <circle cx={mark[0]} cy={mark[1]} r={3.5} className="print-locator-dot" />
          </g>
        ) : (
          <text x={W / 2} y={H - 4} textAnchor="middle" className="print-locator-note">
            {t.fact_locatorUnknown}
          </text>
        )}
      </svg>
    </figure>
  );
}
