// The edits as a JSON Patch (RFC 6902) per file of the region folder: a reviewer can read it, and it
// applies to the shipped files with any JSON Patch tool or with applyRegionPatch below.
import { REGION_FILES, type RegionFileKey } from '../regionFiles';
import type { RegionFiles } from '../types';

export type PatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

export interface RegionPatch {
  /** the region folder the patch applies to */
  region: string;
  /** file name in the folder → operations on that file */
  files: Partial<Record<string, PatchOperation[]>>;
}

const pointer = (parts: readonly (string | number)[]) =>
  parts.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diff(a: unknown, b: unknown, at: (string | number)[], out: PatchOperation[]): void {
  if (same(a, b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ op: 'remove', path: pointer([...at, k]) });
    for (const k of Object.keys(b)) {
      if (!(k in a)) out.push({ op: 'add', path: pointer([...at, k]), value: b[k] });
      else diff(a[k], b[k], [...at, k], out);
    }
    return;
  }
  // Arrays of objects (features, tasks) change item by item; arrays of plain values are one value.
  if (Array.isArray(a) && Array.isArray(b) && a.some(isObject)) {
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i++) diff(a[i], b[i], [...at, i], out);
    for (let i = common; i < b.length; i++) out.push({ op: 'add', path: pointer([...at, '-']), value: b[i] });
    // Removed from the end first, so each index is still valid when its turn comes.
    for (let i = a.length - 1; i >= common; i--) out.push({ op: 'remove', path: pointer([...at, i]) });
    return;
  }
  out.push({ op: 'replace', path: pointer(at), value: b });
}

/** The operations that turn the shipped files into the edited ones; files left as they were are omitted. */
export function makeRegionPatch(regionId: string, base: RegionFiles, edited: RegionFiles): RegionPatch {
  const files: RegionPatch['files'] = {};
  for (const [key, name] of Object.entries(REGION_FILES) as [RegionFileKey, string][]) {
    const ops: PatchOperation[] = [];
    const before = base[key];
    const after = edited[key];
    if (before === undefined && after !== undefined) ops.push({ op: 'add', path: '', value: after });
    else diff(before, after, [], ops);
    if (ops.length > 0) files[name] = ops;
  }
  return { region: regionId, files };
}

function unescape(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

export class PatchError extends Error {}

function applyOp(doc: unknown, op: PatchOperation): unknown {
  if (op.path === '') {
    if (op.op === 'remove') return undefined;
    return structuredClone(op.value);
  }
  const parts = op.path.slice(1).split('/').map(unescape);
  const last = parts.pop()!;
  let parent: unknown = doc;
  for (const p of parts) {
    parent = Array.isArray(parent) ? parent[Number(p)] : isObject(parent) ? parent[p] : undefined;
    if (parent === undefined) throw new PatchError(`không tìm thấy ${op.path}`);
  }
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new PatchError(`vị trí không hợp lệ: ${op.path}`);
    if (op.op === 'add') parent.splice(i, 0, structuredClone(op.value));
    else if (op.op === 'replace') parent[i] = structuredClone(op.value);
    else parent.splice(i, 1);
  } else if (isObject(parent)) {
    if (op.op === 'remove') delete parent[last];
    else parent[last] = structuredClone(op.value);
  } else {
    throw new PatchError(`không tìm thấy ${op.path}`);
  }
  return doc;
}

/** Applies a patch made by makeRegionPatch to the shipped files; the input is left as it was. */
export function applyRegionPatch(base: RegionFiles, patch: RegionPatch): RegionFiles {
  const files = structuredClone(base) as unknown as Record<RegionFileKey, unknown>;
  for (const [key, name] of Object.entries(REGION_FILES) as [RegionFileKey, string][]) {
    for (const op of patch.files[name] ?? []) files[key] = applyOp(files[key], op);
  }
  return files as unknown as RegionFiles;
}
