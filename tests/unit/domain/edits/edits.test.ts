// The data editor's edits: applied over the shipped files without touching them, accepted only when
// the region still passes validate:data's checks (refused with its messages), shown as a diff and
// written as a JSON patch that rebuilds the edited files.
import { describe, expect, it } from 'vitest';
import '../../../../src/domain/zodVietnamese';
import { readRegionFiles } from '../../../../scripts/regionFs';
import { applyEdits, progressRecordId, slugify, type Edit } from '../../../../src/domain/edits/edits';
import { checkEdits } from '../../../../src/domain/edits/checkEdits';
import { diffRegionFiles } from '../../../../src/domain/edits/regionDiff';
import { applyRegionPatch, makeRegionPatch } from '../../../../src/domain/edits/jsonPatch';
import { validateRegion } from '../../../../src/domain/validate';

const base = readRegionFiles('lao-cai');
const frozen = JSON.stringify(base);
const SITE = 'lc-kcn-tang-loong';

type Site = { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[] } };
const siteOf = (files: typeof base, id = SITE) => (files.sites as { features: Site[] }).features.find((f) => f.properties['id'] === id)!;

// A dated document of the region (occupancy needs one) and a new, dated monthly report.
const newReport: Edit = { op: 'document', id: 'bc-thang-5-2026', doc: { title: { vi: 'Báo cáo tháng 5/2026 của Ban Quản lý', en: 'May 2026 report' }, date: '2026-05-31' } };
const occupancy = (value: number, doc = 'bc-thang-5-2026'): Edit[] => [
  { op: 'site-field', siteId: SITE, field: 'occupancyPct', value },
  { op: 'site-source', siteId: SITE, source: { doc, where: 'biểu 1', about: ['occupancyPct'] } },
];

describe('applying and checking edits', () => {
  it('an accepted edit changes the edited copy only, and the result passes validate:data', () => {
    const edits = [newReport, ...occupancy(62.5)];
    const check = checkEdits(base, [], edits);
    expect(check).toEqual({ ok: true, issues: [], messages: [] });
    const edited = applyEdits(base, edits);
    expect(siteOf(edited).properties['occupancyPct']).toBe(62.5);
    expect(siteOf(base).properties['occupancyPct']).toBeUndefined();
    expect(JSON.stringify(base)).toBe(frozen);
    expect(validateRegion(edited).data).not.toBeNull();
  });

  it('refuses an occupancy over 100 % with the validator’s message naming file, site and field', () => {
    const check = checkEdits(base, [], [newReport, ...occupancy(150)]);
    expect(check.ok).toBe(false);
    expect(check.messages).toHaveLength(1);
    expect(check.messages[0]).toMatch(/^sites\.geojson › đối tượng "lc-kcn-tang-loong" \(thứ \d+\) › properties\.occupancyPct: /);
    expect(check.messages[0]).toContain('100');
  });

  it('refuses an investor figure whose document has no date, as validate:data does', () => {
    const undated: Edit = { op: 'document', id: 'bc-khong-ngay', doc: { title: { vi: 'Báo cáo không ghi ngày', en: 'Undated report' } } };
    const check = checkEdits(base, [], [undated, ...occupancy(40, 'bc-khong-ngay')]);
    expect(check.ok).toBe(false);
    expect(check.messages.join('\n')).toContain('không có ngày');
  });

  it('refuses leased land larger than the declared area', () => {
    const declared = siteOf(base).properties['declaredAreaHa'] as number;
    const check = checkEdits(base, [], [newReport, { op: 'site-field', siteId: SITE, field: 'leasedHa', value: declared + 1 }, { op: 'site-source', siteId: SITE, source: { doc: 'bc-thang-5-2026', about: ['leasedHa'] } }]);
    expect(check.messages.join('\n')).toContain(`lớn hơn diện tích công bố ${declared} ha`);
  });

  it('refuses a point given in VN-2000 metres, keeps one moved inside the province', () => {
    const bad = checkEdits(base, [], [{ op: 'move', siteId: SITE, point: [2_466_000, 451_000] }]);
    expect(bad.ok).toBe(false);
    expect(bad.messages.join('\n')).toContain('VN-2000');
    const good: Edit[] = [{ op: 'move', siteId: SITE, point: [104.15, 22.3] }];
    expect(checkEdits(base, [], good).ok).toBe(true);
    expect(siteOf(applyEdits(base, good)).geometry.coordinates).toEqual([104.15, 22.3]);
  });

  it('a progress record goes to clearance.geojson with its source; a second one for the same date replaces it', () => {
    const record = (clearedHa: number): Edit => ({ op: 'progress', record: { siteId: SITE, asOf: '2026-05-31', clearedHa, remainingHa: 10, doc: 'bc-thang-5-2026', where: 'biểu 2' } });
    const edits = [newReport, record(120), record(125)];
    expect(checkEdits(base, [], edits).ok).toBe(true);
    const feats = (applyEdits(base, edits).clearance as { features: { properties: Record<string, unknown> }[] }).features;
    const mine = feats.filter((f) => f.properties['id'] === progressRecordId(SITE));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.properties).toMatchObject({ kind: 'record', siteId: SITE, clearedHa: 125, remainingHa: 10, sample: false, sources: [{ doc: 'bc-thang-5-2026', where: 'biểu 2', about: ['clearance'] }] });
  });

  it('a record citing a document the region does not have is refused', () => {
    const check = checkEdits(base, [], [{ op: 'progress', record: { siteId: SITE, asOf: '2026-05-31', clearedHa: 5, doc: 'khong-co' } }]);
    expect(check.messages.join('\n')).toContain('nguồn "khong-co" không có trong region.json › sources');
  });

  it('a task reported done needs the section of its document', () => {
    const task = 'lc-tang-loong-service-price';
    expect(checkEdits(base, [], [newReport, { op: 'task-done', taskId: task, done: { asOf: '2026-05-31', source: { doc: 'bc-thang-5-2026', where: '' } } }]).ok).toBe(false);
    const ok: Edit[] = [newReport, { op: 'task-done', taskId: task, done: { asOf: '2026-05-31', source: { doc: 'bc-thang-5-2026', where: 'mục 3' } } }];
    expect(checkEdits(base, [], ok).ok).toBe(true);
    const t = (applyEdits(base, ok).tasks as { tasks: { id: string; done?: unknown }[] }).tasks.find((x) => x.id === task);
    expect(t?.done).toEqual({ asOf: '2026-05-31', source: { doc: 'bc-thang-5-2026', where: 'mục 3' } });
  });

  it('slugs a Vietnamese title', () => {
    expect(slugify('Báo cáo 12/BC-UBND xã Gia Phú, tháng 5')).toBe('bao-cao-12-bc-ubnd-xa-gia-phu-thang-5');
  });
});

describe('diff against the shipped data', () => {
  const edits = [newReport, ...occupancy(62.5), { op: 'move', siteId: SITE, point: [104.15, 22.3] } as Edit];
  const edited = applyEdits(base, edits);
  const diff = diffRegionFiles(base, edited);

  it('lists each changed site field by field, with before and after', () => {
    const site = diff.find((d) => d.file === 'sites.geojson' && d.id === SITE);
    expect(site?.kind).toBe('changed');
    expect(site?.label).toBe('Tằng Loỏng');
    const fields = Object.fromEntries(site!.changes.map((c) => [c.field, c]));
    expect(fields['properties.occupancyPct']).toEqual({ field: 'properties.occupancyPct', before: undefined, after: 62.5 });
    expect(fields['geometry.coordinates']?.before).toEqual(siteOf(base).geometry.coordinates);
    expect(fields['geometry.coordinates']?.after).toEqual([104.15, 22.3]);
    // The new source shows as one added item, after the figures.
    const n = (siteOf(base).properties['sources'] as unknown[]).length;
    expect(fields[`properties.sources.${n}`]).toEqual({ field: `properties.sources.${n}`, before: undefined, after: { doc: 'bc-thang-5-2026', where: 'biểu 1', about: ['occupancyPct'] } });
    expect(site!.changes.map((c) => c.field)).toEqual(['properties.occupancyPct', 'geometry.coordinates', `properties.sources.${n}`]);
  });

  it('shows the new document as added, and nothing for what did not change', () => {
    expect(diff.find((d) => d.id === 'bc-thang-5-2026')?.kind).toBe('added');
    expect(diff.map((d) => d.id).sort()).toEqual(['bc-thang-5-2026', SITE].sort());
    expect(diffRegionFiles(base, applyEdits(base, []))).toEqual([]);
  });
});

describe('JSON patch', () => {
  it('rebuilds the edited files from the shipped ones, touching only the changed files', () => {
    const edits: Edit[] = [newReport, ...occupancy(62.5), { op: 'progress', record: { siteId: SITE, asOf: '2026-05-31', clearedHa: 120, doc: 'bc-thang-5-2026' } }];
    const edited = applyEdits(base, edits);
    const patch = makeRegionPatch('lao-cai', base, edited);
    expect(Object.keys(patch.files).sort()).toEqual(['clearance.geojson', 'region.json', 'sites.geojson']);
    const rebuilt = applyRegionPatch(base, JSON.parse(JSON.stringify(patch)));
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(edited));
    expect(JSON.stringify(base)).toBe(frozen);
    // One replace-or-add per changed value, not whole files.
    expect(patch.files['sites.geojson']!.every((op) => op.path.startsWith('/features/'))).toBe(true);
  });
});
