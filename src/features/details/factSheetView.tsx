// A site's fact sheet as rows grouped by section, each figure with the numbers of the sources behind it,
// and the numbered source list. Store-free, so the app's panel and the static park pages (scripts/pages)
// render the very same rows.
import type { ReactNode } from 'react';
import type { SourceField, SourceRef } from '../../domain/schemaFields';
import type { PreparedRegion } from '../../domain/prepare';
import type { Region } from '../../domain/types';
import { formatBnVnd, formatDate, formatHa, formatNumber, formatPct, usdMillions, type Lang } from '../../i18n/format';
import { connectivityRows } from './connectivityRows';
import type { Messages, MessageKey } from '../../i18n/messages';
import type { Selection } from '../../domain/view';
import type { SiteRow } from '../../analytics/report';
import { describeProblem } from '../../analytics/polygonCheck';
import { siteTitle } from '../../i18n/siteTitle';
import { decisionText, formatSourcedPct, investorRows, otherFigureRows } from './investorRows';
import { RepairedBadge } from '../imports/RepairedBadge';

/** How a link to another feature (a relocation) is drawn: a button in the app, plain text on a static page. */
export type Opener = (sel: Selection, children: ReactNode) => ReactNode;
const plainText: Opener = (_sel, children) => <span>{children}</span>;
type Section = 'location' | 'area' | 'legal' | 'investment' | 'leasing' | 'connectivity' | 'contact' | 'other';
const SECTION_ORDER: Section[] = ['location', 'area', 'legal', 'investment', 'leasing', 'connectivity', 'contact', 'other'];

export interface Row {
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

export function Missing({ t }: { t: Messages }) {
  return <span className="missing">{t.notInSources}</span>;
}

export function SourceList({ sources, region, t, lang }: { sources: SourceRef[]; region: Region; t: Messages; lang: Lang }) {
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

export function Table({ rows, sources, t }: { rows: Row[]; sources: SourceRef[]; t: Messages }) {
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

export function siteView(region: PreparedRegion, id: string, t: Messages, lang: Lang, row?: SiteRow, open: Opener = plainText) {
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
              <RepairedBadge t={t} />
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
    ...relocationRows(region, id, t, lang, open),
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
function relocationRows(region: PreparedRegion, siteId: string, t: Messages, lang: Lang, open: Opener): Row[] {
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
            <li key={f.properties.id}>{open({ type: 'relocation', id: f.properties.id }, f.properties.name[lang])}</li>
          ))}
        </ul>
      ),
    },
  ];
}
