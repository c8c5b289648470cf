// The year's targets: one card per target with value, target, gap, deadline and days left, a bar
// (cleared / in progress / remaining), the pace for cleared land, and the source of the figure.
import { formatTargetValue, paceText, verdictText } from './formatTarget';
import { daysBetween, type TargetResult } from '../../analytics/targets';
import type { CapitalCheck } from '../../analytics/targets';
import { formatBnVnd, formatDate, formatNumber, type Lang } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';
import { DateInput } from '../../i18n/DateInput';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { Region } from '../../domain/types';
import { BurnUp } from './BurnUp';
import { todayIso } from './today';
import { DocumentChecks } from './DocumentChecks';
import { RegionObligations } from './RegionObligations';
import { useTargetsNow } from '../replay/useReplay';

function Bar({ r, t, lang }: { r: TargetResult; t: Messages; lang: Lang }) {
  if (r.value === null || r.target.value === null) return null;
  const done = Math.max(0, r.value);
  const doing = Math.max(0, r.inProgress ?? 0);
  const goal = r.target.value;
  const scale = Math.max(goal, done + doing) || 1;
  const left = Math.max(0, goal - done - doing);
  const parts = [
    { key: 'cleared', v: done, label: t.bar_cleared },
    { key: 'in-progress', v: doing, label: t.bar_inProgress },
    { key: 'remaining', v: left, label: t.bar_remaining },
  ].filter((p) => p.v > 0);
  return (
    <div className="bar-wrap">
      <div
        className="bar"
        role="img"
        aria-label={parts.map((p) => `${p.label}: ${formatTargetValue(r, p.v, lang)}`).join('; ')}
      >
        {parts.map((p) => (
          <span key={p.key} className={`bar-part bar-${p.key}`} style={{ width: `${(100 * p.v) / scale}%` }} title={`${p.label}: ${formatTargetValue(r, p.v, lang)}`} />
        ))}
        {/* the target line, when progress runs past it */}
        {done + doing > goal ? <span className="bar-goal" style={{ left: `${(100 * goal) / scale}%` }} /> : null}
      </div>
      {r.target.unit === 'ha' && r.inProgress !== null ? (
        <ul className="bar-key">
          {parts.map((p) => (
            <li key={p.key}>
              <span className={`key-dot bar-${p.key}`} aria-hidden="true" />
              {p.label}: {formatTargetValue(r, p.v, lang)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function TargetCard({ r, region, asOf, chart, cursor }: { r: TargetResult; region: Region; asOf: string; chart: TargetResult; cursor: string | null }) {
  const { t, lang } = useT();
  const setTab = useAppStore((s) => s.setTab);
  const setFilter = useAppStore((s) => s.setSiteFilter);
  const target = r.target;
  const doc = region.sources[target.source.doc];
  const enteredDoc = target.entered ? region.sources[target.entered.source.doc] : null;
  const goalValue =
    target.value === null
      ? null
      : target.valueMax !== undefined
        ? `${formatNumber(target.value, lang)}–${formatTargetValue(r, target.valueMax, lang)}`
        : formatTargetValue(r, target.value, lang);
  // A range ("3–4") carries its own meaning; "≥" is for a single figure.
  const prefix =
    target.comparator === 'about>' ? (lang === 'vi' ? 'khoảng trên ' : 'about, over ') : target.comparator === '>=' && target.valueMax === undefined ? '≥ ' : '';
  const goal = goalValue === null ? null : `${prefix}${goalValue}`;
  return (
    <article className="target-card" data-target={target.id} aria-labelledby={`target-${target.id}`}>
      <header>
        <h3 id={`target-${target.id}`}>{target.label[lang]}</h3>
        {r.met !== null ? <span className={r.met ? 'badge badge-met' : 'badge badge-open'}>{verdictText(r, t)}</span> : null}
        {r.sample ? <span className="badge badge-sample">{t.sampleBadge}</span> : null}
      </header>
      {r.state === 'no-data' ? (
        <p className="no-data">
          <strong>{t.noData}.</strong> {target.metric === 'newlyEstablishedHa' ? t.noData_noDecisions : t.noDataHint}
        </p>
      ) : (
        <>
          <dl className="target-figures">
            <div>
              <dt>{t.targetValue}</dt>
              <dd className="target-value">{r.value === null ? '—' : formatTargetValue(r, r.value, lang)}</dd>
            </div>
            {goal ? (
              <div>
                <dt>{t.targetGoal}</dt>
                <dd>{goal}</dd>
              </div>
            ) : null}
            {r.gap !== null && r.gap > 0 ? (
              <div>
                <dt>{t.targetGap}</dt>
                <dd>{formatTargetValue(r, r.gap, lang)}</dd>
              </div>
            ) : null}
          </dl>
          <Bar r={r} t={t} lang={lang} />
        </>
      )}
      <p className="target-deadline">
        {t.targetDeadline}: {target.deadlineLabel?.[lang] ?? formatDate(target.deadline, lang)} · {t.daysLeft(daysBetween(todayIso(), target.deadline))}
        {/* the countdown runs on the user's calendar; the figures above stop at the data date */}
        <span className="target-as-of"> · {t.targetFiguresAsOf(formatDate(asOf, lang))}</span>
      </p>
      {/* The chart and its pace stay the report's; while replaying, a cursor marks the replayed date. */}
      {chart.pace && target.value !== null ? (
        <>
          <p className={chart.pace.reaches ? 'pace pace-ok' : 'pace pace-late'}>{paceText(chart, t, lang)}</p>
          <BurnUp
            pace={chart.pace}
            goal={target.value}
            deadline={target.deadline}
            periodStart={target.periodStart ?? null}
            lang={lang}
            title={t.burnUpTitle}
            cursor={cursor ? { date: cursor, value: r.value, label: t.replay_cursor(formatDate(cursor, lang)) } : null}
          />
        </>
      ) : null}
      {target.note ? <p className="basis target-note">{target.note[lang]}</p> : null}
      {target.metric === 'wastewaterKcnPct' && r.basis ? <p className="basis">{t.basisWastewater(r.basis.counted, r.basis.total)}</p> : null}
      {target.metric === 'newlyEstablishedHa' && r.basis ? (
        <p className="basis">{t.basisEstablished(r.basis.counted, formatDate(target.periodStart ?? '1900-01-01', lang))}</p>
      ) : null}
      {target.metric === 'clearedHa' && r.state === 'computed' && r.basis ? <p className="basis">{t.basisCleared(r.basis.counted)}</p> : null}
      <p className="target-source">
        {r.state === 'entered' && enteredDoc ? `${t.enteredFrom}: ${enteredDoc.title[lang]}` : `${t.sources}: ${doc ? doc.title[lang] : target.source.doc}`}
        {target.source.where && r.state !== 'entered' ? ` (${target.source.where})` : ''}
      </p>
      {r.siteIds.length > 0 ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setFilter({ ids: r.siteIds, idsLabel: target.label[lang], text: '', kind: 'all', stage: 'all' });
            setTab('sites');
          }}
        >
          {t.sitesBehind(r.siteIds.length)} — {t.showSites}
        </button>
      ) : null}
    </article>
  );
}

function Capital({ c, region }: { c: CapitalCheck; region: Region }) {
  const { t, lang } = useT();
  return (
    <section className="capital" aria-labelledby="capital-title">
      <h3 id="capital-title">{t.capitalTitle}</h3>
      <table>
        <tbody>
          {region.capital.parts.map((p) => (
            <tr key={p.id} className="capital-part">
              <th scope="row">{p.label[lang]}</th>
              <td>{formatBnVnd(p.valueBnVnd, lang)}</td>
            </tr>
          ))}
          {region.capital.parts.flatMap((p) =>
            p.lines.map((l) => (
              <tr key={`${p.id}-${l.id}`} className="capital-line">
                <th scope="row">– {l.label[lang]}</th>
                <td>{formatBnVnd(l.valueBnVnd, lang)}</td>
              </tr>
            )),
          )}
          <tr className="capital-total">
            <th scope="row">
              {t.capitalTotal}
              {region.capital.totalIsSum ? ` (${t.capital_computed})` : ''}
            </th>
            <td>{formatBnVnd(c.totalBnVnd, lang)}</td>
          </tr>
        </tbody>
      </table>
      {region.capital.totalIsSum ? <p className="basis">{t.capital_totalIsSum}</p> : null}
      <p className={c.consistent ? 'basis' : 'basis warn'}>{c.consistent ? t.capitalConsistent : t.capitalInconsistent}</p>
    </section>
  );
}

export function TargetsPanel() {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const region = useAppStore((s) => s.region);
  const report = useAppStore((s) => s.report);
  const busy = useAppStore((s) => s.reportBusy);
  const setAsOf = useAppStore((s) => s.setReportAsOf);
  const { results, at } = useTargetsNow();
  if (!region) return null;
  const r = region.data.region;
  const year = r.targets[0]?.deadline.slice(0, 4) ?? '';
  return (
    <section className="targets" aria-labelledby="targets-title" aria-busy={busy}>
      <h2 id="targets-title">{t.targetsTitle(year)}</h2>
      {report ? (
        <>
          {at ? (
            // Replaying, the figures below are those of the slider's date: the box says so, not the report's date.
            <p className="as-of as-of-replay" role="status" data-testid="targets-as-of">
              {t.replay_asOf(formatDate(at, lang))}{' '}
              <button type="button" onClick={() => store.getState().setReplayAt(null)}>
                {t.replay_exit}
              </button>
            </p>
          ) : (
            <label className="as-of" data-testid="targets-as-of">
              {t.asOfLabel}{' '}
              <DateInput value={report.asOf} max={r.asOf} onChange={setAsOf} />
            </label>
          )}
          {report.sample ? (
            <p className="badge-indicative" role="note">
              <strong>{t.sampleBadge}.</strong> {t.sampleExplain}
            </p>
          ) : null}
          {report.targets.map((res) => (
            <TargetCard key={res.target.id} r={results?.find((x) => x.target.id === res.target.id) ?? res} chart={res} region={r} asOf={at ?? report.asOf} cursor={at} />
          ))}
          {r.capital.parts.length > 0 ? <Capital c={report.capital} region={r} /> : null}
          <DocumentChecks checks={report.tables} region={r} />
          <RegionObligations region={r} clusterCount={region.data.sites.features.filter((f) => f.properties.kind === 'ccn' && !f.properties.expansionOf).length} />
        </>
      ) : (
        <p className="loading-inline">{t.loading}</p>
      )}
    </section>
  );
}
