// The region's targets as of a date of the replay, from the report's frames: the same evaluation as
// the report (evaluateTargets), fed with the figures of the frame that holds at each date asked for,
// so a step of the slider costs a lookup, not a new report.
import type { RegionData } from '../domain/types';
import { frameAt, type ReplayFrame } from './clearance/timeline';
import { evaluateTargets, type ClearanceAt, type TargetResult } from './targets';

const NONE: ClearanceAt = { clearedHa: 0, inProgressHa: 0, remainingHa: null, sample: false, siteIds: [] };

/** Province figures as of `date` from the frames (none before the first date of the data). */
export function clearanceAtFrames(frames: readonly ReplayFrame[]): (date: string) => ClearanceAt {
  return (date) => {
    const f = frameAt(frames, date);
    if (!f) return NONE;
    return { clearedHa: f.province.clearedHa, inProgressHa: f.province.inProgressHa, remainingHa: f.province.remainingHa, sample: f.province.sample, siteIds: f.siteIds };
  };
}

export function targetsAt(data: RegionData, frames: readonly ReplayFrame[], date: string): TargetResult[] {
  return evaluateTargets(data, { asOf: date, clearanceAt: clearanceAtFrames(frames), clearanceDates: frames.map((f) => f.date) });
}
