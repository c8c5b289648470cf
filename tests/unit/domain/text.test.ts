import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery } from '../../../src/domain/text';

describe('Vietnamese text matching', () => {
  it('folds diacritics, đ and case', () => {
    expect(foldVietnamese('Tằng Loỏng')).toBe('tang loong');
    expect(foldVietnamese('Đông Phố Mới')).toBe('dong pho moi');
    expect(foldVietnamese('phường Văn Phú')).toBe('phuong van phu');
  });
  it('finds a site by words typed without marks, in any order', () => {
    expect(matchesQuery('KCN Tằng Loỏng · xã Tằng Loỏng', 'tang loong')).toBe(true);
    expect(matchesQuery('CCN Đầm Hồng · phường Văn Phú', 'van phu dam')).toBe(true);
    expect(matchesQuery('CCN Đầm Hồng', 'dam hong 2')).toBe(false);
  });
});
