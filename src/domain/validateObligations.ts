// Checks of what the documents order (tasks.json; rules, reporting duties, legal basis, plan figures
// in region.json) against the region's sources and sites. Every deadline and every figure must cite a
// document: a source marked `compiled` (a table of ours) is refused as the only source.
import type { DataIssue as Issue } from './dataIssue';
import { TasksFile, type Task } from './obligations';
import type { Region } from './schema';

const pathOf = (path: readonly PropertyKey[]) => path.map((p) => String(p)).join('.');

/** tasks.json is optional; when present it must hold `{ "tasks": [...] }` with unique ids. */
export function parseTasks(json: unknown, issues: Issue[]): Task[] {
  if (json === undefined) return [];
  const parsed = TasksFile.safeParse(json);
  if (!parsed.success) {
    for (const e of parsed.error.issues) issues.push({ file: 'tasks.json', field: pathOf(e.path), message: e.message });
    return [];
  }
  const seen = new Map<string, number>();
  parsed.data.tasks.forEach((task, i) => {
    const prev = seen.get(task.id);
    if (prev !== undefined) issues.push({ file: 'tasks.json', field: `tasks.${i}.id`, message: `mã "${task.id}" trùng với nhiệm vụ thứ ${prev + 1}` });
    else seen.set(task.id, i);
  });
  return parsed.data.tasks;
}

export function checkObligations(region: Region, tasks: readonly Task[], siteIds: ReadonlySet<string>, issues: Issue[]): void {
  const compiled = new Set(Object.entries(region.sources).filter(([, s]) => s.compiled).map(([k]) => k));
  const doc = (file: string, d: string, field: string) => {
    if (!(d in region.sources)) issues.push({ file, field, message: `nguồn "${d}" không có trong region.json › sources` });
    else if (compiled.has(d)) issues.push({ file, field, message: `"${d}" là bảng tổng hợp của dự án, không phải văn bản: hạn và số liệu phải dẫn văn bản` });
  };
  // validate.ts already reports unknown sources of targets and capital lines; here only a compiled one.
  const notCompiled = (d: string, field: string) => {
    if (compiled.has(d)) issues.push({ file: 'region.json', field, message: `"${d}" là bảng tổng hợp của dự án, không phải văn bản: hạn và số liệu phải dẫn văn bản` });
  };
  const site = (file: string, id: string, field: string) => {
    if (!siteIds.has(id)) issues.push({ file, field, message: `khu/cụm "${id}" không có trong sites.geojson` });
  };

  tasks.forEach((task, i) => {
    doc('tasks.json', task.source.doc, `tasks.${i}.source.doc`);
    if (task.done) doc('tasks.json', task.done.source.doc, `tasks.${i}.done.source.doc`);
    task.siteIds.forEach((id, k) => site('tasks.json', id, `tasks.${i}.siteIds.${k}`));
  });

  // Deadlines of targets and figures of region.json: each must cite a document.
  region.targets.forEach((t, i) => {
    notCompiled(t.source.doc, `targets.${i}.source.doc`);
    if (t.entered) doc('region.json', t.entered.source.doc, `targets.${i}.entered.source.doc`);
  });
  region.capital.parts.forEach((p, i) => p.lines.forEach((l, j) => notCompiled(l.source.doc, `capital.parts.${i}.lines.${j}.source.doc`)));
  region.rules.forEach((r, i) => {
    doc('region.json', r.source.doc, `rules.${i}.source.doc`);
    r.siteIds?.forEach((id, k) => site('region.json', id, `rules.${i}.siteIds.${k}`));
  });
  region.reportingDuties.forEach((d, i) => doc('region.json', d.source.doc, `reportingDuties.${i}.source.doc`));
  region.legalBasis.forEach((b, i) => doc('region.json', b.citedBy.doc, `legalBasis.${i}.citedBy.doc`));
  region.planFigures.forEach((f, i) => doc('region.json', f.source.doc, `planFigures.${i}.source.doc`));
  region.inconsistencies.forEach((c, i) => {
    c.sources.forEach((s, k) => doc('region.json', s.doc, `inconsistencies.${i}.sources.${k}.doc`));
    c.siteIds?.forEach((id, k) => site('region.json', id, `inconsistencies.${i}.siteIds.${k}`));
  });
}
