// A site's boundary taken from a file the user has imported (KML, GeoJSON, Shapefile… through the map's
// import feature): pick the layer, then one of its polygons, and say how sure the boundary is. The
// choice becomes an `outline` edit when the site form is saved, checked like every edit.
import type { MultiPolygon, Polygon } from 'geojson';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';
import { keptFeatures } from '../../domain/importedLayer';
import { geodesicAreaHa } from '../../geo/geodesic';
import { formatHa } from '../../i18n/format';

export interface OutlineChoice {
  layerId: string;
  /** the feature's `index` in its file; -1: none chosen */
  featureIndex: number;
  quality: 'surveyed' | 'provisional';
}

export const NO_OUTLINE: OutlineChoice = { layerId: '', featureIndex: -1, quality: 'surveyed' };

const isArea = (g: { type: string }): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';

/** The polygon a choice names, or null (nothing chosen, or the layer is gone). */
export function useChosenOutline(choice: OutlineChoice): Polygon | MultiPolygon | null {
  const layer = useAppStore((s) => s.imports.find((l) => l.id === choice.layerId));
  const f = layer?.features.features.find((x) => x.properties.index === choice.featureIndex);
  return f && isArea(f.geometry) ? f.geometry : null;
}

export function OutlinePicker({ value, onChange }: { value: OutlineChoice; onChange: (c: OutlineChoice) => void }) {
  const { t, lang } = useT();
  const imports = useAppStore((s) => s.imports);
  const layers = imports.filter((l) => keptFeatures(l).some((f) => isArea(f.geometry)));
  const layer = layers.find((l) => l.id === value.layerId);
  const polygons = layer ? keptFeatures(layer).filter((f) => isArea(f.geometry)) : [];
  return (
    <fieldset className="editor-outline">
      <legend>{t.edit_outline}</legend>
      {layers.length === 0 ? (
        <p className="hint">{t.edit_outlineNoLayer}</p>
      ) : (
        <>
          <label>
            <span>{t.edit_outlineLayer}</span>
            <select name="outline-layer" value={value.layerId} onChange={(e) => onChange({ ...value, layerId: e.target.value, featureIndex: -1 })}>
              <option value="">{t.edit_outlineKeep}</option>
              {layers.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} ({l.fileName})
                </option>
              ))}
            </select>
          </label>
          {layer ? (
            <>
              <label>
                <span>{t.edit_outlinePolygon}</span>
                <select name="outline-feature" value={value.featureIndex} onChange={(e) => onChange({ ...value, featureIndex: Number(e.target.value) })}>
                  <option value={-1}>{t.edit_sourcePick}</option>
                  {polygons.map((f) => (
                    <option key={f.properties.index} value={f.properties.index}>
                      {/* A polygon's name comes from the user's file: text, never markup. */}
                      {f.properties.name ?? t.edit_outlineUnnamed(f.properties.index + 1)} — {formatHa(geodesicAreaHa(f.geometry as Polygon | MultiPolygon), lang)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t.edit_outlineQuality}</span>
                <select name="outline-quality" value={value.quality} onChange={(e) => onChange({ ...value, quality: e.target.value === 'provisional' ? 'provisional' : 'surveyed' })}>
                  <option value="surveyed">{t.edit_outlineSurveyed}</option>
                  <option value="provisional">{t.edit_outlineProvisional}</option>
                </select>
              </label>
            </>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
