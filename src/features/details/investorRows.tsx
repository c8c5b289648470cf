// The fact sheet's investor rows (land let and still to let, occupancy, enterprises, industries…),
// the names other sources give the site, and the figures other sources give differently: both kept,
// each with its own source, so that a reader sees the difference instead of a silent choice.
import type { ReactNode } from 'react';
import { geodesicDistanceM } from '../../geo/geodesic';
import { availableLand, investorFiguresAsOf } from '../../domain/investorFigures';
import type { Region, SiteProperties } from '../../domain/schema';
import type { SourceField } from '../../domain/schemaFields';
import { formatDate, formatHa, formatKm, formatNumber, type Lang } from '../../i18n/format';
import type { MessageKey, Messages } from '../../i18n/messages';
import type { Geometry } from 'geojson';

export interface InvestorRow {
  section: 'leasing' | 'legal' | 'location' | 'area' | 'other';
  label: string;
  value: ReactNode;
  backedBy?: SourceField;
  hint?: string;
}

/** A source's percentage at the source's own precision (37,88%, 100%): a sourced figure is never rounded on display. */
export function formatSourcedPct(x: number, lang: Lang): string {
  const decimals = Math.min(4, (String(x).split('.')[1] ?? '').length);
  return `${formatNumber(x, lang, decimals)}%`;
}

/** "2967/QĐ-UBND, 09/09/2016", or the number alone with "no date" when the source gives none. */
export function decisionText(d: { number: string; date?: string | undefined; note?: { vi: string; en: string } | undefined }, t: Messages, lang: Lang): string {
  const when = d.date ? formatDate(d.date, lang) : t.decisionNoDate;
  return `${d.number}, ${when}${d.note ? ` (${d.note[lang]})` : ''}`;
}

function sourceTitle(region: Region, doc: string, lang: Lang): string {
  const s = region.sources[doc];
  return s ? `${s.title[lang]}${s.date ? `, ${formatDate(s.date, lang)}` : ''}` : doc;
}

export function investorRows(p: SiteProperties, region: Region, t: Messages, lang: Lang): InvestorRow[] {
  const rows: InvestorRow[] = [];
  const asOf = investorFiguresAsOf(p, region.sources);
  const dated = (hint?: string) => [asOf ? t.investorAsOf(formatDate(asOf, lang)) : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  if (p.leasedHa !== undefined) rows.push({ section: 'leasing', label: t.field_leased, value: formatHa(p.leasedHa, lang), backedBy: 'leasedHa', hint: dated() });
  const avail = availableLand(p);
  if (avail) {
    rows.push({
      section: 'leasing',
      label: t.field_available,
      value: `${avail.computed ? '≈ ' : ''}${formatHa(avail.ha, lang)}`,
      ...(avail.computed ? { backedBy: 'leasedHa' as const, hint: t.availableComputed(formatHa(avail.leasableHa ?? 0, lang)) } : { backedBy: 'availableHa' as const }),
    });
  } else if (p.leasedHa !== undefined) {
    rows.push({ section: 'leasing', label: t.field_available, value: <span className="missing">{t.availableNotMeaningful}</span> });
  }
  if (p.enterprises !== undefined) rows.push({ section: 'leasing', label: t.field_enterprises, value: formatNumber(p.enterprises, lang), backedBy: 'enterprises' });
  if (p.industries) rows.push({ section: 'leasing', label: t.field_industries, value: p.industries[lang], backedBy: 'industries' });
  if (p.infrastructure) rows.push({ section: 'leasing', label: t.field_infrastructure, value: p.infrastructure[lang], backedBy: 'infrastructure' });
  if (p.direction) rows.push({ section: 'leasing', label: t.field_direction, value: p.direction[lang], backedBy: 'direction', hint: dated() });
  if (p.yearEstablished !== undefined) rows.push({ section: 'legal', label: t.field_yearEstablished, value: String(p.yearEstablished), backedBy: 'yearEstablished' });
  if (p.aliases && p.aliases.length > 0) {
    rows.push({
      section: 'other',
      label: t.field_aliases,
      value: (
        <ul className="plain">
          {p.aliases.map((a, i) => (
            <li key={i}>
              {a.name} <span className="hint">— {sourceTitle(region, a.source.doc, lang)}</span>
            </li>
          ))}
        </ul>
      ),
    });
  }
  return rows;
}

/** Other sources' figures, each beside the figure it differs from. */
export function otherFigureRows(p: SiteProperties, geometry: Geometry | null, region: Region, t: Messages, lang: Lang): InvestorRow[] {
  const others = p.otherFigures ?? [];
  if (others.length === 0) return [];
  const items = others.map((o, i) => {
    let what: string;
    if (o.about === 'declaredAreaHa') what = t.other_area(formatHa(o.areaHa, lang));
    else if (o.about === 'status') what = t.other_status(t[`status_${o.status}` as MessageKey] as string);
    else {
      const here = geometry?.type === 'Point' ? (geometry.coordinates as [number, number]) : null;
      const coords = `${formatNumber(o.point[1], lang, 3)}; ${formatNumber(o.point[0], lang, 3)}`;
      what = here ? `${coords}: ${t.other_location(formatKm(geodesicDistanceM(here, o.point) / 1000, lang))}` : coords;
    }
    return (
      <li key={i} data-about={o.about}>
        {o.name ? `${t.other_asName(o.name)}: ` : ''}
        {what} <span className="hint">— {sourceTitle(region, o.source.doc, lang)}{o.note ? `. ${o.note[lang]}` : ''}</span>
      </li>
    );
  });
  return [{ section: 'other', label: t.field_otherFigures, value: <ul className="plain other-figures">{items}</ul> }];
}

