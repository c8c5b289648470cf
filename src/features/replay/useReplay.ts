// What the date slider shows, read by the bar, the targets panel, the fact sheet and the slides: the
// date replayed (or null for today), its span, and the targets as of that date from the report's frames.
import { useMemo } from 'react';
import { daysBetween, type TargetResult } from '../../analytics/targets';
import { targetsAt } from '../../analytics/replayTargets';
import type { AppState } from '../../store/state';
import { useAppStore } from '../../store/context';

export interface ReplaySpan {
  /** the period start of the cleared-land target, else the first snapshot */
  start: string;
  /** the data date */
  end: string;
  days: number;
}

/** The slider's span, or null while there is nothing to replay (no report yet, no dated clearance data). */
export function replaySpan(s: Pick<AppState, 'region' | 'report'>): ReplaySpan | null {
  const region = s.region;
  const frames = s.report?.frames;
  if (!region || !frames || frames.length === 0) return null;
  const end = region.data.region.asOf;
  const target = region.data.region.targets.find((t) => t.metric === 'clearedHa');
  const start = target?.periodStart ?? frames[0]!.date;
  if (start >= end) return null;
  return { start, end, days: daysBetween(start, end) };
}

/** The targets as of the replayed date (the report's own while not replaying); null until the report is here. */
export function useTargetsNow(): { results: TargetResult[] | null; at: string | null } {
  const region = useAppStore((s) => s.region);
  const report = useAppStore((s) => s.report);
  const at = useAppStore((s) => s.replayAt);
  const results = useMemo(() => {
    if (!report) return null;
    if (at === null || !region || report.regionId !== region.data.region.id) return report.targets;
    return targetsAt(region.data, report.frames, at);
  }, [region, report, at]);
  return { results, at };
}
