// What the documents order, beside what they count: tasks (tasks.json), standing rules, reporting
// duties and the legal basis (region.json). Each carries its source; a deadline is only ever the
// document's own — "theo lộ trình", "từng bước" or "kịp thời" are kept as words, with no date.
import { z } from './z';
import { isoDate, LocalizedText, slug } from './schemaFields';

/** Where in a document: a task, rule or duty without one is refused (a deadline must trace to its text). */
export const DocRef = z.object(
  {
    doc: slug,
    where: z.string().min(1, 'phải nêu mục, trang hoặc bảng của văn bản'),
  },
  { error: 'thiếu nguồn (doc, where)' },
);
export type DocRef = z.infer<typeof DocRef>;

/**
 * A deadline as the document words it. "by" is "chậm nhất ngày X" (X itself still in time);
 * "before" is "trước ngày X" (the day before X is the last); "in-month"/"in-year" are "trong tháng
 * 10/2025" / "trong năm 2026"; "none" is a task the document gives no date ("theo lộ trình",
 * "từng bước", "kịp thời", "sớm"): it never gets a date or a countdown.
 */
export const TaskDeadline = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('by'), date: isoDate }),
  z.object({ kind: z.literal('before'), date: isoDate }),
  z.object({ kind: z.literal('in-month'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'tháng phải theo dạng YYYY-MM') }),
  z.object({ kind: z.literal('in-year'), year: z.number().int().min(2000).max(2100) }),
  z.object({ kind: z.literal('none') }),
]);
export type TaskDeadline = z.infer<typeof TaskDeadline>;

export const Task = z.object({
  id: slug,
  /** who must do it, as the document names the agency */
  agency: LocalizedText,
  what: LocalizedText,
  /** the sites it concerns (none for a province-wide task) */
  siteIds: z.array(slug).default([]),
  deadline: TaskDeadline,
  /** the document's own words for the deadline, e.g. "chậm nhất ngày 10/10/2025", "theo lộ trình" */
  wording: LocalizedText,
  /** reported as done, with the report that says so; without it the task is open as of the data date */
  done: z.object({ asOf: isoDate, source: DocRef }).optional(),
  source: DocRef,
  note: LocalizedText.optional(),
});
export type Task = z.infer<typeof Task>;

export const TasksFile = z.object({ tasks: z.array(Task) });

/** A standing condition that governs parks (revocation after two missed years, no operation before the wastewater plant…). */
export const Rule = z.object({
  id: slug,
  text: LocalizedText,
  /** the kinds of site it governs; siteIds narrows it to named sites */
  kinds: z.array(z.enum(['kcn', 'ccn'])).min(1),
  siteIds: z.array(slug).optional(),
  /** "new" or "existing" parks only (eco criteria), or those already operating (wastewater, pollution) */
  stage: z.enum(['new', 'existing', 'operating']).optional(),
  source: DocRef,
});
export type Rule = z.infer<typeof Rule>;

/** A recurring report: "trước ngày 20 hằng tháng", "trước ngày 30/11 hằng năm", or monthly with no day. */
export const ReportingDuty = z.object({
  id: slug,
  who: LocalizedText,
  to: LocalizedText,
  schedule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('monthly-before'), day: z.number().int().min(1).max(28) }),
    z.object({ kind: z.literal('yearly-before'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
    /** the document says monthly but names no day: no due date is made up */
    z.object({ kind: z.literal('monthly') }),
  ]),
  wording: LocalizedText,
  source: DocRef,
});
export type ReportingDuty = z.infer<typeof ReportingDuty>;

/** A decree or decision a document rests on ("Căn cứ …"), listed with the region's sources. */
export const LegalBasis = z.object({
  id: slug,
  number: z.string().min(1),
  title: LocalizedText,
  date: isoDate.optional(),
  citedBy: DocRef,
});
export type LegalBasis = z.infer<typeof LegalBasis>;

/** Where two passages of the documents disagree: both are shown, neither is silently chosen. */
export const DocumentInconsistency = z.object({
  id: slug,
  text: LocalizedText,
  siteIds: z.array(slug).optional(),
  sources: z.array(DocRef).min(1),
});
export type DocumentInconsistency = z.infer<typeof DocumentInconsistency>;
