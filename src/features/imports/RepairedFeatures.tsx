// The polygons of a layer that crossed themselves in the file and were loaded as their repaired shape
// (geo/makeValid.ts): each with where it crossed, its area on the repaired shape labelled as such,
// and a box to leave it out of the layer (off the map, out of the total, never a site's outline).
import { geodesicAreaHa } from '../../geo/geodesic';
import { formatHa, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStoreApi } from '../../store/context';
import type { ImportedLayer } from '../../domain/importedLayer';
import { RepairedBadge } from './RepairedBadge';

const fmtAt = ([lon, lat]: [number, number]) => `[${lon.toFixed(6)}, ${lat.toFixed(6)}]`;

export function RepairedFeatures({ layer }: { layer: ImportedLayer }) {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const repaired = layer.features.features.filter((f) => f.properties.repair);
  if (repaired.length === 0) return null;
  const leftOut = new Set(layer.leftOut ?? []);
  return (
    <details className="import-repaired" open data-testid="import-repaired">
      <summary>{t.import_repairedTitle(formatNumber(repaired.length, lang))}</summary>
      <p className="muted small">{t.import_repairedHint}</p>
      <ul>
        {repaired.map((f) => {
          const { index, name, repair } = f.properties;
          const g = f.geometry;
          const ha = g.type === 'Polygon' || g.type === 'MultiPolygon' ? geodesicAreaHa(g) : null;
          const out = leftOut.has(index);
          const label = name ?? t.link_unnamed(index + 1);
          return (
            <li key={index} data-feature-index={index} className={out ? 'left-out' : undefined}>
              <strong>
                {formatNumber(index + 1, lang)}. {label}
              </strong>
              {ha !== null ? (
                <>
                  {' · '}
                  <span className="import-repaired-area">{formatHa(ha, lang)}</span>
                  {' '}
                  <RepairedBadge t={t} />
                </>
              ) : null}
              <div className="muted">{repair!.at[0] ? t.import_repairedAt(fmtAt(repair!.at[0]), repair!.count) : null}</div>
              <label>
                <input
                  type="checkbox"
                  aria-label={`${t.import_leaveOut}: ${label}`}
                  checked={out}
                  onChange={(e) => store.getState().setImportFeatureLeftOut(layer.id, index, e.target.checked)}
                />
                {t.import_leaveOut}
              </label>
              {out ? <div className="muted small">{t.import_leftOutNote}</div> : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
