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
