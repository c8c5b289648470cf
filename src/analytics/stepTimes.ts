// Where the report's time goes, step by step (parse and validate, history, latest entry, overlap graph,
// dissolve, totals…): each step's time is added up while a report is built, and the worker hands the
// split back with its answer so the benchmark can say which step to cut. A few clock reads per site,
// not per parcel: cheap enough to leave on.

const times = new Map<string, number>();

/** Runs `fn`, adding its time to `step`. */
export function timed<T>(step: string, fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    times.set(step, (times.get(step) ?? 0) + performance.now() - t0);
  }
}

/** The time of each step since the last call (ms), in the order the steps first ran; starts afresh. */
export function takeStepTimes(): Record<string, number> {
  const out = Object.fromEntries(times);
  times.clear();
  return out;
}
