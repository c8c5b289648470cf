// Source checks of a region's layers: every source a feature cites is listed in region.json › sources, and
// every figure shown is backed by a source naming it that is a document, not only a compiled table.
import type { FeatureCollection, Geometry } from 'geojson';
import type { DataIssue } from './dataIssue';
import { SAY_NO_SOURCE } from './investorChecks';
import type { SourceRef } from './schemaFields';

export function checkSources(
  file: string,
  fc: FeatureCollection<Geometry | null, { id: string; sources: SourceRef[] }>,
  known: Set<string>,
  issues: DataIssue[],
): void {
  fc.features.forEach((f, index) => {
    f.properties.sources.forEach((s, k) => {
      if (!known.has(s.doc)) {
        issues.push({
          file,
          index,
          featureId: f.properties.id,
          field: `properties.sources.${k}.doc`,
          message: `nguồn "${s.doc}" không có trong region.json › sources`,
          say: { vi: `văn bản "${s.doc}" không có trong danh sách văn bản nguồn của tỉnh`, en: `the document "${s.doc}" is not in the province's list of sources` },
        });
      }
    });
  });
}

/** Figures that must be backed by a source naming them (every figure the app shows traces to a source),
 *  and by a document: a table of ours (`compiled` in region.json › sources) cannot be a figure's only source. */
export function checkFigureSources(
  file: string,
  fc: FeatureCollection<Geometry | null, { id: string; sources: SourceRef[] } & Record<string, unknown>>,
  fields: readonly SourceRef['about'][number][],
  compiled: ReadonlySet<string>,
  issues: DataIssue[],
  /** the feature property that holds the figure, when it is not named like the field (clearance records) */
  present: (p: Record<string, unknown>, field: SourceRef['about'][number]) => boolean = (p, field) => p[field] !== undefined,
): void {
  fc.features.forEach((f, index) => {
    // Built on the first figure present only: most features of a large clearance file (parcels) have none.
    let backed: Set<string> | null = null;
    let byDocument: Set<string> | null = null;
    for (const field of fields) {
      if (!present(f.properties, field)) continue;
      backed ??= new Set(f.properties.sources.flatMap((s) => s.about));
      byDocument ??= new Set(f.properties.sources.filter((s) => !compiled.has(s.doc)).flatMap((s) => s.about));
      const at = { file, index, featureId: f.properties.id, field: `properties.${field}` };
      if (!backed.has(field)) {
        issues.push({ ...at, message: `có số liệu nhưng không nguồn nào ghi "about": ["${field}"]`, say: SAY_NO_SOURCE });
      } else if (!byDocument.has(field)) {
        issues.push({
          ...at,
          message: `số liệu chỉ dẫn bảng tổng hợp của dự án, chưa dẫn văn bản hoặc nguồn gốc (cần một nguồn "about": ["${field}"] là văn bản)`,
          say: { vi: 'số liệu chỉ dẫn bảng tổng hợp của dự án; cần dẫn một văn bản', en: 'the figure cites only the project\'s own compiled table; it needs a document' },
        });
      }
    }
  });
}
