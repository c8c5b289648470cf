// A problem found in a region's files, as validation reports it: where (file, feature, field), the message for
// whoever edits the files, and what the in-app editor needs to word it itself.
import type { z } from './z';

export interface DataIssue {
  file: string;
  /** feature id, when the feature has one */
  featureId?: string;
  /** position of the feature in the file (0-based), when it is a feature */
  index?: number;
  /** dotted path of the field, e.g. `properties.declaredAreaHa` */
  field: string;
  /** for whoever edits the files (`npm run validate:data`): names files, keys and paths */
  message: string;
  /** the same problem for someone who edits in the app, not the files (features/editor/issueText): plain
   *  words in each language, no file keys; the editor adds where (the site) and which field */
  say?: { vi: string; en: string };
  /** a schema problem, as zod found it: the editor words it in the interface's language */
  zod?: ZodDetail;
}

/** What the editor needs of a zod issue to word it itself (zod's own messages mix in English type names). */
export interface ZodDetail {
  code: string;
  /** too_big / too_small: the bound, whether it is allowed, and what was measured (number, string, array) */
  bound?: number;
  inclusive?: boolean;
  origin?: string;
  /** invalid_type: what was expected (number, int, string…) */
  expected?: string;
}

export function zodDetail(e: z.core.$ZodIssue): ZodDetail {
  const r = e as unknown as Record<string, unknown>;
  const bound = typeof r['maximum'] === 'number' ? r['maximum'] : typeof r['minimum'] === 'number' ? r['minimum'] : typeof r['maximum'] === 'bigint' || typeof r['minimum'] === 'bigint' ? Number(r['maximum'] ?? r['minimum']) : undefined;
  return {
    code: e.code,
    ...(bound !== undefined ? { bound } : {}),
    ...(typeof r['inclusive'] === 'boolean' ? { inclusive: r['inclusive'] } : {}),
    ...(typeof r['origin'] === 'string' ? { origin: r['origin'] } : {}),
    ...(typeof r['expected'] === 'string' ? { expected: r['expected'] } : {}),
  };
}

export function formatIssue(issue: DataIssue): string {
  const where =
    issue.index === undefined
      ? ''
      : ` › đối tượng ${issue.featureId ? `"${issue.featureId}"` : ''} (thứ ${issue.index + 1})`;
  return `${issue.file}${where} › ${issue.field || '(cả tệp)'}: ${issue.message}`;
}

export function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}
