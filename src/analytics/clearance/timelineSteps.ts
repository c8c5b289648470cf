// A step of the date slider, in entries of the parcels' timeline (timeline.ts): which entries start
// or stop counting between the date shown and the next one. The map keeps one feature state per entry
// (shown or not), so a step costs the entries that change, not a walk over all of them.
//
// Rule 1 on an entry: it counts as of D when from ≤ D < until. Between dates lo < hi an entry changes
// its answer only if its `from` or its `until` lies in (lo, hi]: counting at hi but not at lo means it
// started within the step; counting at lo but not at hi means it ended within it. So both dates are
// searched once in the entries sorted by `from` and once sorted by `until` (built once per timeline),
// and only the entries between the two places are looked at. An entry with both dates in (lo, hi]
// counts at neither end and is left alone.
import { lastOnOrBefore } from './history';
import { shownAt } from './timeline';

/** The dates an entry counts between (its index in the list is its id). */
export interface Span {
  from: string;
  until: string;
}

/** The entries sorted by each of their two dates, for the searches. */
export interface SpanIndex {
  readonly spans: readonly Span[];
  /** entry indices in order of `from`, and the same entries in order of `until` */
  readonly byFrom: readonly number[];
  readonly byUntil: readonly number[];
}

export function spanIndex(spans: readonly Span[]): SpanIndex {
  const order = (k: keyof Span) =>
    spans
      .map((_, i) => i)
      .sort((a, b) => {
        const x = spans[a]![k];
        const y = spans[b]![k];
        return x < y ? -1 : x > y ? 1 : a - b;
      });
  return { spans, byFrom: order('from'), byUntil: order('until') };
}

/** Positions [start, end) in `order` of the entries whose date `k` lies in (lo, hi]. */
function between(index: SpanIndex, order: readonly number[], k: keyof Span, lo: string, hi: string): [number, number] {
  const at = (i: number) => index.spans[i]![k];
  return [lastOnOrBefore(order, lo, at) + 1, lastOnOrBefore(order, hi, at) + 1];
}

/** The entries that count as of `date` (rule 1), by index. */
export function shownIndices(index: SpanIndex, date: string): number[] {
  const out: number[] = [];
  const end = lastOnOrBefore(index.byFrom, date, (i) => index.spans[i]!.from) + 1;
  for (let k = 0; k < end; k++) {
    const i = index.byFrom[k]!;
    if (index.spans[i]!.until > date) out.push(i);
  }
  return out;
}

export interface StepChanges {
  /** entries that count at the new date but did not at the previous one */
  on: number[];
  /** entries that counted at the previous date and do not at the new one */
  off: number[];
}

/** What a step from `prev` to `next` (either direction) changes, by entry index. */
export function stepChanges(index: SpanIndex, prev: string, next: string): StepChanges {
  const on: number[] = [];
  const off: number[] = [];
  if (prev === next) return { on, off };
  const lo = prev < next ? prev : next;
  const hi = prev < next ? next : prev;
  for (const [order, k] of [
    [index.byFrom, 'from'],
    [index.byUntil, 'until'],
  ] as const) {
    const [start, end] = between(index, order, k, lo, hi);
    for (let p = start; p < end; p++) {
      const i = order[p]!;
      const s = index.spans[i]!;
      const was = shownAt(s, prev);
      const is = shownAt(s, next);
      if (was !== is) (is ? on : off).push(i);
    }
  }
  return { on, off };
}
