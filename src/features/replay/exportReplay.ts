// The replay as numbered PNG frames in a zip (fflate, stored: PNGs are already compressed), for slides.
// Each frame is the map drawn at its date with the title band, the legend (sites and clearance
// statuses), the scale bar and the credits of the PNG export, and burned in: the date, the cleared land
// against its target, and the sample label whenever the figure rests on sample data. Loaded on the
// first click, like the other exporters.
import { zipSync } from 'fflate';
import { addDays } from '../../analytics/targets';
import { targetsAt } from '../../analytics/replayTargets';
import { loadMessages } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';
import { localIsoDate } from '../../io/export';
import { mapFrame } from '../../map/snapshot';
import { CLEARANCE_COLORS } from '../../map/layers/clearance';
import type { AppStore } from '../../store/createAppStore';
import { canvasToPng, composeMapImage } from '../export/composeMap';
import { legendRows } from '../export/legendRows';
import { attributionText } from '../export/runExport';
import { download } from '../export/download';
import { formatTargetValue } from '../targets/formatTarget';
import type { ReplaySpan } from './useReplay';

/** enough for a smooth slide, few enough to make in a minute on a modest laptop */
export const MAX_FRAMES = 24;
const DRAWN_TIMEOUT_MS = 15_000;

/** The frames' dates: evenly spread from the start to the end, plus every date the data changes. */
export function frameDates(span: ReplaySpan, dataDates: readonly string[]): string[] {
  const step = Math.max(1, Math.ceil(span.days / (MAX_FRAMES - 1)));
  const dates = new Set<string>();
  for (let d = 0; d < span.days; d += step) dates.add(addDays(span.start, d));
  dates.add(span.end);
  for (const d of dataDates) if (d >= span.start && d <= span.end) dates.add(d);
  return [...dates].sort();
}

/** Resolves once the map has drawn the store's replay date `at`. */
function drawn(store: AppStore, at: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (store.getState().replayDrawn === at) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`bản đồ chưa vẽ xong ngày ${at}`));
    }, DRAWN_TIMEOUT_MS);
    const stop = store.subscribe((s) => {
      if (s.replayDrawn !== at) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

function frameBanner(store: AppStore, at: string, t: Messages): { lines: string[]; sample: string | null } {
  const s = store.getState();
  const lang = s.lang;
  const cleared = s.region && s.report ? targetsAt(s.region.data, s.report.frames, at).find((r) => r.target.metric === 'clearedHa') : undefined;
  const total =
    cleared && cleared.value !== null
      ? `${t.replay_cleared}: ${formatTargetValue(cleared, cleared.value, lang)}${
          cleared.target.value !== null ? ` / ${t.replay_goal(formatTargetValue(cleared, cleared.target.value, lang))}` : ''
        }`
      : `${t.replay_cleared}: ${t.replay_noData}`;
  return { lines: [t.replay_date(formatDate(at, lang)), total], sample: cleared?.sample ? t.sampleBadge : null };
}

export async function exportReplayFrames(
  store: AppStore,
  span: ReplaySpan,
  progress: (i: number, n: number) => void,
): Promise<{ name: string; frames: number }> {
  const s0 = store.getState();
  const region = s0.region;
  if (!region || !s0.report) throw new Error('chưa có báo cáo của tỉnh');
  const lang = s0.lang;
  const t = await loadMessages(lang);
  const before = s0.replayAt;
  const dates = frameDates(span, s0.report.frames.map((f) => f.date));
  const files: Record<string, Uint8Array> = {};
  const pad = String(dates.length).length;
  try {
    for (const [i, at] of dates.entries()) {
      progress(i + 1, dates.length);
      store.getState().setReplayDrawn(null);
      store.getState().setReplayAt(at);
      await drawn(store, at);
      const frame = mapFrame();
      const s = store.getState();
      if (!frame || !s.camera) throw new Error('bản đồ chưa sẵn sàng');
      const image = composeMapImage({
        frame,
        camera: s.camera,
        title: t.replay_videoTitle(region.data.region.name[lang]),
        subtitle: `${t.export_dataAsOf} ${formatDate(span.end, lang)} · ${t.export_made} ${formatDate(localIsoDate(), lang)}`,
        attribution: attributionText(s),
        t,
        banner: frameBanner(store, at, t),
        // The layers shown, then what each clearance colour means: the frames are about those.
        legend: [
          ...legendRows(s, t),
          { label: t.bar_cleared, swatch: { kind: 'fill', colors: [CLEARANCE_COLORS.cleared] } },
          { label: t.bar_inProgress, swatch: { kind: 'fill', colors: [CLEARANCE_COLORS['in-progress']] } },
          { label: t.sketch_notStarted, swatch: { kind: 'fill', colors: [CLEARANCE_COLORS['not-started']] } },
        ],
      });
      const png = new Uint8Array(await (await canvasToPng(image)).arrayBuffer());
      files[`khung-${String(i + 1).padStart(pad, '0')}-${at}.png`] = png;
    }
  } finally {
    store.getState().setReplayAt(before);
  }
  const zip = zipSync(files, { level: 0 });
  const name = `kcn-${region.data.region.id}-phat-lai-${span.start}-${span.end}.zip`;
  download(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
  return { name, frames: dates.length };
}
