// A target's figure in its unit, as the targets panel, slides and reports show it.
import type { TargetResult } from '../../analytics/targets';
import { formatHa, formatNumber, formatPct, type Lang } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';

export function formatTargetValue(r: TargetResult, v: number, lang: Lang): string {
  switch (r.target.unit) {
    case 'ha':
      return formatHa(v, lang);
    case 'pct':
      return formatPct(v, lang);
    default:
      return formatNumber(v, lang);
  }
}

/**
 * "Đã đạt" / "Chưa đạt", with the sample label inside the same words when the figure rests on sample
 * data: wherever a verdict is shown (panel, slide, kiosk, report, PDF) it cannot be read without it.
 */
export function verdictText(r: TargetResult, t: Messages): string | null {
  const v = r.met === true ? t.targetMet : r.met === false ? t.targetNotMet : null;
  if (v === null) return null;
  return r.sample ? t.sample_verdict(v) : v;
}

/** The pace sentence ("kịp chỉ tiêu…"), qualified the same way on sample data. */
export function paceText(r: TargetResult, t: Messages, lang: Lang): string | null {
  if (!r.pace) return null;
  const s = (r.pace.reaches ? t.paceReaches : t.paceMisses)(formatTargetValue(r, r.pace.projected, lang));
  return r.sample ? `${t.sample_verdict(s.replace(/\.$/, ''))}.` : s;
}
