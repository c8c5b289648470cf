// String order by UTF-16 code units, not localeCompare: the same on every machine and locale, so the layers
// are sorted, and written, identically wherever the build runs.
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
