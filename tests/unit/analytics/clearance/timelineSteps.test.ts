// A step of the date slider in timeline entries (analytics/clearance/timelineSteps.ts): the entries
// that start or stop counting between two dates, forwards and backwards, for the same date, before the
// first entry and after the last, against a brute-force walk over every entry with rule 1 written out
// here. On the shipped Lào Cai data and on generated spans with many shared dates.
import { describe, expect, it } from 'vitest';
import { parcelTimeline, OPEN_END } from '../../../../src/analytics/clearance/timeline';
import { shownIndices, spanIndex, stepChanges, type Span } from '../../../../src/analytics/clearance/timelineSteps';
import { laoCai } from '../../../fixtures/laoCai';

/** Brute force: every entry, rule 1 written out (from ≤ D and D before until). */
function countingAt(spans: readonly Span[], date: string): Set<number> {
  const out = new Set<number>();
  spans.forEach((s, i) => {
    if (s.from <= date && date < s.until) out.add(i);
  });
  return out;
}

function expected(spans: readonly Span[], prev: string, next: string): { on: number[]; off: number[] } {
  const a = countingAt(spans, prev);
  const b = countingAt(spans, next);
  return { on: [...b].filter((i) => !a.has(i)).sort((x, y) => x - y), off: [...a].filter((i) => !b.has(i)).sort((x, y) => x - y) };
}

const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);

function day(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

describe('a step of the date slider, in timeline entries (Lào Cai)', () => {
  const timeline = parcelTimeline(laoCai().data.clearance);
  const spans = timeline.features.map((f) => f.properties);
  const index = spanIndex(spans);
  const froms = [...new Set(spans.map((s) => s.from))].sort();
  const first = froms[0]!;
  const last = froms[froms.length - 1]!;
  // Every date an entry starts or ends, the days either side, before the first and after the last.
  const dates = [...new Set([day(first, -400), day(first, -1), ...froms.flatMap((d) => [day(d, -1), d, day(d, 1)]), day(last, 300)])].sort();

  it('the data has entries that end (a parcel with several dated entries), else this proves little', () => {
    expect(spans.filter((s) => s.until !== OPEN_END).length).toBeGreaterThan(2);
    expect(froms.length).toBeGreaterThan(2);
  });

  it('the entries counting at a date are the brute-force ones', () => {
    for (const d of dates) expect(sorted(shownIndices(index, d)), d).toEqual([...countingAt(spans, d)].sort((x, y) => x - y));
  });

  it('between any two of those dates, both ways, the entries turned on and off are the brute-force ones', () => {
    let changedSteps = 0;
    for (const a of dates) {
      for (const b of dates) {
        const got = stepChanges(index, a, b);
        const want = expected(spans, a, b);
        expect({ on: sorted(got.on), off: sorted(got.off) }, `${a} → ${b}`).toEqual(want);
        if (want.on.length + want.off.length > 0) changedSteps++;
      }
    }
    expect(changedSteps).toBeGreaterThan(dates.length);
  });

  it('the same date changes nothing; a step and its way back swap on and off', () => {
    for (const d of dates) expect(stepChanges(index, d, d)).toEqual({ on: [], off: [] });
    const a = froms[1]!;
    const b = last;
    const there = stepChanges(index, a, b);
    const back = stepChanges(index, b, a);
    expect(there.on.length + there.off.length).toBeGreaterThan(0);
    expect(sorted(back.on)).toEqual(sorted(there.off));
    expect(sorted(back.off)).toEqual(sorted(there.on));
  });

  it('before the first entry nothing counts; from there to after the last, the latest entries come on', () => {
    const before = day(first, -1);
    const after = day(last, 300);
    expect(shownIndices(index, before)).toEqual([]);
    const c = stepChanges(index, before, after);
    expect(c.off).toEqual([]);
    expect(sorted(c.on)).toEqual(spans.flatMap((s, i) => (s.until === OPEN_END ? [i] : [])));
    // Two dates both before the first, or both after the last: nothing to do.
    expect(stepChanges(index, day(first, -400), before)).toEqual({ on: [], off: [] });
    expect(stepChanges(index, day(last, 1), after)).toEqual({ on: [], off: [] });
  });
});

describe('a step of the date slider, in generated spans with shared dates', () => {
  // A small deterministic generator: parcels with 1–4 entries on a handful of dates (many ties).
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pool = ['2026-01-01', '2026-01-15', '2026-02-01', '2026-03-31', '2026-06-30', '2026-07-01', '2026-09-30'];
  const spans: Span[] = [];
  for (let p = 0; p < 300; p++) {
    const picked = [...new Set(Array.from({ length: 1 + rand(4) }, () => pool[rand(pool.length)]!))].sort();
    picked.forEach((from, k) => spans.push({ from, until: picked[k + 1] ?? OPEN_END }));
  }
  const index = spanIndex(spans);
  const dates = ['2025-12-31', ...pool, '2026-05-05', '2027-01-01'];

  it('matches the brute force for every pair of dates', () => {
    for (const a of dates) {
      for (const b of dates) {
        const got = stepChanges(index, a, b);
        expect({ on: sorted(got.on), off: sorted(got.off) }, `${a} → ${b}`).toEqual(expected(spans, a, b));
      }
    }
  });

  it('a step looks only at the entries whose dates lie within it (a short step reports few)', () => {
    const c = stepChanges(index, '2026-06-30', '2026-07-01');
    const starting = spans.filter((s) => s.from === '2026-07-01').length;
    const ending = spans.filter((s) => s.until === '2026-07-01').length;
    expect(c.on.length + c.off.length).toBe(starting + ending);
    expect(c.on.length + c.off.length).toBeLessThan(spans.length / 4);
  });
});
