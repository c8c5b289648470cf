import { describe, expect, it } from 'vitest';
import { dayMonthYear, parseDayMonthYear } from '../../../src/i18n/DateInput';

describe('dates typed day first', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, dots or dashes, and ISO', () => {
    expect(parseDayMonthYear('22/11/2026')).toBe('2026-11-22');
    expect(parseDayMonthYear(' 5/1/2026 ')).toBe('2026-01-05');
    expect(parseDayMonthYear('05.01.2026')).toBe('2026-01-05');
    expect(parseDayMonthYear('2026-01-05')).toBe('2026-01-05');
  });

  it('refuses what is not a real date instead of rolling it over', () => {
    expect(parseDayMonthYear('31/02/2026')).toBeNull();
    expect(parseDayMonthYear('29/02/2026')).toBeNull();
    expect(parseDayMonthYear('29/02/2028')).toBe('2028-02-29');
    expect(parseDayMonthYear('11/22/2026')).toBeNull(); // month 22: the US order is not guessed at
    expect(parseDayMonthYear('abc')).toBeNull();
    expect(parseDayMonthYear('')).toBeNull();
  });

  it('writes an ISO date day first', () => {
    expect(dayMonthYear('2026-11-22')).toBe('22/11/2026');
  });
});
