// The date slider over the map (issue 18): scrub or play the cleared land from the period start to the
// data date; the map, the targets panel, the burn-up chart's cursor and the fact sheet follow. The
// slider is a native range input (arrows step a day, Page Up/Down a month, Home/End the ends), and its
// accessible value is the date as the interface writes it (dd/mm/yyyy).
import { useEffect, useMemo } from 'react';
import { addDays, daysBetween } from '../../analytics/targets';
import { dayMonthYear } from '../../i18n/DateInput';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { ReplaySpeed } from '../../store/slices/replay';
import { formatTargetValue } from '../targets/formatTarget';
import { ReplayExport } from './ReplayExport';
import { replaySpan, useTargetsNow } from './useReplay';

/** days the slider moves per tick while playing */
export const DAYS_PER_TICK: Record<ReplaySpeed, number> = { slow: 3, fast: 12 };
const TICK_MS = 200;
const PAGE_DAYS = 30;

export function ReplayBar() {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const region = useAppStore((s) => s.region);
  const report = useAppStore((s) => s.report);
  // Selected as its parts: a selector building a new object each time would re-render without end.
  const span = useMemo(() => replaySpan({ region, report }), [region, report]);
  const at = useAppStore((s) => s.replayAt);
  const reportAsOf = report?.asOf ?? null;
  const playing = useAppStore((s) => s.replayPlaying);
  // A kiosk's visitors watch the replay; saving files is the presenter's, as the other authoring controls.
  const kiosk = useAppStore((s) => s.presenting && s.kiosk);
  const { results } = useTargetsNow();

  // The clock: each tick moves the date on; playing stops at the end of its range.
  useEffect(() => {
    if (!playing || !span) return;
    const stop = playing.to && playing.to < span.end ? playing.to : span.end;
    const id = setInterval(() => {
      const s = store.getState();
      const from = s.replayAt ?? span.start;
      const next = addDays(from, DAYS_PER_TICK[playing.speed]);
      if (next >= stop) {
        s.setReplayAt(stop);
        s.pauseReplay();
      } else s.setReplayAt(next);
    }, TICK_MS);
    return () => clearInterval(id);
  }, [playing, span, store]);

  if (!span) return null;
  const current = at ?? (reportAsOf && reportAsOf >= span.start && reportAsOf <= span.end ? reportAsOf : span.end);
  const value = daysBetween(span.start, current);
  const cleared = results?.find((r) => r.target.metric === 'clearedHa') ?? null;
  const setDay = (d: number) => store.getState().setReplayAt(addDays(span.start, Math.max(0, Math.min(span.days, d))));
  const play = (speed: ReplaySpeed) => {
    // From the start again when at the end: a replay that cannot move would look broken.
    const from = at === null || at >= span.end ? span.start : undefined;
    store.getState().playReplay({ speed, ...(from ? { from } : {}) });
  };
  return (
    <section className="replay-bar panel" aria-label={t.replay_label} data-testid="replay-bar">
      <div className="replay-row">
        <strong className="replay-date" data-testid="replay-date">
          {t.replay_date(formatDate(current, lang))}
        </strong>
        <span className="replay-total" data-testid="replay-total">
          {cleared && cleared.value !== null ? (
            <>
              {t.replay_cleared}: <b>{formatTargetValue(cleared, cleared.value, lang)}</b>
              {cleared.target.value !== null ? ` / ${t.replay_goal(formatTargetValue(cleared, cleared.target.value, lang))}` : ''}
              {cleared.sample ? <span className="badge badge-sample">{t.sampleBadge}</span> : null}
            </>
          ) : (
            <>
              {t.replay_cleared}: <span className="missing">{t.replay_noData}</span>
            </>
          )}
        </span>
      </div>
      <div className="replay-row">
        <button
          type="button"
          onClick={() => (playing ? store.getState().pauseReplay() : play(playing ?? 'slow'))}
          aria-pressed={!!playing}
          data-testid="replay-play"
        >
          {playing ? t.replay_pause : t.replay_play}
        </button>
        <span role="group" aria-label={t.replay_speed} className="replay-speeds">
          {(['slow', 'fast'] as const).map((sp) => (
            <button
              key={sp}
              type="button"
              aria-pressed={playing?.speed === sp}
              onClick={() => play(sp)}
              data-testid={`replay-${sp}`}
            >
              {sp === 'slow' ? t.replay_slow : t.replay_fast}
            </button>
          ))}
        </span>
        <input
          type="range"
          className="replay-slider"
          min={0}
          max={span.days}
          step={1}
          value={value}
          aria-label={t.replay_slider}
          aria-valuetext={dayMonthYear(current)}
          data-testid="replay-slider"
          onChange={(e) => setDay(Number(e.target.value))}
          onKeyDown={(e) => {
            // A month per Page key: the native step of a day is too fine to cross a year.
            if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
            e.preventDefault();
            setDay(value + (e.key === 'PageUp' ? PAGE_DAYS : -PAGE_DAYS));
          }}
        />
        <button type="button" onClick={() => store.getState().setReplayAt(null)} disabled={at === null} title={t.replay_todayHint} data-testid="replay-today">
          {t.replay_today}
        </button>
        {kiosk ? null : <ReplayExport span={span} />}
      </div>
    </section>
  );
}
