// Text matching for Vietnamese: "tang loong" finds "Tằng Loỏng". Đ/đ is a letter of its own, not a
// D with a mark, so NFD leaves it alone and it is folded by hand.
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/** true when every word of the query appears in the text, ignoring diacritics and case */
export function matchesQuery(text: string, query: string): boolean {
  const hay = foldVietnamese(text);
  return foldVietnamese(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/**
 * Text to put inside XML or HTML markup: the five reserved characters as entities, control characters
 * dropped. For the few places that take markup (a KML file we write; MapLibre's attribution, which it
 * shows as HTML), so that text from a data file stays text.
 */
export function markupText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
