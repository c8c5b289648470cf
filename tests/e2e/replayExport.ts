// What a replay export must hold, worked out here from the province's file (not from the app's code),
// for the zip and the video tests: one frame per date, evenly spread from the period start to the data
// date in at most 24 steps, plus every date a clearance record carries in that span.
import type { Page } from 'playwright-core';
import type { PreparedRegion } from '../../src/domain/prepare';

export function expectedFrameDates(region: PreparedRegion): string[] {
  const start = region.data.region.targets.find((t) => t.metric === 'clearedHa')!.periodStart!;
  const end = region.data.region.asOf;
  const dataDates = [...new Set(region.data.clearance.features.map((f) => f.properties.asOf))];
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  const step = Math.ceil(days / 23);
  const dates = new Set<string>([end, ...dataDates.filter((d) => d >= start && d <= end)]);
  for (let k = 0; k < days; k += step) dates.add(new Date(Date.parse(`${start}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10));
  return [...dates].sort();
}

/** Opens "Xuất đoạn phát lại" and picks one of its items. */
export async function pickReplayExport(page: Page, kind: 'zip' | 'webm'): Promise<void> {
  await page.getByTestId('replay-export').click();
  await page.getByRole('menu', { name: 'Xuất đoạn phát lại thành' }).waitFor();
  await page.getByTestId(`replay-export-${kind}`).click();
}
