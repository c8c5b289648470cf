// The date slider's date in the address (`at=YYYY-MM-DD`, issue 18): read, written, round-tripped, and
// a date that is not a calendar day left out (the link opens on today) without losing the rest of it.
import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../../src/app/urlState';

import { KNOWN_REGIONS as KNOWN, openWithUrl as open } from '../../fixtures/openWithUrl';

const atOf = (search: string) => new URLSearchParams(search).get('at');

describe('the replay date in the address', () => {
  it('round-trips a date with the rest of a link', () => {
    const link = '?region=lang-son&tab=targets&at=2026-06-30';
    const u = parseUrlState(link, KNOWN);
    expect(u.at).toBe('2026-06-30');
    expect(u.region).toBe('lang-son');
    expect(serializeUrlState(u)).toBe(link);
    // Leap day of a leap year is a day.
    expect(parseUrlState('?at=2028-02-29', KNOWN).at).toBe('2028-02-29');
  });

  it('opens a link on its date, and writes the slider’s date back; "today" takes it out', () => {
    const store = open('?region=lao-cai&at=2026-03-15');
    expect(store.getState().replayAt).toBe('2026-03-15');
    store.getState().setReplayAt('2026-08-01');
    expect(atOf(window.location.search)).toBe('2026-08-01');
    store.getState().setReplayAt(null);
    expect(atOf(window.location.search)).toBeNull();
    expect(window.location.search).toBe('?region=lao-cai');
  });

  it('leaves out a date that is no calendar day or is written another way, and keeps the rest of the link', () => {
    const bad = ['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-6-30', '30/06/2026', 'hom-nay', '2026-06-30T00:00', '', '%00'];
    for (const b of bad) {
      const u = parseUrlState(`?region=lao-cai&at=${encodeURIComponent(b)}&tab=sites`, KNOWN);
      expect(u.at, b).toBeNull();
      expect(u.region, b).toBe('lao-cai');
      expect(u.tab, b).toBe('sites');
    }
    const store = open('?region=lao-cai&at=2026-02-30&tab=targets');
    expect(store.getState().replayAt).toBeNull();
    expect(store.getState().tab).toBe('targets');
  });
});
