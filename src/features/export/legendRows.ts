// The rows of the exported map's legend: every layer drawn on the map at the moment of export, in the
// order of the sidebar's legend, then the planner's own files and sketches under the names they gave
// them. Pure (state in, rows out) so a test can check it without a canvas.
import type { AppState } from '../../store/state';
import { SITE_GROUPS, type SiteGroup } from '../../domain/siteClass';
import type { Messages, MessageKey } from '../../i18n/messages';
import { COLORS, PARCEL_COLORS } from '../../map/theme';
import { CLEARANCE_COLORS } from '../../map/layers/clearance';
import { SKETCH_LINE_COLOR } from '../../map/layers/sketches';

export type LegendSwatch =
  | { kind: 'site'; group: SiteGroup }
  | { kind: 'fill'; colors: string[] }
  | { kind: 'line'; color: string; dashed: boolean }
  | { kind: 'dot'; color: string };

export interface LegendRow {
  label: string;
  swatch: LegendSwatch;
}

/** Sketches listed one by one up to this many; the rest are counted on one more row. */
const MAX_SKETCH_ROWS = 6;

export function legendRows(s: AppState, t: Messages): LegendRow[] {
  const region = s.region;
  if (!region) return [];
  const rows: LegendRow[] = [];
  for (const g of SITE_GROUPS) {
    if (s.visible[g]) rows.push({ label: String(t[`group_${g.replace('-', '_')}` as MessageKey]), swatch: { kind: 'site', group: g } });
  }
  if (s.visible.clearance && region.data.clearance.features.length > 0) {
    // The parcels shown are sample data: the legend says so beside their name, as the sidebar does.
    const sample = s.report?.sample ?? false;
    rows.push({
      label: sample ? `${t.layer_clearance} (${t.sampleBadge.toLowerCase()})` : t.layer_clearance,
      swatch: { kind: 'fill', colors: [CLEARANCE_COLORS.cleared, CLEARANCE_COLORS['in-progress'], CLEARANCE_COLORS['not-started']] },
    });
  }
  if (s.visible.roads && region.roads.features.length > 0) rows.push({ label: t.layer_roads, swatch: { kind: 'line', color: COLORS.connector, dashed: true } });
  if (s.visible.relocations && region.relocations.features.length > 0) rows.push({ label: t.layer_relocations, swatch: { kind: 'line', color: COLORS.relocation, dashed: false } });
  if (s.visible.landmarks && region.landmarks.features.length > 0) rows.push({ label: t.layer_landmarks, swatch: { kind: 'dot', color: COLORS.landmark } });
  const tiles = region.data.region.parcelTiles;
  if (tiles && s.visible.parcelTiles) rows.push({ label: tiles.label?.[s.lang] ?? t.layer_parcelTiles, swatch: { kind: 'fill', colors: [PARCEL_COLORS.fill] } });
  // The planner's files, by the name shown in "Tệp của tôi" (drawn on the canvas as text, never markup).
  for (const layer of s.imports) {
    if (layer.visible && layer.features.features.length > 0) rows.push({ label: layer.name, swatch: { kind: 'fill', colors: [layer.color] } });
  }
  // Sketches are on the map unless the drawing tool holds them (then the tool draws them, and so do we).
  const sketches = s.sketches;
  sketches.slice(0, MAX_SKETCH_ROWS).forEach((sk) => {
    // Unnamed ones as the sketch panel calls them: "Vùng 2", "Đường 1", numbered within their kind.
    const polygon = sk.geometry.type === 'Polygon';
    const name = sk.name.trim() || t.sketch_untitled(polygon, sketches.filter((x) => (x.geometry.type === 'Polygon') === polygon).indexOf(sk) + 1);
    rows.push({ label: `${t.export_sketch}: ${name}`, swatch: { kind: 'line', color: SKETCH_LINE_COLOR, dashed: true } });
  });
  if (sketches.length > MAX_SKETCH_ROWS) {
    rows.push({ label: t.export_moreSketches(sketches.length - MAX_SKETCH_ROWS), swatch: { kind: 'line', color: SKETCH_LINE_COLOR, dashed: true } });
  }
  return rows;
}
