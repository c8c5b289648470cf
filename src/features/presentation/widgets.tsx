// The figures on a slide. Target widgets show the progress the report computed from the data;
// figure widgets read a site's, road's or relocation's declared figures. Nothing here is typed into
// the story, so a slide can only show what the data and its sources say.
import { formatTargetValue, verdictText } from '../targets/formatTarget';
import { provinceTotals } from '../../analytics/overview';
import type { RegionReport } from '../../analytics/report';
import type { TargetResult } from '../../analytics/targets';
import type { PreparedRegion } from '../../domain/prepare';
import type { SourceField, SourceRef } from '../../domain/schemaFields';
import type { StoryFigure, StorySlide } from '../../domain/story';
import type { Region } from '../../domain/types';
import { formatBnVnd, formatDate, formatHa, formatKm, formatNumber, formatPct, type Lang } from '../../i18n/format';
import type { MessageKey, Messages } from '../../i18n/messages';
import { siteTitle } from '../../i18n/siteTitle';

/** a document and the places in it a slide's figures come from */
export interface SlideSource {
  doc: string;
  where: string[];
}

function goalText(r: TargetResult, t: Messages, lang: Lang): string | null {
  const tg = r.target;
  if (tg.value === null) return null;
  const value =
    tg.valueMax !== undefined
      ? `${formatNumber(tg.value, lang)}–${formatTargetValue(r, tg.valueMax, lang)}`
      : formatTargetValue(r, tg.value, lang);
  if (tg.comparator === 'about>') return `${t.present_about} ${value}`;
  if (tg.comparator === '>=' && tg.valueMax === undefined) return `≥ ${value}`;
  return value;
}

export function TargetWidget({ r, t, lang }: { r: TargetResult; t: Messages; lang: Lang }) {
  const tg = r.target;
  const goal = goalText(r, t, lang);
  const share = r.value !== null && tg.value ? Math.min(1, Math.max(0, r.value / tg.value)) : null;
  const doing = r.inProgress !== null && tg.value ? Math.min(1 - (share ?? 0), Math.max(0, r.inProgress / tg.value)) : 0;
  return (
    <article className="present-widget" data-target={tg.id} aria-labelledby={`present-target-${tg.id}`}>
      <header>
        <h3 id={`present-target-${tg.id}`}>{tg.label[lang]}</h3>
        {r.met !== null ? <span className={`present-badge ${r.met ? 'present-badge-met' : 'present-badge-open'}`}>{verdictText(r, t)}</span> : null}
        {r.sample ? <span className="present-badge present-badge-sample">{t.sampleBadge}</span> : null}
      </header>
      <dl className="present-figures">
        <div>
          <dt>{t.targetValue}</dt>
          <dd className="present-value">{r.value === null ? t.noData : formatTargetValue(r, r.value, lang)}</dd>
        </div>
        {goal ? (
          <div>
            <dt>{t.targetGoal}</dt>
            <dd>{goal}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.targetDeadline}</dt>
          <dd>{tg.deadlineLabel?.[lang] ?? formatDate(tg.deadline, lang)}</dd>
        </div>
      </dl>
      {share !== null ? (
        <div className="present-bar" aria-hidden="true">
          <span className="present-bar-done" style={{ width: `${share * 100}%` }} />
          {doing > 0 ? <span className="present-bar-doing" style={{ width: `${doing * 100}%` }} /> : null}
        </div>
      ) : null}
    </article>
  );
}

interface FigureRow {
  label: string;
  value: string;
  backedBy: SourceField;
}

export interface FigureView {
  title: string;
  rows: FigureRow[];
  indicative: boolean;
  sources: SourceRef[];
  /** counted from the data rather than read from a document */
  computed: boolean;
}

/** What a figure widget shows, or null when the id is not in the data (or the report is still coming). */
export function figureView(fig: StoryFigure, region: PreparedRegion, report: RegionReport | null, t: Messages, lang: Lang): FigureView | null {
  const d = region.data;
  if (fig.type === 'region') {
    if (!report) return null;
    // The same counts as the provinces overview.
    const totals = provinceTotals(report, d.region);
    const count = (label: string, n: number): FigureRow => ({ label, value: formatNumber(n, lang), backedBy: 'location' });
    return {
      title: d.region.name[lang],
      rows: [count(t.kind_kcn, totals.kcn), count(t.kind_ccn, totals.ccn), count(t.stage_existing, totals.existing), count(t.stage_planned, totals.planned)],
      indicative: false,
      sources: [],
      computed: true,
    };
  }
  if (fig.type === 'site') {
    const p = d.sites.features.find((f) => f.properties.id === fig.id)?.properties;
    if (!p) return null;
    const rows: FigureRow[] = [];
    if (p.declaredAreaHa !== undefined) rows.push({ label: t.field_declaredArea, value: formatHa(p.declaredAreaHa, lang), backedBy: 'declaredAreaHa' });
    rows.push({ label: t.field_status, value: t[`status_${p.status}` as MessageKey] as string, backedBy: 'status' });
    if (p.investmentBnVnd !== undefined) rows.push({ label: t.field_investment, value: formatBnVnd(p.investmentBnVnd, lang), backedBy: 'investmentBnVnd' });
    if (p.occupancyPct !== undefined) rows.push({ label: t.field_occupancy, value: formatPct(p.occupancyPct, lang), backedBy: 'occupancyPct' });
    return { title: siteTitle(t, p.kind, p.name[lang]), rows, indicative: p.geometryQuality === 'indicative', sources: p.sources, computed: false };
  }
  if (fig.type === 'road') {
    const p = d.roads.features.find((f) => f.properties.id === fig.id)?.properties;
    if (!p) return null;
    const rows: FigureRow[] = [];
    if (p.lengthKmDeclared !== undefined) rows.push({ label: t.field_length, value: formatKm(p.lengthKmDeclared, lang), backedBy: 'lengthKmDeclared' });
    if (p.investmentBnVnd !== undefined) rows.push({ label: t.field_investment, value: formatBnVnd(p.investmentBnVnd, lang), backedBy: 'investmentBnVnd' });
    rows.push({ label: t.field_status, value: t[`roadStatus_${p.status}` as MessageKey] as string, backedBy: 'status' });
    return { title: p.name[lang], rows, indicative: p.geometryQuality === 'indicative', sources: p.sources, computed: false };
  }
  const p = d.relocations.features.find((f) => f.properties.id === fig.id)?.properties;
  if (!p) return null;
  const rows: FigureRow[] = [];
  if (p.households !== undefined) {
    rows.push({ label: t.field_households, value: t.present_households(formatNumber(p.households, lang), p.householdsAtLeast === true), backedBy: 'households' });
  }
  if (p.deadline !== undefined) rows.push({ label: t.field_deadline, value: p.deadlineLabel?.[lang] ?? formatDate(p.deadline, lang), backedBy: 'deadline' });
  rows.push({ label: t.field_status, value: t[`relocStatus_${p.status}` as MessageKey] as string, backedBy: 'status' });
  return { title: p.name[lang], rows, indicative: false, sources: p.sources, computed: false };
}

export function FigureWidget({ view, t }: { view: FigureView; t: Messages }) {
  const status = view.rows.find((r) => r.backedBy === 'status');
  const figures = view.rows.filter((r) => r !== status);
  return (
    <article className="present-widget present-widget-figure">
      <header>
        <h3>{view.title}</h3>
        {status ? <span className="present-badge present-badge-status">{status.value}</span> : null}
        {view.indicative ? <span className="present-badge present-badge-sample">{t.indicativeBadge}</span> : null}
      </header>
      {figures.length > 0 ? (
        <dl className="present-figures">
          {figures.map((r) => (
            <div key={r.label}>
              <dt>{r.label}</dt>
              <dd className="present-value">{r.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </article>
  );
}

/** Every document a slide's text, targets and figures rest on, in order of first mention. */
export function slideSources(slide: StorySlide, targets: TargetResult[], figures: FigureView[]): SlideSource[] {
  const out = new Map<string, Set<string>>();
  const add = (doc: string, where?: string) => {
    const set = out.get(doc) ?? new Set<string>();
    if (where) set.add(where);
    out.set(doc, set);
  };
  for (const s of slide.sources) add(s.doc, s.where);
  for (const r of targets) {
    if (r.state === 'entered' && r.target.entered) add(r.target.entered.source.doc, r.target.entered.source.where);
    else add(r.target.source.doc, r.target.source.where);
  }
  for (const f of figures) {
    const shown = new Set(f.rows.map((r) => r.backedBy));
    for (const s of f.sources) if (s.about.some((a) => shown.has(a))) add(s.doc, s.where);
  }
  return [...out.entries()].map(([doc, where]) => ({ doc, where: [...where] }));
}

export function SourceLine({ sources, region, t, lang }: { sources: SlideSource[]; region: Region; t: Messages; lang: Lang }) {
  if (sources.length === 0) return null;
  return (
    <p className="present-sources">
      {t.present_sources}:{' '}
      {sources.map((s, i) => {
        const title = region.sources[s.doc]?.title[lang] ?? s.doc;
        return (
          <span key={s.doc}>
            {i > 0 ? '; ' : ''}
            {title}
            {s.where.length > 0 ? ` (${s.where.join('; ')})` : ''}
          </span>
        );
      })}
    </p>
  );
}
