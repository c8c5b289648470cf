// What the embedded basemap's railways and roads mean, and what they cover (OpenStreetMap lines, see
// scripts/basemap/osmLines.ts). Only with the embedded basemap: the online style has its own conventions.
import { OSM_LINE_COLORS } from '../../map/theme';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';

function RoadSwatch({ fill, casing }: { fill: string; casing: string }) {
  return (
    <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
      <line x1="2" y1="9" x2="26" y2="9" stroke={casing} strokeWidth="6" strokeLinecap="round" />
      <line x1="2" y1="9" x2="26" y2="9" stroke={fill} strokeWidth="3.6" strokeLinecap="round" />
    </svg>
  );
}

const RAIL_SWATCH = (
  <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
    <line x1="2" y1="9" x2="26" y2="9" stroke={OSM_LINE_COLORS.rail} strokeWidth="4.5" />
    <line x1="2" y1="9" x2="26" y2="9" stroke={OSM_LINE_COLORS.railDash} strokeWidth="2" strokeDasharray="4 4" />
  </svg>
);

export function BasemapLinesKey() {
  const { t } = useT();
  const embedded = useAppStore((s) => s.basemap === 'embedded');
  if (!embedded) return null;
  return (
    <div className="basemap-lines-key">
      <h3 className="legend-subtitle">{t.basemapLinesTitle}</h3>
      <ul>
        <li className="legend-row">{RAIL_SWATCH}<span className="legend-text">{t.basemapLine_rail}</span></li>
        <li className="legend-row"><RoadSwatch {...OSM_LINE_COLORS.national} /><span className="legend-text">{t.basemapLine_national}</span></li>
        <li className="legend-row"><RoadSwatch {...OSM_LINE_COLORS.provincial} /><span className="legend-text">{t.basemapLine_provincial}</span></li>
      </ul>
      <p className="legend-detail">{t.basemapLinesNote}</p>
    </div>
  );
}
