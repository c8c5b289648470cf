// Download names such as kcn-lao-cai-2026-11-22.csv: the region id is already an ASCII slug, so the
// name survives every file system and e-mail client.
export type ExportFormat = 'geojson' | 'csv' | 'kml' | 'png' | 'pdf';

/** Today's date in the user's time zone, YYYY-MM-DD (the day the file was made, not the data's date). */
export function localIsoDate(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function exportFileName(regionId: string, format: ExportFormat, date: Date = new Date()): string {
  return `kcn-${regionId}-${localIsoDate(date)}.${format}`;
}

export const MIME: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv;charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml',
  png: 'image/png',
  pdf: 'application/pdf',
};
