// Details of the selected park, cluster, road, relocation or landmark: every figure with the
// numbered source that backs it, and what is computed said to be computed.
import { useEffect, useState, type ReactNode } from 'react';
import type { SourceField, SourceRef } from '../../domain/schema';
import type { PreparedRegion } from '../../domain/prepare';
import type { Region } from '../../domain/types';
import { formatBnVnd, formatDate, formatHa, formatKm, formatNumber, formatPct, usdMillions, type Lang } from '../../i18n/format';
import { connectivityRows } from './connectivityRows';
import { useBasemapRoads } from './basemapRoads';
import { FactSheetTools, PrintSnapshot } from './FactSheetTools';
import type { Messages, MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import type { Selection } from '../../store/appStore';
import type { SiteRow } from '../../analytics/report';
import { describeProblem } from '../../analytics/polygonCheck';
import { useAppStore } from '../../store/context';
import { siteTitle } from '../../i18n/siteTitle';
import { decisionText, formatSourcedPct, investorRows, otherFigureRows } from './investorRows';
import { SiteObligations } from './SiteObligations';
import { ReplaySiteNote } from '../replay/ReplaySiteNote';

type Section = 'location' | 'area' | 'legal' | 'investment' | 'leasing' | 'connectivity' | 'contact' | 'other';
const SECTION_ORDER: Section[] = ['location', 'area', 'legal', 'investment', 'leasing', 'connectivity', 'contact', 'other'];

interface Row {
  /** the fact sheet groups a site's rows under these headings; other features have one list */
  section?: Section;
  label: string;
  value: ReactNode;
  /** which source fields back this row */
  backedBy?: SourceField;
  hint?: string;
}

function refsFor(sources: SourceRef[], field: SourceField | undefined): number[] {
  if (!field) return [];
  return sources.flatMap((s, i) => (s.about.includes(field) ? [i + 1] : []));
}

function Refs({ nums }: { nums: number[] }) {
  if (nums.length === 0) return null;
  return (
    <sup className="refs">
      {nums.map((n, i) => (
        <a key={n} href={`#src-${n}`}>
          {i > 0 ? ',' : ''}[{n}]
        </a>
      ))}
    </sup>
  );
}

function Missing({ t }: { t: Messages }) {
  return <span className="missing">{t.notInSources}</span>;
}

function SourceList({ sources, region, t, lang }: { sources: SourceRef[]; region: Region; t: Messages; lang: Lang }) {
  return (
    <section className="sources" aria-label={t.sources}>
      <h3>{t.sources}</h3>
      <ol>
        {sources.map((s, i) => {
          const doc = region.sources[s.doc];
          const title = doc ? doc.title[lang] : s.doc;
          const about = s.about.map((a) => t[`about_${a}` as MessageKey] as string).join(', ');
          return (
            <li key={i} id={`src-${i + 1}`}>
              {doc?.url ? (
                <a href={doc.url} target="_blank" rel="noopener noreferrer">
                  {title}
                </a>
              ) : (
                <span>{title}</span>
              )}
              {doc?.issuer ? <span className="src-issuer"> — {doc.issuer}</span> : null}
              {doc?.date ? <span className="src-date">, {formatDate(doc.date, lang)}</span> : null}
              {s.where ? <span className="src-where"> ({s.where})</span> : null}
              <span className="src-about">
                {' '}
                · {t.sourceFor}: {about}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Facts({ rows, sources }: { rows: Row[]; sources: SourceRef[] }) {
  return (
    <dl className="facts">
      {rows.map((r) => (
        <div key={r.label} className="fact">
          <dt>{r.label}</dt>
          <dd>
            {r.value}
            <Refs nums={refsFor(sources, r.backedBy)} />
            {r.hint ? <div className="hint">{r.hint}</div> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ rows, sources, t }: { rows: Row[]; sources: SourceRef[]; t: Messages }) {
  if (!rows.some((r) => r.section)) return <Facts rows={rows} sources={sources} />;
  return (
    <div className="fact-body">
      {SECTION_ORDER.map((sec) => {
        const part = rows.filter((r) => (r.section ?? 'other') === sec);
        if (part.length === 0) return null;
        return (
          <section key={sec} className={`fact-section fact-${sec}`} aria-labelledby={`sec-${sec}`}>
            <h3 id={`sec-${sec}`}>{t[`section_${sec}`]}</h3>
            <Facts rows={part} sources={sources} />
          </section>
        );
      })}
    </div>
  );
}

/** 104.75 → 104°45′ */
function zoneLabel(zone: number): string {
  const deg = Math.floor(zone);
  const min = Math.round((zone - deg) * 60);
  return `${deg}°${String(min).padStart(2, '0')}′`;
}

function clearanceRows(row: SiteRow | undefined, region: Region, t: Messages, lang: Lang): Row[] {
  const c = row?.clearance;
  if (!c || c.method === 'none') return [];
  const mark = c.sample ? ` (${t.sampleBadge.toLowerCase()})` : '';
  return [
    {
      section: 'area',
      label: t.field_clearance,
      value: `${t.bar_cleared}: ${formatHa(c.clearedHa, lang)} · ${t.bar_inProgress}: ${formatHa(c.inProgressHa, lang)}${
        c.remainingHa !== null ? ` · ${t.bar_remaining}: ${formatHa(c.remainingHa, lang)}` : ''
      }${mark}`,
      hint: [
        ...c.warnings.flatMap((w) => (w.kind === 'cleared-exceeds-area' ? [t.clearedExceeds(formatHa(w.clearedHa, lang), formatHa(w.siteAreaHa, lang))] : [])),
        c.dataAsOf ? t.clearanceAsOf(formatDate(c.dataAsOf, lang)) : null,
        c.method === 'parcels' && !c.clipped ? t.notClipped : null,
        // Clearance figures come from their own entries, each with its source.
        c.sourceDocs.length ? `${t.sources}: ${c.sourceDocs.map((d) => region.sources[d]?.title[lang] ?? d).join('; ')}.` : null,
      ]
        .filter(Boolean)
        .join(' '),
    },
  ];
}

/** Money in tỷ đồng, with the USD figure beside it when the region sets a rate. */
function moneyWithUsd(bnVnd: number, region: Region, t: Messages, lang: Lang): string {
  const vnd = formatBnVnd(bnVnd, lang);
  if (!region.usdRate) return vnd;
  return `${vnd} (${t.usdApprox(formatNumber(usdMillions(bnVnd, region.usdRate.vndPerUsd), lang, 1))})`;
}

function usdHint(region: Region, t: Messages, lang: Lang): string | undefined {
  const r = region.usdRate;
  return r ? t.usdNote(formatNumber(r.vndPerUsd, lang), formatDate(r.asOf, lang)) : undefined;
}

/** Whom to call about a site of this kind, as the region's sources name them. */
function contactRows(region: Region, kind: 'kcn' | 'ccn', t: Messages, lang: Lang): Row[] {
  const contacts = region.contacts.filter((c) => c.kinds.includes(kind));
  if (contacts.length === 0) return [{ section: 'contact', label: t.section_contact, value: <span className="missing">{t.contact_none}</span> }];
  return contacts.map((c) => ({
    section: 'contact' as const,
    label: c.name[lang],
    value: (
      <>
        {c.role ? <span>{c.role[lang]}</span> : null}
        {c.phone ? <span className="contact-phone"> · {c.phone}</span> : null}
        {c.url ? (
          <>
            {' · '}
            <a href={c.url} target="_blank" rel="noopener noreferrer">
              {c.url.replace(/^https?:\/\//, '')}
            </a>
          </>
        ) : null}
      </>
    ),
    hint: `${t.sources}: ${region.sources[c.source.doc]?.title[lang] ?? c.source.doc}${c.source.where ? ` (${c.source.where})` : ''}`,
  }));
}

/** "+44,12 ha (+4%)": computed minus declared, in ha and as a share of the declared area. */
function signedDiff(computedHa: number, declaredHa: number, lang: Lang): string {
  const d = computedHa - declaredHa;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  return `${sign}${formatHa(Math.abs(d), lang)} (${sign}${formatPct((100 * Math.abs(d)) / declaredHa, lang)})`;
}

function siteView(region: PreparedRegion, id: string, t: Messages, lang: Lang, row?: SiteRow) {
  const f = region.data.sites.features.find((x) => x.properties.id === id);
  if (!f) return null;
  const p = f.properties;
  const area = region.areas[id];
  const miss = <Missing t={t} />;
  // Named in the sources with no position: nothing on the map, so no sketch to speak of either.
  const unlocated = region.unlocatedSiteIds.includes(id);
  const rows: Row[] = [
    { section: 'location', label: t.field_commune, value: p.commune, backedBy: 'commune' },
    { section: 'location', label: t.field_communeOld, value: p.communeOld ?? miss },
    ...(p.district ? [{ section: 'location' as const, label: t.field_district, value: p.district }] : []),
    unlocated
      ? { section: 'location', label: t.field_location, value: <span className="missing">{t.positionUnknown}</span> }
      : { section: 'location', label: t.field_location, value: t.confidence(p.locationConfidence), backedBy: 'location' },
    {
      section: 'area',
      label: t.field_declaredArea,
      value: p.declaredAreaHa !== undefined ? formatHa(p.declaredAreaHa, lang) : miss,
      backedBy: 'declaredAreaHa',
    },
    {
      section: 'area',
      label: area?.surveyedFrom ? t.link_surveyedArea(area.surveyedFrom.fileName) : t.field_computedArea,
      value: area ? (
        <>
          {formatHa(area.computedHa, lang)}
          {area.surveyedFrom?.repaired ? (
            <>
              {' '}
              <span className="repaired-badge" title={t.repaired_badgeHint}>
                {t.repaired_badge}
              </span>
            </>
          ) : null}
        </>
      ) : (
        <span className="missing">{unlocated ? t.noOutlineNoPosition : t.noOutline}</span>
      ),
      ...(area
        ? {
            hint: area.surveyedFrom
              ? area.surveyedFrom.repaired
                ? `${t.link_surveyedNote} ${t.repaired_badgeHint}`
                : t.link_surveyedNote
              : area.fromDeclared
                ? t.computedNoteIndicative
                : t.computedNoteSurveyed,
          }
        : {}),
    },
    // A polygon of the planner's file linked to the site: how far the surveyed outline is from the declared figure.
    ...(area?.surveyedFrom && p.declaredAreaHa
      ? [{ section: 'area' as const, label: t.link_difference, value: <span data-testid="link-difference">{signedDiff(area.computedHa, p.declaredAreaHa, lang)}</span> }]
      : []),
    ...(row?.areas && row.areas.problems.length > 0
      ? [{ section: 'area' as const, label: t.field_geometryProblems, value: <ul className="plain warn">{row.areas.problems.map((p, i) => <li key={i}>{describeProblem(p, lang)}</li>)}</ul> }]
      : []),
    ...(row?.areas
      ? [
          { section: 'area' as const, label: t.field_vn2000Area, value: formatHa(row.areas.vn2000Ha, lang), hint: t.vn2000Note(zoneLabel(region.data.region.vn2000Zone)) },
          { section: 'area' as const, label: t.field_turfArea, value: formatHa(row.areas.turfHa, lang), hint: t.turfNote },
        ]
      : []),
    ...clearanceRows(row, region.data.region, t, lang),
    { section: 'legal', label: t.field_kind, value: t[`kind_${p.kind}`] },
    { section: 'legal', label: t.field_status, value: t[`status_${p.status}` as MessageKey] as string, backedBy: 'status' },
    { section: 'legal', label: t.field_phase, value: p.phase ?? miss, backedBy: 'phase' },
    {
      section: 'legal',
      label: t.field_decision,
      value: p.decision ? decisionText(p.decision, t, lang) : miss,
      backedBy: 'decision',
    },
    ...relocationRows(region, id, t, lang),
    { section: 'investment', label: t.field_investor, value: p.investor ?? miss, backedBy: 'investor' },
    {
      section: 'investment',
      label: t.field_investment,
      value: p.investmentBnVnd !== undefined ? moneyWithUsd(p.investmentBnVnd, region.data.region, t, lang) : miss,
      backedBy: 'investmentBnVnd',
      ...(p.investmentBnVnd !== undefined && region.data.region.usdRate ? { hint: usdHint(region.data.region, t, lang) } : {}),
    },
    {
      section: 'investment',
      label: t.field_occupancy,
      value: p.occupancyPct !== undefined ? formatSourcedPct(p.occupancyPct, lang) : miss,
      backedBy: 'occupancyPct',
    },
    {
      section: 'investment',
      label: t.field_wastewater,
      value: p.wastewater ? (t[`wastewater_${p.wastewater}` as MessageKey] as string) : miss,
      backedBy: 'wastewater',
    },
    ...investorRows(p, region.data.region, t, lang),
    ...connectivityRows(region, id, t, lang),
    ...contactRows(region.data.region, p.kind, t, lang),
    ...otherFigureRows(p, f.geometry, region.data.region, t, lang),
    ...(p.note ? [{ section: 'other' as const, label: t.field_note, value: p.note[lang] }] : []),
  ];
  return {
    title: siteTitle(t, p.kind, p.name[lang]),
    indicativeNote: p.geometryQuality === 'indicative' && !unlocated ? t.indicativeExplain : null,
    rows,
    sources: p.sources,
  };
}

/** Relocations that leave or reach a site, each a button that opens the relocation. */
function relocationRows(region: PreparedRegion, siteId: string, t: Messages, lang: Lang): Row[] {
  const related = region.data.relocations.features.filter(
    (f) => f.properties.from.includes(siteId) || f.properties.to === siteId,
  );
  if (related.length === 0) return [];
  return [
    {
      section: 'legal',
      label: t.field_relocations,
      value: (
        <ul className="plain">
          {related.map((f) => (
            <li key={f.properties.id}>
              <OpenButton sel={{ type: 'relocation', id: f.properties.id }}>{f.properties.name[lang]}</OpenButton>
            </li>
          ))}
        </ul>
      ),
    },
  ];
}

function OpenButton({ sel, children }: { sel: Selection; children: ReactNode }) {
  const select = useAppStore((s) => s.select);
  return (
    <button type="button" className="link-button" onClick={() => select(sel)}>
      {children}
    </button>
  );
}

function roadView(region: PreparedRegion, id: string, t: Messages, lang: Lang) {
  const f = region.data.roads.features.find((x) => x.properties.id === id);
  if (!f) return null;
  const p = f.properties;
  const miss = <Missing t={t} />;
  const rows: Row[] = [
    { label: t.field_kind, value: t[`roadRole_${p.role}` as MessageKey] as string },
    { label: t.field_status, value: t[`roadStatus_${p.status}` as MessageKey] as string },
    { label: t.field_route, value: [p.from, p.to].filter(Boolean).join(' → ') || miss },
    {
      label: t.field_length,
      value: p.lengthKmDeclared !== undefined ? formatKm(p.lengthKmDeclared, lang) : miss,
      backedBy: 'lengthKmDeclared',
    },
    {
      label: t.field_investment,
      value: p.investmentBnVnd !== undefined ? formatBnVnd(p.investmentBnVnd, lang) : miss,
      backedBy: 'investmentBnVnd',
    },
    ...(p.investmentBnVndApproved !== undefined
      ? [{ label: t.field_investmentApproved, value: formatBnVnd(p.investmentBnVndApproved, lang), backedBy: 'investmentBnVnd' as const }]
      : []),
    {
      label: t.field_decision,
      value: p.decision ? decisionText(p.decision, t, lang) : miss,
      backedBy: 'decision',
    },
    ...(p.note ? [{ label: t.field_note, value: p.note[lang] }] : []),
  ];
  return { title: p.name[lang], indicativeNote: p.geometryQuality === 'indicative' ? t.indicativeRoadExplain : null, rows, sources: p.sources };
}

function relocationView(region: PreparedRegion, id: string, t: Messages, lang: Lang) {
  const f = region.data.relocations.features.find((x) => x.properties.id === id);
  if (!f) return null;
  const p = f.properties;
  const siteName = (sid: string) => {
    const s = region.data.sites.features.find((x) => x.properties.id === sid)?.properties;
    return s ? siteTitle(t, s.kind, s.name[lang]) : sid;
  };
  const rows: Row[] = [
    { label: t.field_from, value: p.from.map(siteName).join(', ') },
    { label: t.field_to, value: p.to ? siteName(p.to) : <span className="missing">{t.toBeDecided}</span>, backedBy: 'destination' },
    {
      label: t.field_deadline,
      value: p.deadlineLabel?.[lang] ?? (p.deadline ? formatDate(p.deadline, lang) : <Missing t={t} />),
      backedBy: 'deadline',
    },
    ...(p.households !== undefined
      ? [{
          label: t.field_households,
          value: `${p.householdsAtLeast ? `${t.atLeast} ` : ''}${p.households} ${t.households}`,
          backedBy: 'households' as const,
        }]
      : []),
    { label: t.field_reason, value: p.reason[lang] },
    { label: t.field_status, value: t[`relocStatus_${p.status}` as MessageKey] as string },
    ...(p.note ? [{ label: t.field_note, value: p.note[lang] }] : []),
  ];
  return { title: p.name[lang], indicativeNote: null, rows, sources: p.sources };
}

function landmarkView(region: PreparedRegion, id: string, t: Messages, lang: Lang) {
  const f = region.data.landmarks.features.find((x) => x.properties.id === id);
  if (!f) return null;
  const p = f.properties;
  const rows: Row[] = [{ label: t.field_location, value: t.confidence(p.locationConfidence), backedBy: 'location' }];
  return { title: p.name[lang], indicativeNote: null, rows, sources: p.sources };
}

const VIEWS: Record<Selection['type'], (region: PreparedRegion, id: string, t: Messages, lang: Lang, row?: SiteRow) => ReturnType<typeof siteView>> = {
  site: siteView,
  road: roadView,
  relocation: relocationView,
  landmark: landmarkView,
};

/** The key figures a phone's peek shows under the name: status, declared area, commune. */
function SheetSummary({ rows, t }: { rows: Row[]; t: Messages }) {
  const keys = [t.field_status, t.field_declaredArea, t.field_commune];
  const picked = keys.flatMap((label) => rows.find((r) => r.label === label) ?? []);
  return (
    <dl className="sheet-summary" data-testid="sheet-summary">
      {picked.map((r) => (
        <div key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DetailsPanel() {
  const { t, lang } = useT();
  const selectedId = useAppStore((s) => (s.selected ? `${s.selected.type}:${s.selected.id}` : null));
  // A site picked from the search box: the reader goes on to its sheet, so keyboard focus follows.
  useEffect(() => {
    if (selectedId && document.activeElement?.closest('.search-box')) document.getElementById('details-title')?.focus();
  }, [selectedId]);
  const region = useAppStore((s) => s.region);
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const report = useAppStore((s) => s.report);
  // On a phone the sheet rises from the bottom: a peek (name and key figures) that leaves the map and the
  // site above it, or full height. Each newly picked feature starts at the peek.
  const [sheet, setSheet] = useState<{ key: string | null; full: boolean }>({ key: selectedId, full: false });
  const full = sheet.key === selectedId && sheet.full;
  // Connectivity measures along the basemap's roads once they are here (re-renders on arrival).
  useBasemapRoads();
  if (!region || !selected) return null;
  const row = selected.type === 'site' ? report?.sites.find((r) => r.id === selected.id) : undefined;
  const view = VIEWS[selected.type](region, selected.id, t, lang, row);
  if (!view) return null;
  const isSite = selected.type === 'site';
  return (
    <aside
      className={`details panel${isSite ? ' fact-sheet' : ''}`}
      aria-labelledby="details-title"
      data-testid="details"
      data-sheet={full ? 'full' : 'peek'}
    >
      <button
        type="button"
        className="sheet-handle"
        aria-expanded={full}
        aria-controls="details-body"
        onClick={() => setSheet({ key: selectedId, full: !full })}
        data-testid="sheet-handle"
      >
        {full ? t.sheet_less : t.sheet_more}
      </button>
      {isSite ? (
        <p className="print-only print-head">
          {t.appTitle} — {region.data.region.name[lang]} · {t.fact_title}
        </p>
      ) : null}
      <header className="details-head">
        <h2 id="details-title" tabIndex={-1}>
          {view.title}
        </h2>
        <button type="button" className="icon-button" onClick={() => select(null)} aria-label={t.close} title={t.close}>
          ×
        </button>
      </header>
      {isSite ? <SheetSummary rows={view.rows} t={t} /> : null}
      {isSite ? <ReplaySiteNote siteId={selected.id} /> : null}
      <div id="details-body" className="details-body">
      {isSite && region.data.sites.features.some((x) => x.properties.id === selected.id && x.properties.status === 'unstated') ? (
        <p className="badge-unstated" role="note" data-testid="unstated-badge">
          <strong>{t.unstatedBadge}.</strong> {t.unstatedExplain}
        </p>
      ) : null}
      {isSite && region.unlocatedSiteIds.includes(selected.id) ? (
        // Selecting it moved nothing on the map: say why, where the user is looking.
        <p className="badge-unlocated" role="status" data-testid="unlocated-note">
          {t.positionUnknownNote}
        </p>
      ) : null}
      {view.indicativeNote ? (
        <p className="badge-indicative" role="note">
          <strong>{t.indicativeBadge}.</strong> {view.indicativeNote}
        </p>
      ) : null}
      {isSite ? <FactSheetTools /> : null}
      {isSite ? <PrintSnapshot /> : null}
      <Table rows={view.rows} sources={view.sources} t={t} />
      {isSite ? <SiteObligations siteId={selected.id} /> : null}
      <SourceList sources={view.sources} region={region.data.region} t={t} lang={lang} />
      </div>
    </aside>
  );
}
