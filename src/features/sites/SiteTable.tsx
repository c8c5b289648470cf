// The sites as a table: declared vs computed area (flagged past 2%), cleared / in progress /
// remaining hectares, status. Sortable and filterable; a row click selects the site and flies to it.
import { useMemo, useState } from 'react';
import type { SiteRow } from '../../analytics/report';
import { AREA_DIFF_FLAG_PCT } from '../../analytics/thresholds';
import type { SiteStatus } from '../../domain/schema';
import { filterSiteIds, isFilterActive, NO_FILTER, phasesOf, type SiteFilter, type WastewaterFilter } from '../../domain/siteFilter';
import { formatNumber, formatPct, type Lang } from '../../i18n/format';
import type { MessageKey, Messages } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';
import { formatSourcedPct } from '../details/investorRows';
import { RepairedBadge } from '../imports/RepairedBadge';

type SortKey = 'name' | 'status' | 'commune' | 'declared' | 'computed' | 'cleared' | 'inProgress' | 'remaining' | 'occupancy' | 'leased' | 'available' | 'enterprises';

const sortValue: Record<SortKey, (r: SiteRow, lang: Lang) => string | number | null> = {
  name: (r, lang) => `${r.kind} ${r.name[lang]}`,
  status: (r) => r.status,
  commune: (r) => r.commune,
  declared: (r) => r.declaredHa,
  computed: (r) => r.areas?.ellipsoidalHa ?? null,
  cleared: (r) => (r.clearance && r.clearance.method !== 'none' ? r.clearance.clearedHa : null),
  inProgress: (r) => (r.clearance && r.clearance.method !== 'none' ? r.clearance.inProgressHa : null),
  remaining: (r) => r.clearance?.remainingHa ?? null,
  occupancy: (r) => r.occupancyPct,
  leased: (r) => r.leasedHa,
  available: (r) => r.availableHa,
  enterprises: (r) => r.enterprises,
};

function ha(v: number | null | undefined, lang: Lang) {
  return v === null || v === undefined ? '—' : formatNumber(v, lang, 2);
}

function Header({ k, label, sort, setSort, numeric }: { k: SortKey; label: string; sort: { key: SortKey; dir: 1 | -1 }; setSort: (s: { key: SortKey; dir: 1 | -1 }) => void; numeric?: boolean }) {
  const active = sort.key === k;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => setSort({ key: k, dir: active ? (sort.dir === 1 ? -1 : 1) : numeric ? -1 : 1 })}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

const STATUSES: SiteStatus[] = ['operating', 'established', 'under-construction', 'relocating', 'planned', 'proposed', 'withdrawn', 'unstated'];
const WASTEWATER: WastewaterFilter[] = ['all', 'operating', 'under-construction', 'planned', 'none'];

/** Hectares typed by a user: null for empty (no bound), undefined when it is not a number. */
export function parseHa(text: string): number | null | undefined {
  const raw = text.trim().replace(',', '.');
  if (raw === '') return null;
  const v = Number(raw);
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

/**
 * A number input for hectares: empty means no bound; a comma is read as the decimal mark. What the
 * user typed stays in the box; text that is not a number is refused there with a message, and the
 * filter keeps its last good value.
 */
function HaInput({ label, value, onChange, t }: { label: string; value: number | null; onChange: (v: number | null) => void; t: Messages }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [seen, setSeen] = useState(value);
  // The filter changed from elsewhere (reset, a link): show its value.
  if (seen !== value) {
    setSeen(value);
    if (parseHa(text) !== value) setText(value === null ? '' : String(value));
  }
  const bad = parseHa(text) === undefined;
  return (
    <label className="ha-input">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          const v = parseHa(e.target.value);
          if (v !== undefined) onChange(v);
        }}
      />
      {bad ? (
        <span className="field-error" role="alert">
          {t.filter_notANumber(text.trim())}
        </span>
      ) : null}
    </label>
  );
}

function Filters({ t, lang, phases, hasWastewater }: { t: Messages; lang: Lang; phases: string[]; hasWastewater: boolean }) {
  const f = useAppStore((s) => s.siteFilter);
  const set = useAppStore((s) => s.setSiteFilter);
  const regions = useAppStore((s) => s.regions);
  const regionId = useAppStore((s) => s.regionId);
  const setRegionId = useAppStore((s) => s.setRegionId);
  const more = f.statuses.length > 0 || f.phase !== null || f.minHa !== null || f.maxHa !== null || f.wastewater !== 'all' || f.minAvailableHa !== null || f.maxOccupancyPct !== null;
  // Opens by itself when a link sets a filter in it, but a user's edit never folds it away.
  const [open, setOpen] = useState(more);
  if (more && !open) setOpen(true);
  return (
    <div className="table-filters">
      <input type="search" placeholder={t.searchSites} aria-label={t.searchSites} value={f.text} onChange={(e) => set({ text: e.target.value })} />
      {regions.length > 1 ? (
        <select aria-label={t.regionLabel} value={regionId} onChange={(e) => setRegionId(e.target.value)}>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name[lang]}
            </option>
          ))}
        </select>
      ) : null}
      <select aria-label={t.field_kind} value={f.kind} onChange={(e) => set({ kind: e.target.value as SiteFilter['kind'] })}>
        <option value="all">{t.allKinds}</option>
        <option value="kcn">KCN</option>
        <option value="ccn">CCN</option>
      </select>
      <select aria-label={t.filter_stage} value={f.stage} onChange={(e) => set({ stage: e.target.value as SiteFilter['stage'] })}>
        <option value="all">{t.allStages}</option>
        <option value="existing">{t.stage_existing}</option>
        <option value="planned">{t.stage_planned}</option>
      </select>
      <fieldset className="investor-filters">
        <legend>{t.filter_investor}</legend>
        <label className="check">
          <input type="checkbox" data-filter="available10" checked={f.minAvailableHa === 10} onChange={(e) => set({ minAvailableHa: e.target.checked ? 10 : null })} />
          {t.filter_available10}
        </label>
        <label className="check">
          <input type="checkbox" data-filter="occupancy50" checked={f.maxOccupancyPct === 50} onChange={(e) => set({ maxOccupancyPct: e.target.checked ? 50 : null })} />
          {t.filter_occupancyBelow50}
        </label>
      </fieldset>
      <details className="more-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t.filter_more}</summary>
        <fieldset>
          <legend>{t.field_status}</legend>
          {STATUSES.map((st) => (
            <label key={st} className="check">
              <input
                type="checkbox"
                checked={f.statuses.includes(st)}
                onChange={(e) => set({ statuses: e.target.checked ? [...f.statuses, st] : f.statuses.filter((x) => x !== st) })}
              />
              {t[`status_${st}` as MessageKey] as string}
            </label>
          ))}
        </fieldset>
        {phases.length > 0 ? (
          <label>
            <span>{t.field_phase}</span>
            <select value={f.phase ?? ''} onChange={(e) => set({ phase: e.target.value || null })}>
              <option value="">{t.filter_anyPhase}</option>
              {phases.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="ha-range" role="group" aria-label={t.filter_area}>
          <HaInput label={t.filter_minHa} value={f.minHa} onChange={(minHa) => set({ minHa })} t={t} />
          <HaInput label={t.filter_maxHa} value={f.maxHa} onChange={(maxHa) => set({ maxHa })} t={t} />
        </div>
        <label>
          <span>{t.field_wastewater}</span>
          {/* No source gives this field for any site: say so, rather than offer a filter that keeps 0 sites. */}
          <select
            value={f.wastewater}
            disabled={!hasWastewater && f.wastewater === 'all'}
            aria-describedby={hasWastewater ? undefined : 'no-wastewater-data'}
            onChange={(e) => set({ wastewater: e.target.value as WastewaterFilter })}
          >
            {WASTEWATER.map((w) => (
              <option key={w} value={w}>
                {w === 'all' ? t.filter_anyWastewater : (t[`wastewater_${w}` as MessageKey] as string)}
              </option>
            ))}
          </select>
          {hasWastewater ? null : (
            <span id="no-wastewater-data" className="filter-no-data">
              {t.filter_noWastewaterData}
            </span>
          )}
        </label>
      </details>
      {f.ids ? (
        <span className="chip">
          {f.idsLabel}
          <button type="button" aria-label={t.clearFilter} title={t.clearFilter} onClick={() => set({ ids: null, idsLabel: null })}>
            ×
          </button>
        </span>
      ) : null}
      {isFilterActive(f) ? (
        <button type="button" className="link-button" onClick={() => set(NO_FILTER)}>
          {t.filter_reset}
        </button>
      ) : null}
    </div>
  );
}

export function SiteTable() {
  const { t, lang } = useT();
  const report = useAppStore((s) => s.report);
  const region = useAppStore((s) => s.region);
  const filter = useAppStore((s) => s.siteFilter);
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const flyTo = useAppStore((s) => s.requestFlyTo);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'declared', dir: -1 });

  const rows = useMemo(() => {
    if (!report || !region) return [];
    const get = sortValue[sort.key];
    const kept = new Set(filterSiteIds(region.data.sites.features, filter));
    return report.sites.filter((r) => kept.has(r.id)).sort((a, b) => {
      const va = get(a, lang);
      const vb = get(b, lang);
      // Unknown values go last whichever way the column is sorted.
      if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
      if (typeof va === 'number' && typeof vb === 'number') return (va - vb) * sort.dir;
      return String(va).localeCompare(String(vb), lang === 'vi' ? 'vi' : 'en') * sort.dir;
    });
  }, [report, region, filter, lang, sort]);
  // Sites outlined by a repaired polygon of a planner's file: their computed area carries the label.
  const repairedIds = useMemo(
    () => new Set(region ? Object.entries(region.areas).filter(([, a]) => a.surveyedFrom?.repaired).map(([id]) => id) : []),
    [region],
  );
  const phases = useMemo(() => (region ? phasesOf(region.data.sites.features) : []), [region]);
  const hasWastewater = useMemo(() => (region ? region.data.sites.features.some((s) => s.properties.wastewater !== undefined) : false), [region]);

  if (!report) return <p className="loading-inline">{t.loading}</p>;
  return (
    <section className="site-table" aria-labelledby="sites-title">
      <h2 id="sites-title">{t.sitesTitle}</h2>
      <Filters t={t} lang={lang} phases={phases} hasWastewater={hasWastewater} />
      <p className="table-count" role="status">
        {t.rowsShown(rows.length, report.sites.length)}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <Header k="name" label={t.col_name} sort={sort} setSort={setSort} />
              <Header k="status" label={t.field_status} sort={sort} setSort={setSort} />
              <Header k="commune" label={t.col_commune} sort={sort} setSort={setSort} />
              <Header k="declared" label={t.col_declared} sort={sort} setSort={setSort} numeric />
              <Header k="computed" label={t.col_computed} sort={sort} setSort={setSort} numeric />
              <Header k="cleared" label={t.col_cleared} sort={sort} setSort={setSort} numeric />
              <Header k="inProgress" label={t.col_inProgress} sort={sort} setSort={setSort} numeric />
              <Header k="remaining" label={t.col_remaining} sort={sort} setSort={setSort} numeric />
              <Header k="occupancy" label={t.col_occupancy} sort={sort} setSort={setSort} numeric />
              <Header k="leased" label={t.col_leased} sort={sort} setSort={setSort} numeric />
              <Header k="available" label={t.col_available} sort={sort} setSort={setSort} numeric />
              <Header k="enterprises" label={t.col_enterprises} sort={sort} setSort={setSort} numeric />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const c = r.clearance && r.clearance.method !== 'none' ? r.clearance : null;
              return (
                <tr
                  key={r.id}
                  data-site={r.id}
                  aria-selected={selected?.type === 'site' && selected.id === r.id}
                  onClick={() => {
                    select({ type: 'site', id: r.id });
                    flyTo(r.id);
                  }}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={(e) => {
                        e.stopPropagation();
                        select({ type: 'site', id: r.id });
                        flyTo(r.id);
                      }}
                    >
                      {r.kind.toUpperCase()} {r.name[lang]}
                    </button>
                  </th>
                  <td>{t[`status_${r.status}` as MessageKey] as string}</td>
                  <td>{r.commune}</td>
                  <td className="num">{ha(r.declaredHa, lang)}</td>
                  <td className="num">
                    {ha(r.areas?.ellipsoidalHa, lang)}
                    {r.flagged && r.diffPct !== null ? (
                      <span className="flag" title={t.areaDiffFlag(formatPct(r.diffPct, lang), AREA_DIFF_FLAG_PCT)} aria-label={t.areaDiffFlag(formatPct(r.diffPct, lang), AREA_DIFF_FLAG_PCT)}>
                        {' '}⚠
                      </span>
                    ) : null}
                    {r.areas && r.quality === 'indicative' ? <span className="muted" title={t.indicativeBadge}> *</span> : null}
                    {repairedIds.has(r.id) ? (
                      <>
                        {' '}
                        <RepairedBadge t={t} />
                      </>
                    ) : null}
                  </td>
                  <td className="num">
                    {ha(c?.clearedHa, lang)}
                    {c?.warnings.some((w) => w.kind === 'cleared-exceeds-area') && c.siteAreaHa !== null ? (
                      <span className="flag" title={t.clearedExceeds(formatNumber(c.clearedHa, lang, 2), formatNumber(c.siteAreaHa, lang, 2))}>
                        {' '}⚠
                      </span>
                    ) : null}
                    {c?.sample ? <span className="muted" title={t.sampleBadge}> †</span> : null}
                  </td>
                  <td className="num">{ha(c?.inProgressHa, lang)}</td>
                  <td className="num">{ha(c?.remainingHa, lang)}</td>
                  <td className="num" data-col="occupancy">{r.occupancyPct === null ? '—' : formatSourcedPct(r.occupancyPct, lang).replace('%', '')}</td>
                  <td className="num" data-col="leased">{ha(r.leasedHa, lang)}</td>
                  <td className="num" data-col="available">
                    {r.availableHa !== null && r.availableComputed ? '≈ ' : ''}
                    {ha(r.availableHa, lang)}
                  </td>
                  <td className="num" data-col="enterprises">{r.enterprises === null ? '—' : formatNumber(r.enterprises, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="table-notes">
        {t.tableNotes} {t.tableInvestorNotes}
      </p>
    </section>
  );
}
