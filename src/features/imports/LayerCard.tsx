// One imported layer: its name (editable), colour, show/hide, what it holds, its area by the three
// methods of the built-in data, how its coordinates were read (with the zone chooser when the file
// did not say its VN-2000 zone), what was wrong with it, its attribute table, zoom and remove.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { areaReport } from '../../analytics/area';
import { crsMessage, textEncodingMessage, zoneLabel } from '../../io/import/messages';
import { formatHa, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { keptFeatures, type ImportedLayer } from '../../domain/importedLayer';
import { AttributeTable } from './AttributeTable';
import { ProblemList } from './ProblemList';
import { RepairedFeatures } from './RepairedFeatures';
import { SiteLinks } from './SiteLinks';
import { reimportWithZone, zoneIsChoosable } from './runImport';
import { FORMAT_LABEL } from '../../io/import/types';
import { VN2000_ZONES } from './zones';
import { RepairedBadge } from './RepairedBadge';

function kindCounts(layer: ImportedLayer): { polygons: number; lines: number; points: number; mixed: number } {
  const c = { polygons: 0, lines: 0, points: 0, mixed: 0 };
  for (const f of layer.features.features) {
    const type = f.geometry.type;
    if (type === 'Polygon' || type === 'MultiPolygon') c.polygons += 1;
    else if (type === 'LineString' || type === 'MultiLineString') c.lines += 1;
    else if (type === 'Point' || type === 'MultiPoint') c.points += 1;
    // A KML MultiGeometry of a point and an area: drawn, but not counted in the area total.
    else c.mixed += 1;
  }
  return c;
}

/** A small picture of how the layer is drawn: the fill and outline in its colour. */
export function LayerSwatch({ color }: { color: string }) {
  return (
    <svg className="swatch" viewBox="0 0 28 18" aria-hidden="true">
      <rect x="2" y="2" width="24" height="14" rx="3" fill={color} fillOpacity="0.28" stroke={color} strokeWidth="2" />
    </svg>
  );
}

export function LayerCard({ layer }: { layer: ImportedLayer }) {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const regionZone = useAppStore((s) => s.region?.data.region.vn2000Zone ?? null);
  const busy = useAppStore((s) => s.importBusy !== null);
  const [name, setName] = useState(layer.name);
  const [tableOpen, setTableOpen] = useState(false);
  const tableButton = useRef<HTMLButtonElement>(null);
  const closeTable = useCallback(() => {
    setTableOpen(false);
    tableButton.current?.focus();
  }, []);
  const [zoneError, setZoneError] = useState(false);
  useEffect(() => setName(layer.name), [layer.name]);

  // The zone for the VN-2000 column: the file's own, else the open province's.
  const zone = layer.crs.kind === 'vn2000' ? layer.crs.zone : (regionZone ?? 105);
  // Measured over the features the planner kept; a repaired polygon counts with its repaired shape.
  const kept = useMemo(() => keptFeatures(layer), [layer]);
  const report = useMemo(
    () => areaReport(kept.map((f) => ({ geometry: f.geometry, properties: { name: f.properties.name } })), zone),
    [kept, zone],
  );
  const repairedKept = kept.filter((f) => f.properties.repair).length;
  const leftOutCount = layer.features.features.length - kept.length;
  const kinds = kindCounts(layer);
  const count = layer.features.features.length;
  const n = (x: number) => formatNumber(x, lang);
  const s = store.getState();
  const commitName = () => {
    const v = name.trim();
    if (v && v !== layer.name) s.renameImport(layer.id, v);
    else setName(layer.name);
  };
  const crsNote = crsMessage(layer.crs, lang);
  const encodingNote = textEncodingMessage(layer.textEncoding, lang);
  const chooseZone = async (z: number) => {
    setZoneError(false);
    const ok = await reimportWithZone(store, layer.id, z);
    // false with no error notice means the bytes were gone (the file must be picked again).
    if (!ok && store.getState().importNotice?.kind !== 'error') setZoneError(true);
  };
  const titleId = `import-layer-${layer.id}`;
  return (
    <li className="import-layer" data-layer-id={layer.id} aria-labelledby={titleId}>
      <div className="import-layer-head">
        <label className="import-show" title={t.import_show}>
          <input type="checkbox" checked={layer.visible} onChange={() => s.toggleImport(layer.id)} />
          <span className="visually-hidden">
            {t.import_show}: {layer.name}
          </span>
        </label>
        <label className="import-color" title={t.import_color}>
          <input type="color" value={layer.color} onChange={(e) => s.setImportColor(layer.id, e.target.value)} />
          <span className="visually-hidden">
            {t.import_color}: {layer.name}
          </span>
        </label>
        <input
          id={titleId}
          className="import-name"
          type="text"
          aria-label={t.import_name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitName();
            if (e.key === 'Escape') setName(layer.name);
          }}
        />
      </div>
      <p className="import-meta">
        <strong className="import-count">{t.import_features(n(count))}</strong>
        {count > 0 ? ` (${t.import_kinds(kinds.polygons, kinds.lines, kinds.points, kinds.mixed)})` : ''} · {t.import_fromFile(layer.fileName, FORMAT_LABEL[layer.format])}
      </p>
      <p className="import-crs">{layer.crs.kind === 'wgs84' ? t.import_crs_wgs84 : t.import_crs_vn2000(zoneLabel(layer.crs.zone), layer.crs.zoneFrom)}</p>
      {zoneIsChoosable(layer) && layer.crs.kind === 'vn2000' ? (
        <div className="import-zone" role="group" aria-label={t.import_zone}>
          {crsNote ? <p className="import-notice-text warn">{crsNote}</p> : null}
          <label>
            <span>{t.import_zone}</span>
            <select value={String(layer.crs.zone)} disabled={busy} onChange={(e) => void chooseZone(Number(e.target.value))}>
              {VN2000_ZONES.map((z) => (
                <option key={z} value={String(z)}>
                  {zoneLabel(z)}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">{t.import_zoneHint}</p>
          {zoneError ? (
            <p className="import-notice-text error" role="alert">
              {t.import_zoneNoBytes}
            </p>
          ) : null}
        </div>
      ) : null}
      {encodingNote ? <p className="import-notice-text warn">{encodingNote}</p> : null}
      {report.measured.length > 0 ? (
        <div className="import-area">
          <dl>
            <div>
              <dt>
                {t.import_area} <span className="muted">({t.import_areaHeadline})</span>
              </dt>
              <dd className="import-area-headline">
                {formatHa(report.totals.ellipsoidalHa, lang)}
                {repairedKept > 0 ? (
                  <>
                    {' '}
                    <RepairedBadge t={t} />
                  </>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>{t.import_areaVn2000(zoneLabel(zone))}</dt>
              <dd>{formatHa(report.totals.vn2000Ha, lang)}</dd>
            </div>
            <div>
              <dt>{t.import_areaTurf}</dt>
              <dd>{formatHa(report.totals.turfHa, lang)}</dd>
            </div>
          </dl>
          <p className="muted small">
            {t.import_areaNote(report.totals.count)}
            {report.excluded.length > 0 ? ` ${t.import_areaExcluded(report.excluded.length)}` : ''}
            {repairedKept > 0 ? ` ${t.import_areaRepaired(repairedKept)}` : ''}
            {leftOutCount > 0 ? ` ${t.import_leftOut(leftOutCount)}` : ''}
          </p>
        </div>
      ) : null}
      <RepairedFeatures layer={layer} />
      <ProblemList problems={layer.problems.filter((p) => p.code !== 'geometry-repaired')} />
      <SiteLinks layer={layer} />
      <div className="import-actions">
        <button type="button" onClick={() => s.requestImportFlyTo(layer.id)} disabled={count === 0}>
          {t.import_zoom}
        </button>
        <button ref={tableButton} type="button" aria-expanded={tableOpen} onClick={() => setTableOpen((o) => !o)}>
          {t.import_table}
        </button>
        <button type="button" className="danger" onClick={() => s.removeImport(layer.id)}>
          {t.import_remove}
        </button>
      </div>
      {tableOpen ? <AttributeTable layer={layer} onClose={closeTable} /> : null}
    </li>
  );
}
