// Details of the selected park, cluster, road, relocation or landmark: every figure with the
// numbered source that backs it, and what is computed said to be computed.
import { useEffect, useState, type ReactNode } from 'react';
import type { PreparedRegion } from '../../domain/prepare';
import { formatBnVnd, formatDate, formatKm } from '../../i18n/format';
import type { Messages, MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import type { Selection } from '../../domain/view';
import type { SiteRow } from '../../analytics/report';
import { useBasemapRoads } from './basemapRoads';
import { FactSheetTools, PrintSnapshot } from './FactSheetTools';
import { useAppStore } from '../../store/context';
import { siteTitle } from '../../i18n/siteTitle';
import { decisionText } from './investorRows';
import { SiteObligations } from './SiteObligations';
import { ReplaySiteNote } from '../replay/ReplaySiteNote';
import { Missing, siteView, SourceList, Table, type Row } from './factSheetView';
import { anchorOf, PAGES_DIR, pageFile } from '../pages/PageShell';
import { LocatorInset } from './LocatorInset';
import type { Lang } from '../../i18n/format';
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

const openButton = (sel: Selection, children: ReactNode) => <OpenButton sel={sel}>{children}</OpenButton>;

const VIEWS: Record<Selection['type'], (region: PreparedRegion, id: string, t: Messages, lang: Lang, row?: SiteRow) => ReturnType<typeof siteView>> = {
  site: (region, id, t, lang, row) => siteView(region, id, t, lang, row, openButton),
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
  const draft = useAppStore((s) => s.draft !== null);
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
      {/* The figures are the editor's unpublished draft (app/draftView): said on the sheet itself, printed too. */}
      {draft ? (
        <p className="draft-badge" data-testid="draft-badge">
          {t.edit_draftBadge}
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
      {isSite ? (
        // The site's static page (built with the app, scripts/build-pages.ts): a link to share or to find by search.
        <p className="fact-page-link no-print">
          <a href={`${PAGES_DIR}/${pageFile(selected.id, lang)}`} hrefLang={lang} data-testid="fact-page-link">
            {t.fact_page}
          </a>
        </p>
      ) : null}
      {isSite ? (
        // On paper: the map as it was on screen, cut around the park, and the province with the park marked.
        <div className="print-only print-maps">
          <PrintSnapshot at={anchorOf(region, selected.id)} />
          <LocatorInset region={region} siteId={selected.id} title={view.title} t={t} lang={lang} />
        </div>
      ) : null}
      <Table rows={view.rows} sources={view.sources} t={t} />
      {isSite ? <SiteObligations siteId={selected.id} /> : null}
      <SourceList sources={view.sources} region={region.data.region} t={t} lang={lang} />
      </div>
    </aside>
  );
}
