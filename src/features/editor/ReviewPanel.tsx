// The review screen: every change against the shipped data, field by field, per site (and per record,
// document and task), then the exports: the region folder (zip), a JSON patch, the monthly report.
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import type { Messages } from '../../i18n/messages';
import { localeOf, type Lang } from '../../i18n/format';
import { dayMonthYear } from '../../i18n/DateInput';
import { EDITABLE_SITE_FIELDS } from '../../domain/edits/edits';
import type { ObjectDiff } from '../../domain/edits/regionDiff';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geodesicAreaHa } from '../../geo/geodesic';
import { formatHa } from '../../i18n/format';

export interface ReviewProps {
  regionId: string;
  diff: ObjectDiff[];
  editCount: number;
  onZip: () => void;
  onPatch: () => void;
  onReport: (month: string) => Promise<void>;
  onUndo: () => void;
  onDiscard: () => void;
}

/** A field path as the staff know it: "properties.occupancyPct" → "Tỷ lệ lấp đầy (%)". */
export function fieldLabel(path: string, t: Messages): string {
  const m = /^properties\.([A-Za-z]+)(?:\.(vi|en))?$/.exec(path);
  const field = EDITABLE_SITE_FIELDS.find((f) => f === m?.[1]);
  if (field) return m?.[2] ? `${t.edit_field[field]} (${m[2] === 'vi' ? t.edit_inVi : t.edit_inEn})` : t.edit_field[field];
  if (/^properties\.sources\.\d+$/.test(path)) return t.edit_source;
  if (path === 'geometry.coordinates') return `${t.edit_point} (${t.edit_lon}, ${t.edit_lat})`;
  if (path === 'geometry.type') return t.edit_geometryType;
  if (path === 'properties.geometryQuality') return t.edit_outlineQuality;
  if (path === 'properties.clearedHa') return t.edit_clearedHa;
  if (path === 'properties.inProgressHa') return t.edit_inProgressHa;
  if (path === 'properties.remainingHa') return t.edit_remainingHa;
  if (path === 'properties.asOf') return t.edit_progressDate;
  return path.replace(/^properties\./, '');
}

const GEOMETRY_WORDS = {
  Point: 'edit_geomPoint',
  Polygon: 'edit_geomPolygon',
  MultiPolygon: 'edit_geomMultiPolygon',
  surveyed: 'edit_outlineSurveyed',
  provisional: 'edit_outlineProvisional',
  indicative: 'edit_geomIndicative',
} as const;

/** An outline's coordinates in a few words (its vertices and area) rather than a wall of numbers. */
function outlineText(v: unknown[], t: Messages, lang: Lang): string | null {
  const depth = (x: unknown): number => (Array.isArray(x) ? 1 + depth(x[0]) : 0);
  const d = depth(v);
  if (d !== 3 && d !== 4) return null;
  const g = (d === 3 ? { type: 'Polygon', coordinates: v as Position[][] } : { type: 'MultiPolygon', coordinates: v as Position[][][] }) as Polygon | MultiPolygon;
  const vertices = (d === 3 ? [v as Position[][]] : (v as Position[][][])).flat().reduce((n, ring) => n + Math.max(0, ring.length - 1), 0);
  return t.edit_outlineSummary(vertices, formatHa(geodesicAreaHa(g), lang));
}

function shown(v: unknown, t: Messages, lang: Lang): string {
  if (v === undefined || v === null) return t.edit_none;
  if (typeof v === 'string' && v in GEOMETRY_WORDS) return t[GEOMETRY_WORDS[v as keyof typeof GEOMETRY_WORDS]];
  if (Array.isArray(v)) {
    const outline = outlineText(v, t, lang);
    if (outline) return outline;
  }
  // Every digit the value has: the review shows exactly what the file will hold.
  if (typeof v === 'number') return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 6 }).format(v);
  // Dates day first, as everywhere in the interface; the file keeps YYYY-MM-DD.
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayMonthYear(v) : v;
  if (typeof v === 'boolean') return v ? t.edit_yes : t.edit_no;
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? v.map((x) => (typeof x === 'number' ? String(x) : shown(x, t, lang))).join(', ') : JSON.stringify(v);
  // A source reference and the like: its fields on one line each, as the file holds them.
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k}: ${shown(x, t, lang)}`)
    .join('\n');
}

function previousMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function ReviewPanel({ regionId, diff, editCount, onZip, onPatch, onReport, onUndo, onDiscard }: ReviewProps) {
  const { t, lang } = useT();
  const [month, setMonth] = useState(previousMonth);
  const [reportError, setReportError] = useState<string | null>(null);
  const kindLabel = { added: t.edit_added, changed: t.edit_changed, removed: t.edit_removed };
  return (
    <div className="editor-review" data-testid="editor-review">
      {diff.length === 0 ? (
        <p>{t.edit_reviewEmpty}</p>
      ) : (
        <>
          <p>{t.edit_reviewIntro}</p>
          {diff.map((d) => (
            <section key={`${d.file}/${d.id}`} className={`diff-object diff-${d.kind}`} aria-label={d.label ?? d.id}>
              <h4>
                {d.label ?? d.id} <span className="diff-kind">{kindLabel[d.kind]}</span>
                <small>
                  {d.file} › {d.id}
                </small>
              </h4>
              <table className="editor-table">
                <thead>
                  <tr>
                    <th scope="col">{t.edit_fieldCol}</th>
                    <th scope="col">{t.edit_before}</th>
                    <th scope="col">{t.edit_after}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{fieldLabel(c.field, t)}</th>
                      <td className="diff-before">{shown(c.before, t, lang)}</td>
                      <td className="diff-after">{shown(c.after, t, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
      <div className="editor-exports">
        <button type="button" onClick={onZip} disabled={editCount === 0}>
          {t.edit_exportZip}
        </button>
        <button type="button" onClick={onPatch} disabled={editCount === 0}>
          {t.edit_exportPatch}
        </button>
        <p className="hint">{t.edit_exportZipHint(regionId)}</p>
        <label>
          <span>{t.edit_reportMonth}</span>
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={!/^\d{4}-\d{2}$/.test(month)}
          onClick={() => {
            setReportError(null);
            onReport(month).catch((e: unknown) => setReportError((e as Error).message));
          }}
        >
          {t.edit_exportReport}
        </button>
        {reportError ? <p role="alert">{reportError}</p> : null}
        <button type="button" onClick={onUndo} disabled={editCount === 0}>
          {t.edit_undo}
        </button>
        <button
          type="button"
          disabled={editCount === 0}
          onClick={() => {
            if (window.confirm(t.edit_discardConfirm)) onDiscard();
          }}
        >
          {t.edit_discard}
        </button>
      </div>
    </div>
  );
}
