import { describe, expect, it } from 'vitest';
import { inclusionExclusion } from '../../../../src/analytics/clearance/inclusionExclusion';
import { mayOverlap, overlapGraph } from '../../../../src/analytics/clearance/overlapGraph';
import { relateToOutline } from '../../../../src/analytics/clearance/outline';
import { parseShape } from '../../../../src/analytics/clearance/model';
import { SegmentGrid } from '../../../../src/geo/segmentGrid';
import { cellOf, haOf, meet } from '../../../fixtures/clearance/builders';
import { box, member } from './parts.helpers';

describe('which parcels may overlap (overlapGraph)', () => {
  it('keeps parcels that tile (shared edges) apart, and links those that overlap', () => {
    const a = member('a', box(0, 0, 2, 2));
    const b = member('b', box(2, 0, 4, 2)); // shares a's east edge
    const c = member('c', box(3, 1, 5, 3)); // overlaps b
    expect(mayOverlap(a.shape, b.shape)).toBe(false);
    expect(mayOverlap(b.shape, c.shape)).toBe(true);
    const g = overlapGraph([a, b, c]);
    expect(g.components.map((x) => [...x].sort())).toEqual([[0], [1, 2]]);
    expect(g.adjacency([1, 2])).toEqual([[1], [0]]);
  });
});

describe('inclusion–exclusion', () => {
  it('gives A ∪ B with cleared winning over in progress, against the closed-form cell areas', () => {
    const A = box(0, 0, 3, 3);
    const B = box(2, 1, 5, 4);
    const sums = inclusionExclusion([member('a', A, 'cleared'), member('b', B, 'in-progress')], [[1], [0]])!;
    expect(sums.cleared).toBeCloseTo(haOf(A), 6);
    expect(sums['in-progress']).toBeCloseTo(haOf(B) - haOf(meet(A, B)), 6);
    expect(sums['not-started']).toBe(0);
  });
});

describe('a parcel against the site outline', () => {
  it('is inside, outside or crossing', () => {
    const outline = parseShape(cellOf(box(0, 0, 10, 10)));
    if (!outline.ok) throw new Error('outline');
    const grid = new SegmentGrid(outline.shape);
    expect(relateToOutline(member('in', box(1, 1, 2, 2)).shape, outline.shape, grid)).toBe('inside');
    expect(relateToOutline(member('out', box(11, 1, 12, 2)).shape, outline.shape, grid)).toBe('outside');
    expect(relateToOutline(member('cross', box(9, 1, 11, 2)).shape, outline.shape, grid)).toBe('cross');
  });
});
