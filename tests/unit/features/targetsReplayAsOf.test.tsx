// The targets panel's "Số liệu đến ngày …" box while the date slider replays (issue 18): it says the
// replayed date and that it is a replay, and the report's date comes back with "Hôm nay" on the bar
// or "Thoát xem lại" in the box. Dates are worked out here from the region file, not read from the app.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { buildReport } from '../../../src/analytics/report';
import { ReplayBar } from '../../../src/features/replay/ReplayBar';
import { TargetsPanel } from '../../../src/features/targets/TargetsPanel';
import { laoCai } from '../../fixtures/laoCai';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

const region = laoCai().data.region;
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** `n` days after an ISO date, by the calendar (UTC). */
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function setup() {
  const store = renderWithLaoCai(
    <>
      <ReplayBar />
      <TargetsPanel />
    </>,
  );
  act(() => store.getState().setReport(buildReport(laoCai(), region.asOf)));
  return store;
}

const box = () => screen.getByTestId('targets-as-of');

/** The box shows the report date, in its date field. */
function showsReportDate() {
  expect(box().textContent).toContain('Số liệu đến ngày');
  expect(box().textContent).not.toMatch(/xem lại/);
  expect((within(box()).getByRole('textbox') as HTMLInputElement).value).toBe(dmy(region.asOf));
}

describe('the targets panel’s data date while replaying', () => {
  it('says the replayed date and that it is a replay; "Hôm nay" and "Thoát xem lại" bring the report date back', () => {
    const store = setup();
    showsReportDate();
    const start = region.targets.find((t) => t.metric === 'clearedHa')!.periodStart!;

    // 73 days into the period on the slider.
    fireEvent.change(screen.getByRole('slider', { name: 'Ngày xem lại' }), { target: { value: '73' } });
    const at = plusDays(start, 73);
    expect(store.getState().replayAt).toBe(at);
    expect(box().textContent).toContain(`Số liệu đến ngày ${dmy(at)} — đang xem lại theo ngày.`);
    expect(box().textContent).not.toContain(dmy(region.asOf));
    // No report-date field to type into while the figures are those of another date.
    expect(within(box()).queryByRole('textbox')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Hôm nay' }));
    expect(store.getState().replayAt).toBeNull();
    showsReportDate();

    fireEvent.change(screen.getByRole('slider', { name: 'Ngày xem lại' }), { target: { value: '10' } });
    expect(box().textContent).toContain(`Số liệu đến ngày ${dmy(plusDays(start, 10))} — đang xem lại theo ngày.`);
    fireEvent.click(within(box()).getByRole('button', { name: 'Thoát xem lại' }));
    expect(store.getState().replayAt).toBeNull();
    showsReportDate();
  });

  it('speaks English in English', () => {
    const store = setup();
    act(() => {
      store.getState().setLang('en');
      store.getState().setReplayAt('2026-05-31');
    });
    expect(box().textContent).toContain('Figures as of 31 May 2026 — replay by date.');
    expect(within(box()).getByRole('button', { name: 'Leave replay' })).toBeTruthy();
  });
});
