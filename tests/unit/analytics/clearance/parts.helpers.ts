// Shared by the tests of the clearance parts: a parcel as the parts see it (an entry with its
// parsed shape), built from the fixtures' boxes.
import type { Feature, Geometry } from 'geojson';
import type { ClearanceProperties, ClearanceStatus } from '../../../../src/domain/schema';
import { parseShape, type Entry, type Member, type Parcel } from '../../../../src/analytics/clearance/model';
import { cellOf, parcel, type Box } from '../../../fixtures/clearance/builders';

export const U = 0.001;
export const box = (x1: number, y1: number, x2: number, y2: number): Box => [104.2 + x1 * U, 22.2 + y1 * U, 104.2 + x2 * U, 22.2 + y2 * U];

export function entryOf(f: Feature<Geometry | null, ClearanceProperties>, order = 0): Entry {
  return { props: f.properties, geometry: f.geometry, order, duplicated: false };
}

export function member(id: string, b: Box, status: ClearanceStatus = 'cleared'): Member {
  const e = entryOf(parcel(id, 'khu-a', '2026-03-31', status, cellOf(b))) as Parcel;
  const s = parseShape(e.geometry);
  if (!s.ok) throw new Error(`bad test parcel ${id}`);
  return { entry: e, shape: s.shape };
}
