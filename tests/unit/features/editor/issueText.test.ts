// The editor words a refused edit wholly in the interface's language: the site by name, the field by its
// label, the problem in plain words; none of zod's English type names, file keys or paths.
import { describe, expect, it } from 'vitest';
import { readRegionFiles } from '../../../../scripts/regionFs';
import { checkEdits } from '../../../../src/domain/edits/checkEdits';
import type { Edit } from '../../../../src/domain/edits/edits';
import { issueText } from '../../../../src/features/editor/issueText';
import { loadMessages } from '../../../../src/i18n/catalogue';
import type { Lang } from '../../../../src/i18n/format';

const base = readRegionFiles('lao-cai');
const SITE = 'lc-kcn-tang-loong';
const doc: Edit = { op: 'document', id: 'bc-5-2026', doc: { title: { vi: 'Báo cáo 5/2026', en: 'Report 5/2026' }, date: '2026-05-31' } };
const field = (f: 'occupancyPct' | 'enterprises' | 'leasedHa', value: number): Edit[] => [
  doc,
  { op: 'site-field', siteId: SITE, field: f, value },
  { op: 'site-source', siteId: SITE, source: { doc: 'bc-5-2026', about: [f] } },
];
const words = async (edits: Edit[], lang: Lang) => {
  const t = await loadMessages(lang);
  return checkEdits(base, [], edits).issues.map((i) => issueText(i, t, lang, (id) => (id === SITE ? 'KCN Tằng Loỏng' : undefined)));
};
// English words that leaked into the Vietnamese text before: zod's type names and the files' keys.
const LEAKS = /\b(number|int|string|expected|properties|sources|about|geojson|region\.json)\b|[<>]=/;

describe('validator messages in the editor', () => {
  it('Vietnamese: site name, field label, plain words', async () => {
    expect(await words(field('occupancyPct', 150), 'vi')).toEqual(['KCN Tằng Loỏng › Tỷ lệ lấp đầy (%): không được lớn hơn 100']);
    const all = [
      ...(await words(field('occupancyPct', -1), 'vi')),
      ...(await words(field('enterprises', 2.5), 'vi')),
      ...(await words(field('leasedHa', 5000), 'vi')),
      ...(await words([{ op: 'move', siteId: SITE, point: [500000, 2400000] }], 'vi')),
    ];
    expect(all).toHaveLength(4);
    for (const m of all) expect(m).not.toMatch(LEAKS);
    expect(all[1]).toMatch(/số nguyên/);
  });

  it('English in the English interface', async () => {
    const all = [...(await words(field('occupancyPct', 150), 'en')), ...(await words(field('leasedHa', 5000), 'en'))];
    expect(all[0]).toMatch(/^KCN Tằng Loỏng › .+: must not be more than 100$/);
    for (const m of all) {
      expect(m).not.toMatch(LEAKS);
      // No Vietnamese words (a site's own name aside).
      expect(m.replace('KCN Tằng Loỏng', '')).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
  });
});
