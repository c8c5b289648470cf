// Edit a site's attributes (investor figures included) and move its point. What is typed is turned
// into edits and checked by the region validator before anything is kept; a refused value stays in
// its box with the validator's message, so nothing typed is lost.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import type { Messages } from '../../i18n/messages';
import { EDITABLE_SITE_FIELDS, LOCALIZED_FIELDS, NUMBER_FIELDS, type EditableSiteField, type Edit, type JsonValue } from '../../domain/edits/edits';
import { SITE_STATUSES } from '../../domain/siteStatus';
import type { SiteProperties } from '../../domain/types';
import type { Geometry } from 'geojson';
import { parseCsvNumber } from '../../io/import/csv';
import { DocumentPicker, EMPTY_DOC, resolveDoc, type DocChoice } from './DocumentPicker';
import { Outcome, type EditorProps, type SubmitOutcome } from './Outcome';
import { NO_OUTLINE, OutlinePicker, useChosenOutline, type OutlineChoice } from './OutlinePicker';
import { useAppStore } from '../../store/context';
import { useIssueTexts } from './issueText';

type Texts = Record<EditableSiteField, { vi: string; en: string }>;

const WASTEWATER = ['operating', 'under-construction', 'planned', 'none'] as const;

function initialTexts(p: SiteProperties): Texts {
  const out = {} as Texts;
  for (const f of EDITABLE_SITE_FIELDS) {
    const v = p[f];
    out[f] = typeof v === 'object' && v !== null ? { vi: v.vi, en: v.en } : { vi: v === undefined ? '' : String(v), en: '' };
  }
  return out;
}

function fieldValue(f: EditableSiteField, text: { vi: string; en: string }, t: Messages): { value: JsonValue } | { error: string } {
  if (LOCALIZED_FIELDS.has(f)) {
    if (!text.vi.trim() && !text.en.trim()) return { value: null };
    return { value: { vi: text.vi.trim(), en: text.en.trim() } };
  }
  const s = text.vi.trim();
  if (!s) return { value: null };
  if (NUMBER_FIELDS.has(f)) {
    const n = parseCsvNumber(s, true);
    return n === null ? { error: t.edit_notNumber(t.edit_field[f], s) } : { value: n };
  }
  return { value: s };
}

const pointOf = (g: Geometry | null) => (g?.type === 'Point' ? g.coordinates : null);

interface FieldsProps extends Pick<EditorProps, 'submit'> {
  site: SiteProperties;
  geometry: Geometry | null;
  sources: EditorProps['data']['region']['sources'];
  setOutcome: (o: SubmitOutcome | null) => void;
}

function SiteFields({ site, geometry, sources, submit, setOutcome, data }: FieldsProps & { data: EditorProps['data'] }) {
  const { t } = useT();
  const words = useIssueTexts(data);
  const [texts, setTexts] = useState<Texts>(() => initialTexts(site));
  const start = pointOf(geometry);
  const [lon, setLon] = useState(start ? String(start[0]) : '');
  const [lat, setLat] = useState(start ? String(start[1]) : '');
  const [doc, setDoc] = useState<DocChoice>(EMPTY_DOC);
  const [outline, setOutline] = useState<OutlineChoice>(NO_OUTLINE);
  const chosenOutline = useChosenOutline(outline);
  const canMove = geometry === null || geometry.type === 'Point';
  // A click on the map answers "Chọn trên bản đồ" (map/bridge.ts): its position fills the boxes, to be saved with a source.
  const picking = useAppStore((s) => s.pickingPoint);
  const setPicking = useAppStore((s) => s.setPickingPoint);
  const picked = useAppStore((s) => s.pickedPoint);
  const seenPick = useRef(picked?.seq ?? 0);
  useEffect(() => {
    if (!picked || picked.seq === seenPick.current) return;
    seenPick.current = picked.seq;
    // Six decimals: about 0.1 m, finer than any click.
    setLon(String(Number(picked.at[0].toFixed(6))));
    setLat(String(Number(picked.at[1].toFixed(6))));
  }, [picked]);
  // Leaving the form (another site, the editor closed) stops waiting for a click.
  useEffect(() => () => setPicking(false), [setPicking]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const edits: Edit[] = [];
    const about: EditableSiteField[] = [];
    const errors: string[] = [];
    const before = initialTexts(site);
    for (const f of EDITABLE_SITE_FIELDS) {
      if (texts[f].vi === before[f].vi && texts[f].en === before[f].en) continue;
      const v = fieldValue(f, texts[f], t);
      if ('error' in v) errors.push(v.error);
      else {
        edits.push({ op: 'site-field', siteId: site.id, field: f, value: v.value });
        about.push(f);
      }
    }
    let moved = false;
    if (chosenOutline) {
      edits.push({ op: 'outline', siteId: site.id, geometry: chosenOutline, quality: outline.quality });
      moved = true;
    } else if (canMove && (lon !== (start ? String(start[0]) : '') || lat !== (start ? String(start[1]) : ''))) {
      const x = parseCsvNumber(lon, true);
      const y = parseCsvNumber(lat, true);
      if (x === null) errors.push(t.edit_notNumber(t.edit_lon, lon));
      if (y === null) errors.push(t.edit_notNumber(t.edit_lat, lat));
      if (x !== null && y !== null) {
        edits.push({ op: 'move', siteId: site.id, point: [x, y] });
        moved = true;
      }
    }
    if (errors.length > 0) return setOutcome({ ok: false, messages: errors });
    if (edits.length === 0) return setOutcome({ ok: true, messages: [t.edit_nothing] });
    const resolved = resolveDoc(doc, sources, t);
    if ('error' in resolved) return setOutcome({ ok: false, messages: [resolved.error] });
    const source = { doc: resolved.doc, ...(doc.where.trim() ? { where: doc.where.trim() } : {}), about: [...about, ...(moved ? (['location'] as const) : [])] };
    const all: Edit[] = [...resolved.edits, ...edits, { op: 'site-source', siteId: site.id, source }];
    const check = submit(all);
    setOutcome(check.ok ? { ok: true, messages: [t.edit_saved(edits.length)] } : { ok: false, messages: words(check.issues) });
    if (check.ok) {
      setDoc(EMPTY_DOC);
      setOutline(NO_OUTLINE);
    }
  };

  const input = (f: EditableSiteField) => {
    const set = (patch: Partial<{ vi: string; en: string }>) => setTexts((s) => ({ ...s, [f]: { ...s[f], ...patch } }));
    if (f === 'status' || f === 'wastewater') {
      const options = f === 'status' ? SITE_STATUSES : WASTEWATER;
      return (
        <label key={f}>
          <span>{t.edit_field[f]}</span>
          <select value={texts[f].vi} onChange={(e) => set({ vi: e.target.value })} name={f}>
            {f === 'wastewater' ? <option value="">{t.edit_none}</option> : null}
            {options.map((o) => (
              <option key={o} value={o}>
                {f === 'status' ? t[`status_${o}` as keyof Messages] as string : t[`wastewater_${o}` as keyof Messages] as string}
              </option>
            ))}
          </select>
        </label>
      );
    }
    if (LOCALIZED_FIELDS.has(f)) {
      return (
        <fieldset key={f} className="editor-localized">
          <legend>{t.edit_field[f]}</legend>
          <label>
            <span>{t.edit_inVi}</span>
            <input type="text" name={`${f}-vi`} value={texts[f].vi} onChange={(e) => set({ vi: e.target.value })} />
          </label>
          <label>
            <span>{t.edit_inEn}</span>
            <input type="text" name={`${f}-en`} value={texts[f].en} onChange={(e) => set({ en: e.target.value })} />
          </label>
        </fieldset>
      );
    }
    return (
      <label key={f}>
        <span>{t.edit_field[f]}</span>
        <input type="text" name={f} inputMode={NUMBER_FIELDS.has(f) ? 'decimal' : undefined} value={texts[f].vi} placeholder={t.edit_none} onChange={(e) => set({ vi: e.target.value })} />
      </label>
    );
  };

  return (
    <form className="editor-form" onSubmit={onSubmit} aria-label={t.edit_viewSite}>
      <div className="editor-grid">{EDITABLE_SITE_FIELDS.map(input)}</div>
      <fieldset className="editor-point">
        <legend>{t.edit_point}</legend>
        {canMove ? (
          <>
            <label>
              <span>{t.edit_lon}</span>
              <input type="text" name="lon" inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} />
            </label>
            <label>
              <span>{t.edit_lat}</span>
              <input type="text" name="lat" inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} />
            </label>
            <button type="button" aria-pressed={picking} onClick={() => setPicking(!picking)} data-testid="pick-point">
              {picking ? t.edit_pickCancel : t.edit_pickOnMap}
            </button>
            {picking ? (
              <p className="hint" role="status">
                {t.edit_pickHint}
              </p>
            ) : null}
          </>
        ) : (
          <p className="hint">{t.edit_pointOutline}</p>
        )}
      </fieldset>
      <OutlinePicker value={outline} onChange={setOutline} />
      <DocumentPicker value={doc} onChange={setDoc} sources={sources} />
      <button type="submit">{t.edit_save}</button>
    </form>
  );
}

export function SiteForm({ data, submit, siteId, onSite }: EditorProps & { siteId: string; onSite: (id: string) => void }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const sites = [...data.sites.features].sort((a, b) => a.properties.name.vi.localeCompare(b.properties.name.vi, 'vi'));
  const f = sites.find((s) => s.properties.id === siteId) ?? sites[0];
  return (
    <div className="editor-site">
      <label className="editor-site-pick">
        <span>{t.edit_site}</span>
        <select value={f?.properties.id ?? ''} onChange={(e) => {
            setOutcome(null);
            onSite(e.target.value);
          }} data-testid="edit-site">
          {sites.map((s) => (
            <option key={s.properties.id} value={s.properties.id}>
              {s.properties.kind.toUpperCase()} {s.properties.name.vi}
            </option>
          ))}
        </select>
      </label>
      {/* Keyed by site and by the data: another site, or an accepted edit, starts the form afresh. */}
      {f ? <SiteFields key={`${f.properties.id}:${JSON.stringify(f.properties)}:${JSON.stringify(f.geometry)}`} site={f.properties} geometry={f.geometry} sources={data.region.sources} submit={submit} setOutcome={setOutcome} data={data} /> : null}
      <Outcome outcome={outcome} />
    </div>
  );
}
