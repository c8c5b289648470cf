// The sketch tool, open: a toolbar (area, line, edit, delete, done), the live measure of the shape
// being drawn or edited, and the list of sketches (name, measure, remove; a polygon can be marked as
// site clearance, and then counts in the totals). Drawing on the map goes through map/sketch, the
// only code that knows terra-draw; the store keeps the sketches.
import { useContext, useEffect, useRef, useState } from 'react';
import { booleanPointInPolygon } from '@turf/turf';
import type { ClearanceStatus } from '../../domain/schema';
import { formatDate, formatHa } from '../../i18n/format';
import { DateInput } from '../../i18n/DateInput';
import { siteTitle } from '../../i18n/siteTitle';
import { useT } from '../../i18n/useT';
import { MapContext } from '../../map/MapView';
import { startSketch, type SketchController, type SketchShape, type SketchTool } from '../../map/sketch/controller';
import type { Sketch } from '../../domain/sketches';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { formatMeasure, measure } from './measure';

const TOOLS: SketchTool[] = ['polygon', 'linestring', 'select'];
const STATUSES: ClearanceStatus[] = ['cleared', 'in-progress', 'not-started'];

function useStatusLabel(): (s: ClearanceStatus) => string {
  const { t } = useT();
  return (s) => (s === 'cleared' ? t.bar_cleared : s === 'in-progress' ? t.bar_inProgress : t.sketch_notStarted);
}

/** The name shown for a sketch: its own, else "Vùng 2" / "Đường 1", numbered within its kind. */
function useLabels(sketches: readonly Sketch[]): (s: Sketch) => string {
  const { t } = useT();
  return (s) => {
    if (s.name.trim()) return s.name;
    const polygon = s.geometry.type === 'Polygon';
    const n = sketches.filter((x) => (x.geometry.type === 'Polygon') === polygon).indexOf(s) + 1;
    return t.sketch_untitled(polygon, n);
  };
}

function Readout({ live, tool }: { live: { shape: SketchShape; drawing: boolean } | null; tool: SketchTool }) {
  const { t, lang } = useT();
  if (!live) return <p className="sketch-hint">{t[`sketch_hint_${tool}`]}</p>;
  const m = measure(live.shape.geometry);
  return (
    <p className="sketch-readout" data-testid="sketch-readout">
      {m.kind === 'area' ? t.sketch_area : t.sketch_length}: <strong>{formatMeasure(m, lang)}</strong>
      <span className="sketch-basis"> ({t.sketch_ellipsoidal})</span>
    </p>
  );
}

function TagForm({ sketch }: { sketch: Sketch }) {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const region = useAppStore((s) => s.region);
  const reportAsOf = useAppStore((s) => s.report?.asOf ?? s.region?.data.region.asOf ?? null);
  const statusLabel = useStatusLabel();
  // "KCN Tằng Loỏng": a park and a cluster may share a name.
  const siteName = (p: { kind: 'kcn' | 'ccn'; name: { vi: string; en: string } }) => siteTitle(t, p.kind, p.name[lang]);
  const rows = useAppStore((s) => s.report?.sites);
  const sites = region ? [...region.data.sites.features].sort((a, b) => siteName(a.properties).localeCompare(siteName(b.properties), lang)) : [];
  // The site whose outline holds the sketch's first corner is the likely one.
  const corner = sketch.geometry.type === 'Polygon' ? sketch.geometry.coordinates[0]?.[0] : undefined;
  const guess = corner
    ? region?.siteOutlines.features.find((f) => booleanPointInPolygon(corner, f.geometry))?.properties.id
    : undefined;
  const [siteId, setSiteId] = useState(guess ?? sites[0]?.properties.id ?? '');
  const [status, setStatus] = useState<ClearanceStatus>('cleared');
  const [asOf, setAsOf] = useState(reportAsOf ?? new Date().toISOString().slice(0, 10));

  // A site whose clean land is a reported figure (no parcels drawn) counts drawn parcels instead once it
  // has one (one method per site, analytics/clearance.ts): the planner must know a sketch replaces that figure.
  const recordOf = (id: string) => {
    const c = rows?.find((r) => r.id === id)?.clearance;
    return c?.method === 'record' ? c : null;
  };
  if (sketch.clearance) {
    const c = sketch.clearance;
    const found = region?.data.sites.features.find((f) => f.properties.id === c.siteId);
    const site = found ? siteName(found.properties) : c.siteId;
    return (
      <div className="sketch-tagged">
        <p>
          <strong>{t.sketch_counts(site)}</strong> · {statusLabel(c.status)} · {formatDate(c.asOf, lang)}
        </p>
        {reportAsOf && c.asOf > reportAsOf ? <p className="sketch-warn">{t.sketch_afterReport}</p> : null}
        <button type="button" className="link-button" onClick={() => store.getState().tagSketch(sketch.id, null)}>
          {t.sketch_untag}
        </button>
      </div>
    );
  }
  return (
    <details className="sketch-tag">
      <summary>{t.sketch_tagTitle}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (siteId && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) store.getState().tagSketch(sketch.id, { siteId, status, asOf });
        }}
      >
        <label>
          {t.sketch_site}
          <select value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            {sites.map((f) => (
              <option key={f.properties.id} value={f.properties.id}>
                {siteName(f.properties)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.sketch_status}
          <select value={status} onChange={(e) => setStatus(e.target.value as ClearanceStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.sketch_date}
          <DateInput value={asOf} required onChange={setAsOf} />
        </label>
        {recordOf(siteId) ? (
          <p className="sketch-warn" role="note" data-testid="sketch-replaces-record">
            {t.sketch_replacesRecord(formatHa(recordOf(siteId)!.clearedHa, lang), formatDate(recordOf(siteId)!.dataAsOf ?? '', lang))}
          </p>
        ) : null}
        <button type="submit">{t.sketch_tag}</button>
      </form>
    </details>
  );
}

function SketchItem({ sketch, label, selected, onEdit }: { sketch: Sketch; label: string; selected: boolean; onEdit: () => void }) {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  // Kept here while typing: the name of a tagged sketch is its parcel's source, and each change recomputes the report.
  const [name, setName] = useState(sketch.name);
  useEffect(() => setName(sketch.name), [sketch.name]);
  const commit = () => {
    if (name !== sketch.name) store.getState().renameSketch(sketch.id, name.trim());
  };
  return (
    <li className={selected ? 'sketch-item selected' : 'sketch-item'} data-sketch={sketch.id}>
      <div className="sketch-item-head">
        <input
          className="sketch-name"
          aria-label={t.sketch_name}
          placeholder={label}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setName(sketch.name);
          }}
        />
        <button type="button" onClick={onEdit}>
          {t.sketch_edit}
        </button>
        <button type="button" className="danger" aria-label={`${t.sketch_remove}: ${label}`} onClick={() => store.getState().removeSketch(sketch.id)}>
          {t.sketch_delete}
        </button>
      </div>
      <p className="sketch-measure">{formatMeasure(measure(sketch.geometry), lang)}</p>
      {sketch.geometry.type === 'Polygon' ? <TagForm sketch={sketch} /> : null}
    </li>
  );
}

export function SketchPanel() {
  const { t } = useT();
  const map = useContext(MapContext);
  const store = useAppStoreApi();
  const sketches = useAppStore((s) => s.sketches);
  const [tool, setTool] = useState<SketchTool>('polygon');
  const [live, setLive] = useState<{ shape: SketchShape; drawing: boolean } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const ctl = useRef<SketchController | null>(null);
  const pendingSelect = useRef<string | null>(null);
  const labelOf = useLabels(sketches);

  useEffect(() => {
    if (!map) return;
    const c = startSketch(
      map,
      {
        onShape: (shape) => {
          const s = store.getState();
          const cur = s.sketches.find((x) => x.id === shape.id);
          s.putSketch(cur ? { ...cur, geometry: shape.geometry } : { ...shape, name: '', clearance: null, createdAt: new Date().toISOString() });
        },
        onLive: (shape, drawing) => setLive(shape ? { shape, drawing } : null),
        onSelect: setSelected,
        onDelete: (ids) => ids.forEach((id) => store.getState().removeSketch(id)),
      },
      'polygon',
    );
    ctl.current = c;
    return () => {
      c.stop();
      ctl.current = null;
    };
  }, [map, store]);

  useEffect(() => {
    ctl.current?.sync(sketches.map((s) => ({ id: s.id, geometry: s.geometry })));
    // A removed sketch leaves the readout and the selection.
    setSelected((id) => (id && sketches.some((s) => s.id === id) ? id : null));
    setLive((l) => (l && !l.drawing && !sketches.some((s) => s.id === l.shape.id) ? null : l));
  }, [sketches]);

  useEffect(() => {
    ctl.current?.setTool(tool);
    setLive(null);
    if (tool === 'select' && pendingSelect.current) ctl.current?.select(pendingSelect.current);
    pendingSelect.current = null;
  }, [tool]);

  useEffect(() => {
    // Escape drops the shape being drawn wherever the focus is, except in a field (where it edits).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || (e.target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName))) return;
      ctl.current?.cancel();
      setLive(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const edit = (id: string) => {
    if (tool === 'select') ctl.current?.select(id);
    else {
      pendingSelect.current = id;
      setTool('select');
    }
  };
  const remove = () => {
    if (selected) store.getState().removeSketch(selected);
    else if (live?.drawing) ctl.current?.cancel();
    setLive(null);
  };
  const toolLabel = { polygon: t.sketch_polygon, linestring: t.sketch_line, select: t.sketch_edit };

  return (
    <section className="sketch-panel" aria-label={t.sketch_toolbar}>
      <div className="sketch-toolbar" role="toolbar" aria-label={t.sketch_toolbar}>
        {TOOLS.map((k) => (
          <button key={k} type="button" aria-pressed={tool === k} onClick={() => setTool(k)}>
            {toolLabel[k]}
          </button>
        ))}
        <button type="button" disabled={!selected && !live?.drawing} onClick={remove}>
          {t.sketch_delete}
        </button>
        <button type="button" className="sketch-done" onClick={() => store.getState().setSketching(false)}>
          {t.sketch_done}
        </button>
      </div>
      <Readout live={live} tool={tool} />
      <h3>{t.sketch_list}</h3>
      {sketches.length === 0 ? (
        <p className="sketch-hint">{t.sketch_none}</p>
      ) : (
        <ul className="sketch-list">
          {sketches.map((s) => (
            <SketchItem key={s.id} sketch={s} label={labelOf(s)} selected={s.id === selected} onEdit={() => edit(s.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
