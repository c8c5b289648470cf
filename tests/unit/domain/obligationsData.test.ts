// The documents' figures, tasks and rules as encoded, checked against the seeds (cited per line), and
// validation refusing a deadline or a figure without a document behind it.
import { describe, expect, it } from 'vitest';
import { validateRegion } from '../../../src/domain/validate';
import { readRegionFiles } from '../../../scripts/regionFs';
import { miniRegion } from '../../fixtures/miniRegion';
import { formatBnVnd } from '../../../src/i18n/format';
import { checkTables } from '../../../src/analytics/documentTables';
import { evaluateTarget } from '../../../src/analytics/targets';
import { taskStatus } from '../../../src/analytics/obligations';

const load = (id: string) => validateRegion(readRegionFiles(id)).data!;
const ctx = (asOf: string) => ({ asOf, clearanceAt: () => ({ clearedHa: 0, inProgressHa: 0, remainingHa: null, sample: false, siteIds: [] }), clearanceDates: [] });

describe('validation: every deadline and figure cites a document', () => {
  const task = { id: 't', agency: { vi: 'Sở', en: 'Dept' }, what: { vi: 'Việc', en: 'Task' }, deadline: { kind: 'by', date: '2026-01-10' }, wording: { vi: 'chậm nhất', en: 'by' } };
  it('refuses a task whose deadline has no source, or cites an unknown one', () => {
    const noSource = validateRegion({ ...miniRegion(), tasks: { tasks: [task] } });
    expect(noSource.data).toBeNull();
    expect(noSource.issues).toContainEqual(expect.objectContaining({ file: 'tasks.json', field: 'tasks.0.source' }));
    const unknown = validateRegion({ ...miniRegion(), tasks: { tasks: [{ ...task, source: { doc: 'khong-co', where: 'mục 1' } }] } });
    expect(unknown.issues).toContainEqual(expect.objectContaining({ file: 'tasks.json', field: 'tasks.0.source.doc' }));
    const ok = validateRegion({ ...miniRegion(), tasks: { tasks: [{ ...task, source: { doc: 'plan', where: 'mục 1' } }] } });
    expect(ok.issues).toEqual([]);
    expect(ok.data!.tasks).toHaveLength(1);
  });

  it('refuses a deadline on a day the calendar lacks (30 February), as every other date in the data', () => {
    const r = validateRegion({ ...miniRegion(), tasks: { tasks: [{ ...task, deadline: { kind: 'by', date: '2026-02-30' }, source: { doc: 'plan', where: 'mục 1' } }] } });
    expect(r.data).toBeNull();
    expect(r.issues).toContainEqual(expect.objectContaining({ file: 'tasks.json', field: 'tasks.0.deadline.date', message: expect.stringContaining('ngày không tồn tại') }));
  });

  it('refuses a figure whose only source is a compiled table of ours, not a document', () => {
    const m = miniRegion();
    const sources = m.region['sources'] as Record<string, Record<string, unknown>>;
    sources['facts'] = { title: { vi: 'Bảng dữ kiện', en: 'Fact table' }, compiled: true };
    m.sites.features[0]!.properties['sources'] = [{ doc: 'facts', about: ['location', 'status', 'declaredAreaHa', 'commune'] }];
    const r = validateRegion(m);
    expect(r.data).toBeNull();
    expect(r.issues).toContainEqual(expect.objectContaining({ file: 'sites.geojson', featureId: 'mini-kcn-a', field: 'properties.declaredAreaHa' }));
    // a target's deadline citing the compiled table is refused too
    const m2 = miniRegion();
    (m2.region['sources'] as Record<string, Record<string, unknown>>)['facts'] = { title: { vi: 'Bảng', en: 'Table' }, compiled: true };
    (m2.region.targets[0] as { source: { doc: string } }).source = { doc: 'facts' };
    expect(validateRegion(m2).issues).toContainEqual(expect.objectContaining({ file: 'region.json', field: 'targets.0.source.doc' }));
  });
});

describe('the documents as encoded (issue 14)', () => {
  it('1. Tằng Loỏng: only the service-price plan is due in 2026; the eco conversion and 400+ households have no date (000 §II.5)', () => {
    const lc = load('lao-cai');
    const target = lc.region.targets.find((t) => t.siteIds?.includes('lc-kcn-tang-loong') && t.deadline === '2026-12-31' && t.label.vi.includes('Tằng Loỏng'))!;
    expect(target.label.vi).toContain('giá dịch vụ');
    const eco = lc.tasks.find((t) => t.id === 'lc-tang-loong-eco')!;
    expect(eco.deadline).toEqual({ kind: 'none' });
    expect(eco.wording.vi).toContain('theo lộ trình');
    expect(lc.relocations.features.find((f) => f.properties.id === 'lc-reloc-tang-loong-households')!.properties.deadline).toBeUndefined();
  });

  it('2. Bắc Sơn 2: only the 1/500 adjustment is due (10/2025), the blasting permits have no date; Hợp Thành is due BY 10/10/2025 (004 items 2, 7)', () => {
    const ls = load('lang-son');
    const bacSon = ls.tasks.filter((t) => t.siteIds.includes('ls-ccn-bac-son-2'));
    expect(bacSon.find((t) => t.what.vi.includes('1/500'))!.deadline).toEqual({ kind: 'in-month', month: '2025-10' });
    expect(bacSon.filter((t) => t.what.vi.includes('nổ mìn')).map((t) => t.deadline.kind)).toEqual(['none', 'none']);
    const hopThanh = ls.tasks.find((t) => t.siteIds.includes('ls-ccn-hop-thanh-1'))!;
    expect(taskStatus(hopThanh, '2025-10-10').state).toBe('open');
    expect(taskStatus(hopThanh, '2025-10-11').state).toBe('overdue');
  });

  it('3. Lạng Sơn 2025: a cluster operating before 2025 (Địa phương số 2) does not count; one that opens in the period does', () => {
    const files = readRegionFiles('lang-son');
    const sites = files.sites as { features: { properties: Record<string, unknown> }[] };
    const props = (id: string) => sites.features.find((f) => f.properties['id'] === id)!.properties;
    for (const id of ['ls-ccn-dia-phuong-2', 'ls-ccn-bac-son-2']) {
      Object.assign(props(id), { status: 'operating', occupancyPct: 40 });
      (props(id)['sources'] as { about: string[] }[])[0]!.about.push('occupancyPct');
    }
    const data = validateRegion(files).data!;
    const t = data.region.targets.find((x) => x.id === 'ccn-operating-2025')!;
    expect(evaluateTarget(t, data, ctx('2025-10-03')).value).toBe(1);
  });

  it('4. document checks: 418,49 ha matches the document’s "khoảng 418,5"; "7 CCN" is not the document’s; the capital total is ours', () => {
    const ls = load('lang-son');
    const checks = checkTables(ls);
    const ten = checks.find((c) => c.table.id === 'ls-established-10-of-38')!;
    expect(ten.total.computed.areaHa).toBe(418.49);
    expect(ten.matches).toBe(true);
    expect(ten.total.rounded).toBe(true);
    expect(checks.find((c) => c.table.id === 'ls-2026-2030')!.total.document.count).toBeUndefined();
    // 21.570 + 11.450.805 triệu đồng (QĐ 609 §IV): the document gives the parts, not the sum
    expect(ls.region.capital.totalIsSum).toBe(true);
    expect(ls.region.capital.totalBnVnd).toBeCloseTo(21.57 + 11450.805, 9);
  });

  it('5. money at the document’s own precision: 285.892 triệu đồng is 285,892 tỷ', () => {
    expect(formatBnVnd(285.892, 'vi')).toBe('285,892 tỷ đồng');
    expect(formatBnVnd(11450.805, 'en')).toBe('11,450.805 billion VND');
    expect(formatBnVnd(7080, 'vi')).toBe('7.080 tỷ đồng');
  });

  it('6. no clean-land figure without a date and a document counts as 2026 progress', () => {
    const lc = load('lao-cai');
    expect(lc.clearance.features.filter((f) => !f.properties.sample)).toEqual([]);
  });

  it('7. no establishing decision in 2026 reads as no data, not 0 ha not met', () => {
    const lc = load('lao-cai');
    const t = lc.region.targets.find((x) => x.metric === 'newlyEstablishedHa')!;
    expect(evaluateTarget(t, lc, ctx('2026-11-22'))).toMatchObject({ state: 'no-data', value: null, met: null });
  });

  it('8. Bình Định: the revocation rule is data; "từng bước" items have no date and no countdown (002 §I, §II)', () => {
    const bd = load('binh-dinh');
    expect(bd.region.rules.find((r) => r.id === 'bd-revoke-two-years')!.text.vi).toContain('02 năm liên tiếp');
    expect(JSON.stringify(bd.region)).not.toContain('tạm tính');
    const stepwise = bd.tasks.filter((t) => t.wording.vi.includes('từng bước'));
    expect(stepwise.length).toBeGreaterThanOrEqual(2);
    for (const t of stepwise) expect(taskStatus(t, '2026-01-01')).toMatchObject({ state: 'no-date', daysLeft: null });
  });

  it('9. Lạng Sơn’s provincial plan: 38 CCN, about 1.952 ha (003 §II.1)', () => {
    expect(load('lang-son').region.planFigures[0]).toMatchObject({ count: 38, areaHa: 1952, approx: true });
  });

  it('14. the documents’ inconsistencies are data, each with both places cited', () => {
    const ids = [...load('lang-son').region.inconsistencies, ...load('lao-cai').region.inconsistencies].map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['ls-qd-927-date', 'ls-qd-609-period', 'ls-dong-mo-list', 'lc-yen-the-twice', 'lc-ql4e-end']));
  });
});
