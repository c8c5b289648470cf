// A slide's date (`at`) and the range it plays (`play`), issue 18: what story.json accepts and refuses,
// and what showing the slide does to the date slider (applySlide). Dates are written here by hand,
// the expectations follow from the story file's words, not from the app's output.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from '@testing-library/react';
import { buildReport } from '../../../src/analytics/report';
import { StorySlide } from '../../../src/domain/story';
import { applySlide } from '../../../src/features/presentation/applySlide';
import { ReplayBar } from '../../../src/features/replay/ReplayBar';
import { createAppStore } from '../../../src/store/createAppStore';
import { laoCai } from '../../fixtures/laoCai';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

const base = { id: 'bia', title: { vi: 'Bìa', en: 'Cover' }, camera: { center: [104.25, 22.25], zoom: 9 } };

/** The field paths and messages of what is wrong with a slide, or [] when it is accepted. */
function problems(extra: Record<string, unknown>): string[] {
  const r = StorySlide.safeParse({ ...base, ...extra });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('a slide’s date and play range in story.json', () => {
  it('accepts a calendar date and a forward range, with the slow speed when none is given', () => {
    expect(problems({ at: '2026-06-30' })).toEqual([]);
    expect(problems({ at: '2024-02-29' })).toEqual([]);
    const s = StorySlide.parse({ ...base, play: { from: '2026-01-01', to: '2026-11-22' } });
    expect(s.play).toEqual({ from: '2026-01-01', to: '2026-11-22', speed: 'slow' });
    expect(StorySlide.parse({ ...base, play: { from: '2026-01-01', to: '2026-02-01', speed: 'fast' } }).play?.speed).toBe('fast');
  });

  it('refuses a date written another way, or a day the calendar does not have, naming the field', () => {
    expect(problems({ at: '30/06/2026' })).toEqual(['at: ngày phải theo dạng YYYY-MM-DD']);
    expect(problems({ at: '2026-6-30' })).toEqual(['at: ngày phải theo dạng YYYY-MM-DD']);
    // February 2026 has 28 days, April 30, 2025 was not a leap year; month 13 does not exist.
    for (const day of ['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10']) expect(problems({ at: day }), day).toEqual(['at: ngày không tồn tại']);
    expect(problems({ play: { from: '2026-01-01', to: '2026-02-31' } })).toEqual(['play.to: ngày không tồn tại']);
  });

  it('refuses a range that does not move forward, on its end date, and an unknown speed', () => {
    expect(problems({ play: { from: '2026-06-30', to: '2026-06-30' } })).toEqual(['play.to: ngày bắt đầu phát phải trước ngày kết thúc']);
    expect(problems({ play: { from: '2026-06-30', to: '2026-01-01' } })).toEqual(['play.to: ngày bắt đầu phát phải trước ngày kết thúc']);
    expect(problems({ play: { from: '2026-01-01', to: '2026-06-30', speed: 'turbo' } })).toHaveLength(1);
    expect(problems({ play: { from: '2026-01-01', to: '2026-06-30', speed: 'turbo' } })[0]).toMatch(/^play\.speed: /);
  });
});

describe('showing a slide moves the date slider', () => {
  const slide = (extra: Record<string, unknown>) => StorySlide.parse({ ...base, ...extra });

  it('a slide with a date shows that date and does not play', () => {
    const store = createAppStore();
    store.getState().playReplay({ speed: 'fast', from: '2026-02-01' });
    applySlide(store, slide({ at: '2026-06-30' }), 0);
    expect(store.getState().replayAt).toBe('2026-06-30');
    expect(store.getState().replayPlaying).toBeNull();
  });

  it('a slide with a range starts at its first day and plays until its last, at its speed', () => {
    const store = createAppStore();
    applySlide(store, slide({ play: { from: '2026-03-01', to: '2026-09-30', speed: 'fast' } }), 0);
    expect(store.getState().replayAt).toBe('2026-03-01');
    expect(store.getState().replayPlaying).toEqual({ speed: 'fast', to: '2026-09-30' });
  });

  it('a slide with neither goes back to today, playing or not before', () => {
    const store = createAppStore();
    applySlide(store, slide({ play: { from: '2026-03-01', to: '2026-09-30' } }), 0);
    applySlide(store, slide({}), 0);
    expect(store.getState().replayAt).toBeNull();
    expect(store.getState().replayPlaying).toBeNull();
    applySlide(store, slide({ at: '2026-05-15' }), 0);
    applySlide(store, slide({}), 0);
    expect(store.getState().replayAt).toBeNull();
  });
});

describe('a slide’s range plays on the slider and stops at its end', () => {
  afterEach(() => vi.useRealTimers());

  it('moves forward from the first day, never past the last, and stops there', () => {
    vi.useFakeTimers();
    const store = renderWithLaoCai(<ReplayBar />);
    act(() => store.getState().setReport(buildReport(laoCai(), laoCai().data.region.asOf)));
    act(() => applySlide(store, StorySlide.parse({ ...base, play: { from: '2026-03-01', to: '2026-04-15', speed: 'fast' } }), 0));
    const seen: string[] = [];
    for (let i = 0; i < 40 && store.getState().replayPlaying; i++) {
      act(() => vi.advanceTimersByTime(250));
      seen.push(store.getState().replayAt!);
    }
    expect(store.getState().replayPlaying).toBeNull();
    expect(store.getState().replayAt).toBe('2026-04-15');
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((d) => d > '2026-03-01' && d <= '2026-04-15')).toBe(true);
    expect([...seen].sort()).toEqual(seen);
  });
});
