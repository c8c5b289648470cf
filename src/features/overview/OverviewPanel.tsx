// All provinces at a glance: parks and clusters, declared hectares, clean land, per province.
// Each region is loaded (validated, prepared, reported) when the panel opens, not at start-up.
import { useEffect, useState } from 'react';
import { provinceTotals, type ProvinceTotals } from '../../analytics/overview';
import { fetchRegionFiles } from '../../app/regionSource';
import { appCompute } from '../../app/reportRunner';
import { prepareRegion } from '../../domain/prepare';
import { validateRegion } from '../../domain/validate';
import { formatDate, formatNumber, type Lang } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';

/** The country total of a figure over the provinces that have it; "—" when none has (never 0 for no data). */
function formatKnownSum(rows: Row[] | null, f: (x: ProvinceTotals) => number | null, lang: Lang): string {
  const known = (rows ?? []).flatMap((r) => (r.totals && f(r.totals) !== null ? [f(r.totals) as number] : []));
  return known.length === 0 ? '—' : formatNumber(known.reduce((a, b) => a + b, 0), lang, 2);
}

type Row = { id: string; totals: ProvinceTotals | null; problems: number | null; error: string | null };

export function OverviewPanel() {
  const { t, lang } = useT();
  const regions = useAppStore((s) => s.regions);
  const current = useAppStore((s) => s.regionId);
  const setRegionId = useAppStore((s) => s.setRegionId);
  const requestNational = useAppStore((s) => s.requestNationalView);
  const setOverview = useAppStore((s) => s.setOverview);
  const store = useAppStoreApi();
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    let alive = true;
    void Promise.all(
      regions.map(async (r): Promise<Row> => {
        try {
          // The open region's report is already in the store; the others go through the app's
          // compute path (a Web Worker when their clearance data is large).
          const s = store.getState();
          if (r.id === s.regionId && s.region && s.report) {
            return { id: r.id, totals: provinceTotals(s.report, s.region.data.region), problems: null, error: null };
          }
          const { data, issues } = validateRegion(await fetchRegionFiles(r.id));
          if (!data) return { id: r.id, totals: null, problems: issues.length, error: null };
          const report = await appCompute()(prepareRegion(data), data.region.asOf);
          return { id: r.id, totals: provinceTotals(report, data.region), problems: null, error: null };
        } catch (e) {
          return { id: r.id, totals: null, problems: null, error: e instanceof Error ? e.message : String(e) };
        }
      }),
    ).then((r) => {
      if (!alive) return;
      setRows(r);
      setOverview(r.flatMap((x) => (x.totals ? [x.totals] : [])));
    });
    return () => {
      alive = false;
    };
  }, [regions, setOverview, store]);

  const name = (id: string) => regions.find((r) => r.id === id)?.name[lang] ?? id;
  const sum = (f: (x: ProvinceTotals) => number) => (rows ?? []).reduce((s, r) => s + (r.totals ? f(r.totals) : 0), 0);
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{t.overviewTitle}</h2>
      <button type="button" onClick={requestNational}>
        {t.overviewFitCountry}
      </button>
      {rows === null ? (
        <p className="loading-inline">{t.loading}</p>
      ) : (
        <div className="table-scroll">
          <table className="overview-table">
            <thead>
              <tr>
                <th scope="col">{t.regionLabel}</th>
                <th scope="col" className="num">KCN</th>
                <th scope="col" className="num">CCN</th>
                <th scope="col" className="num">{t.col_declared}</th>
                <th scope="col" className="num">{t.col_cleared}</th>
                <th scope="col" className="num">{t.overviewLeased}</th>
                <th scope="col" className="num">{t.overviewAvailable}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} aria-current={r.id === current ? 'true' : undefined} data-region={r.id}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => setRegionId(r.id)}>
                      {name(r.id)}
                    </button>
                    {r.totals ? (
                      <div className="muted small">
                        {t.asOfLabel} {formatDate(r.totals.asOf, lang)}
                      </div>
                    ) : null}
                  </th>
                  {r.totals ? (
                    <>
                      <td className="num">{r.totals.kcn}</td>
                      <td className="num">{r.totals.ccn}</td>
                      <td className="num">{formatNumber(r.totals.declaredHa, lang, 2)}</td>
                      <td className="num">
                        {r.totals.clearedHa === null ? '—' : formatNumber(r.totals.clearedHa, lang, 2)}
                        {r.totals.sample && r.totals.clearedHa !== null ? (
                          <span className="muted" title={t.sampleBadge}>
                            {' '}†
                          </span>
                        ) : null}
                      </td>
                      <td className="num" data-col="leased">{r.totals.leasedHa === null ? '—' : formatNumber(r.totals.leasedHa, lang, 2)}</td>
                      <td className="num" data-col="available">{r.totals.availableHa === null ? '—' : `≈ ${formatNumber(r.totals.availableHa, lang, 2)}`}</td>
                    </>
                  ) : (
                    <td colSpan={6} className="warn">
                      {r.problems !== null ? t.overviewInvalid(r.problems) : r.error}
                    </td>
                  )}
                </tr>
              ))}
              <tr className="capital-total">
                <th scope="row">{t.capitalTotal}</th>
                <td className="num">{sum((x) => x.kcn)}</td>
                <td className="num">{sum((x) => x.ccn)}</td>
                <td className="num">{formatNumber(sum((x) => x.declaredHa), lang, 2)}</td>
                <td className="num">—</td>
                <td className="num" data-col="leased">{formatKnownSum(rows, (x) => x.leasedHa, lang)}</td>
                <td className="num" data-col="available">{formatKnownSum(rows, (x) => x.availableHa, lang)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <p className="table-notes">
        {t.overviewNotes} {t.overviewInvestorNotes}
      </p>
    </section>
  );
}
