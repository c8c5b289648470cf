// An edit is accepted only when the edited region still passes the same validation as
// `npm run validate:data` (./validate): the same schema, the same cross-file checks, the same messages.
import { formatIssue, validateRegion, type DataIssue } from '../validate';
import type { RegionFiles } from '../types';
import { applyEdits, type Edit } from './edits';

export interface EditCheck {
  ok: boolean;
  /** the problems the new edits bring, worded as validate:data words them */
  issues: DataIssue[];
  messages: string[];
}

/** Checks `next` on top of the edits already kept; problems already there before `next` are not its fault. */
export function checkEdits(base: RegionFiles, kept: readonly Edit[], next: readonly Edit[]): EditCheck {
  const before = new Set(validateRegion(applyEdits(base, kept)).issues.map(formatIssue));
  const issues = validateRegion(applyEdits(base, [...kept, ...next])).issues.filter((i) => !before.has(formatIssue(i)));
  return { ok: issues.length === 0, issues, messages: issues.map(formatIssue) };
}
