// Legend with a toggle per layer. Toggles change what the store says is visible; the map follows.
import type { ReactElement } from 'react';
import type { LandmarkProperties } from '../../domain/schema';
import { LANDMARK_KIND_COLORS } from '../../map/layers/landmarks';
import { BasemapSwitcher } from '../basemap/BasemapSwitcher';
import { BasemapLinesKey } from './BasemapLinesKey';
import { SITE_GROUPS, type SiteGroup } from '../../domain/siteClass';
import { formatHa } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';
import type { LayerKey } from '../../domain/layers';
import { COLORS, FILL_OPACITY, PARCEL_COLORS } from '../../map/theme';
import { groupStats } from './legendStats';
import { CLEARANCE_COLORS } from '../../map/layers/clearance';

function groupSwatch(group: SiteGroup) {
  const [kind, stage] = group.split('-') as ['kcn' | 'ccn', 'existing' | 'planned'];
  const color = kind === 'kcn' ? COLORS.kcn : COLORS.ccn;
  const dark = kind === 'kcn' ? COLORS.kcnDark : COLORS.ccnDark;
  const alpha = stage === 'existing' ? FILL_OPACITY.existing : FILL_OPACITY.planned;
  return (
    <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
      <rect x="2" y="2" width="24" height="14" rx="3" fill={color} fillOpacity={alpha} stroke={dark} strokeWidth="1.6" strokeDasharray="4 3" />
    </svg>
  );
}

const LINE_SWATCH: Record<'clearance' | 'roads' | 'relocations' | 'landmarks', ReactElement> = {
  clearance: (
    <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
      <rect x="1" y="3" width="8" height="12" fill={CLEARANCE_COLORS.cleared} fillOpacity="0.7" />
      <rect x="10" y="3" width="8" height="12" fill={CLEARANCE_COLORS['in-progress']} fillOpacity="0.7" />
      <rect x="19" y="3" width="8" height="12" fill={CLEARANCE_COLORS['not-started']} fillOpacity="0.7" />
    </svg>
  ),
  roads: (
    <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
      <line x1="2" y1="9" x2="26" y2="9" stroke={COLORS.connector} strokeWidth="4" strokeDasharray="6 3" />
    </svg>
  ),
  relocations: (
    <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
      <line x1="2" y1="9" x2="20" y2="9" stroke={COLORS.relocation} strokeWidth="2.5" strokeDasharray="5 2.5" />
      <path d="M18 3 L26 9 L18 15 Z" fill={COLORS.relocation} />
    </svg>
  ),
  landmarks: (
    <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
      <circle cx="14" cy="9" r="5" fill={COLORS.landmark} stroke="#fff" strokeWidth="2" />
    </svg>
  ),
};

/** Cadastral parcels: thin outlines with a light fill, as map/layers/parcelTiles.ts draws them. */
const PARCEL_SWATCH = (
  <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
    <path d="M2 2h11v7H2zM13 2h13v9H13zM2 9h11v7H2zM13 11h13v5H13z" fill={PARCEL_COLORS.fill} fillOpacity="0.35" stroke={PARCEL_COLORS.line} strokeWidth="1" />
  </svg>
);

/** Which colour is which kind of access point, for the kinds this region has. */
function LandmarkKey({ kinds }: { kinds: string[] }) {
  const { t } = useT();
  if (kinds.length === 0) return null;
  const order = (Object.keys(LANDMARK_KIND_COLORS) as LandmarkProperties['kind'][]).filter((k) => kinds.includes(k));
  return (
    <li className="landmark-key">
      <ul className="bar-key">
        {order.map((k) => (
          <li key={k}>
            <span className="key-dot key-round" style={{ background: LANDMARK_KIND_COLORS[k] }} aria-hidden="true" />
            {t[`landmark_${k}`]}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function Legend() {
  const { t, lang } = useT();
  const region = useAppStore((s) => s.region);
  const visible = useAppStore((s) => s.visible);
  const toggle = useAppStore((s) => s.toggleLayer);
  const sample = useAppStore((s) => s.report?.sample ?? false);
  if (!region) return null;
  const stats = groupStats(region);
  const tiles = region.data.region.parcelTiles;
  const unstated = SITE_GROUPS.reduce((n, g) => n + stats[g].unstated, 0);

  const row = (key: LayerKey, label: string, swatch: ReactElement, detail?: string) => (
    <li key={key}>
      <label className="legend-row" data-group={key}>
        <input type="checkbox" checked={visible[key]} onChange={() => toggle(key)} data-layer={key} />
        {swatch}
        <span className="legend-text">
          <span className="legend-label">{label}</span>
          {detail ? <span className="legend-detail">{detail}</span> : null}
        </span>
      </label>
    </li>
  );

  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t.layers}</h2>
      <ul>
        {SITE_GROUPS.map((g) => {
          const s = stats[g];
          const key = `group_${g.replace('-', '_')}` as MessageKey;
          const detail = [
            t.sitesCount(s.count, g.startsWith('kcn') ? 'kcn' : 'ccn'),
            s.declaredHa > 0 ? t.declaredSum(formatHa(s.declaredHa, lang)) : null,
            s.unstated > 0 ? t.unstatedCount(s.unstated) : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return row(g, t[key] as string, groupSwatch(g), detail);
        })}
        {row('clearance', t.layer_clearance, LINE_SWATCH.clearance, `${t.clearanceLegend}${sample ? ` · ${t.sampleBadge.toLowerCase()}` : ''}`)}
        {row('roads', t.layer_roads, LINE_SWATCH.roads)}
        {row('relocations', t.layer_relocations, LINE_SWATCH.relocations)}
        {row('landmarks', t.layer_landmarks, LINE_SWATCH.landmarks)}
        {tiles ? row('parcelTiles', tiles.label?.[lang] ?? t.layer_parcelTiles, PARCEL_SWATCH, t.parcelTilesLegend) : null}
        <LandmarkKey kinds={[...new Set(region.landmarks.features.map((f) => f.properties.kind))]} />
      </ul>
      <BasemapSwitcher />
      <BasemapLinesKey />
      <div className="legend-notes">
        <p>{t.indicativeLegend}</p>
        <p>{t.markerLegend}</p>
        <p>{t.flowLegend}</p>
        <p>{t.withdrawnLegend}</p>
        {unstated > 0 ? (
          <p className="legend-unstated">
            <span className="key-dot key-round key-unstated" style={{ background: COLORS.unstated, borderColor: COLORS.unstatedEdge }} aria-hidden="true" />{' '}
            {t.unstatedLegend(unstated)}
          </p>
        ) : null}
        <p>{t.boundsLegend}</p>
        {region.unlocatedSiteIds.length > 0 ? <p>{t.unlocated(region.unlocatedSiteIds.length)}</p> : null}
      </div>
    </section>
  );
}
