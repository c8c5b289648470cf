// A target's figure in its unit, as the targets panel, slides and reports show it.
import type { TargetResult } from '../../analytics/targets';
import { formatHa, formatNumber, formatPct, type Lang } from '../../i18n/format';

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
