// The fact sheet's connectivity: distance to the nearest interchange, border gate, station, airport and
// provincial centre, computed from the map (analytics/connectivity), each saying how it was measured.
import type { ReactNode } from 'react';
import { CONNECTIVITY_KINDS, siteConnectivity } from '../../analytics/connectivity';
import type { PreparedRegion } from '../../domain/prepare';
import { formatKm, type Lang } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';
import { loadedBasemapRoads } from './basemapRoads';

export interface ConnectivityFactRow {
  section: 'connectivity';
  label: string;
  value: ReactNode;
  hint?: string;
}

export function connectivityRows(region: PreparedRegion, siteId: string, t: Messages, lang: Lang): ConnectivityFactRow[] {
  const rows = siteConnectivity(region, siteId, { basemapRoads: loadedBasemapRoads() });
  // A site with no location has no distances: one line says so rather than five empty ones.
  if (rows.length === 0) return [];
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const out: ConnectivityFactRow[] = CONNECTIVITY_KINDS.map((kind) => {
    const r = byKind.get(kind);
    const label = t[`conn_${kind}`];
    if (!r) return { section: 'connectivity', label, value: <span className="missing">{t.conn_none}</span> };
    const how = [r.method === 'road' ? (r.basemapRoad ? t.conn_roadBasemap : t.conn_road) : t.conn_straight, r.indicative ? t.conn_indicative : null].filter(Boolean).join(' · ');
    return {
      section: 'connectivity',
      label,
      value: (
        <span data-conn={kind}>
          {r.indicative ? '≈ ' : ''}
          {formatKm(Math.round(r.km * 10) / 10, lang)} <span className="conn-to">— {r.name[lang]}</span>
        </span>
      ),
      hint: how,
    };
  });
  // How the distances are measured, said once under the last of them.
  const last = out[out.length - 1]!;
  last.hint = [last.hint, t.conn_note].filter(Boolean).join('. ');
  return out;
}
