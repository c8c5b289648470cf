// Field schemas shared by the region's files: bilingual text, ids, dates, web links, non-negative figures and
// the reference to a source that backs a figure. ./schema builds each file's schema from them.
import { z } from './z';

export const LocalizedText = z.object({
  vi: z.string().min(1, 'thiếu tiếng Việt'),
  en: z.string().min(1, 'thiếu tiếng Anh'),
});

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'phải là chuỗi chữ thường không dấu nối bằng "-" (vd. lc-tang-loong)');

export const isoDate = z
  .string()
  // abort: one message for a date written another way, not also "does not exist"
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'ngày phải theo dạng YYYY-MM-DD', abort: true })
  // A day the calendar has: Date.parse alone takes 2026-02-30 for 2 March.
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'ngày không tồn tại');

/**
 * A link the app shows to readers: web addresses only. A `javascript:` or `data:` address in a
 * province's file would otherwise become a clickable link that runs code.
 */
export const webUrl = z.url({ protocol: /^https?$/, error: 'liên kết phải là địa chỉ web bắt đầu bằng http:// hoặc https://' });

/** Which figure of a feature a source backs: lets the details panel show a source next to each figure. */
export const SourceField = z.enum([
  'location',
  'status',
  'phase',
  'declaredAreaHa',
  'investor',
  'decision',
  'investmentBnVnd',
  'occupancyPct',
  'wastewater',
  'commune',
  'lengthKmDeclared',
  'deadline',
  'households',
  'destination',
  'clearance',
  // Investor figures (a province's published cluster figures: leased land, enterprises…)
  'leasedHa',
  'availableHa',
  'enterprises',
  'industries',
  'yearEstablished',
  'infrastructure',
  'direction',
]);
export type SourceField = z.infer<typeof SourceField>;

export const SourceRef = z.object({
  /** id of an entry in region.json `sources` */
  doc: slug,
  /** section, page or table in that document */
  where: z.string().min(1).optional(),
  about: z.array(SourceField).min(1, 'phải nêu nguồn này chứng minh trường nào'),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const finiteNonNeg = z.number().finite().nonnegative();
