// Number and date formatting for the interface language (vi-VN: 1.156,77 ha; en: 1,156.77 ha).
export type Lang = 'vi' | 'en';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function localeOf(lang: Lang): string {
  return LOCALE[lang];
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(x: number, lang: Lang, fractionDigits = 0): string {
  return nf(lang, fractionDigits, fractionDigits).format(x);
}

/** Hectares with two decimals, the precision of Vietnamese planning tables. */
export function formatHa(x: number, lang: Lang): string {
  return `${nf(lang, 2, 2).format(x)} ha`;
}

export function formatKm(x: number, lang: Lang): string {
  return `${nf(lang, 0, 2).format(x)} km`;
}

/**
 * Billions of VND at the precision the figure carries: a document's 285.892 triệu đồng is 285,892 tỷ,
 * never rounded to 285,89 on display. Six decimals reach the đồng-level precision a triệu figure can
 * have while hiding the float noise of a sum.
 */
export function formatBnVnd(x: number, lang: Lang): string {
  return `${nf(lang, 0, 6).format(x)} ${lang === 'vi' ? 'tỷ đồng' : 'billion VND'}`;
}

export function formatPct(x: number, lang: Lang): string {
  return `${nf(lang, 0, 1).format(x)}%`;
}

/** ISO date (YYYY-MM-DD) as the language writes it: 19/06/2026 or 19 Jun 2026. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: '2-digit',
    month: lang === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Millions of USD for an amount in tỷ đồng (10⁹ VND) at a rate in VND per USD. */
export function usdMillions(bnVnd: number, vndPerUsd: number): number {
  return (bnVnd * 1e9) / vndPerUsd / 1e6;
}
