// The replay's frames for slides, shared by the zip of PNGs and the WebM video: the map drawn at each
// date with the title band, the legend (sites and clearance statuses), the scale bar and the credits of
// the PNG export, and burned in: the date, the cleared land against its target, and the sample label
// whenever the figure rests on sample data. Each frame is kept as a PNG (already compressed), so a
// long replay does not hold dozens of full-size canvases in memory.
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

/** The exported file's name: the province, the words "phát lại" and the span, e.g. kcn-lao-cai-phat-lai-2026-01-01-2026-06-30.webm. */
export function replayFileName(regionId: string, span: Pick<ReplaySpan, 'start' | 'end'>, ext: 'zip' | 'webm'): string {
  return `kcn-${regionId}-phat-lai-${span.start}-${span.end}.${ext}`;
}

/** Resolves once the map has drawn the store's replay date `at`; rejects on cancel or after 15 s. */
function drawn(store: AppStore, at: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (store.getState().replayDrawn === at) return resolve();
    const done = (e?: unknown) => {
      clearTimeout(timer);
      stop();
      signal.removeEventListener('abort', cancel);
      if (e === undefined) resolve();
      else reject(e);
    };
    const cancel = () => done(signal.reason);
    const timer = setTimeout(() => done(new Error(`bản đồ chưa vẽ xong ngày ${at}`)), DRAWN_TIMEOUT_MS);
    const stop = store.subscribe((s) => {
      if (s.replayDrawn === at) done();
    });
    signal.addEventListener('abort', cancel);
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

export interface ReplayFrames {
  regionId: string;
  dates: string[];
  /** one PNG per date, all of one size */
  pngs: Blob[];
  width: number;
  height: number;
}

/**
 * Draws the map at each frame date and composes the frame; the slider goes back where it was after.
 * `progress(i, n)` before each frame; `signal` cancels between frames (and while waiting for the map).
 */
export async function composeReplayFrames(
  store: AppStore,
  span: ReplaySpan,
  progress: (i: number, n: number) => void,
  signal: AbortSignal,
): Promise<ReplayFrames> {
  const s0 = store.getState();
  const region = s0.region;
  if (!region || !s0.report) throw new Error('chưa có báo cáo của tỉnh');
  const lang = s0.lang;
  const t = await loadMessages(lang);
  const before = s0.replayAt;
  const dates = frameDates(span, s0.report.frames.map((f) => f.date));
  const pngs: Blob[] = [];
  let width = 0;
  let height = 0;
  try {
    for (const [i, at] of dates.entries()) {
      signal.throwIfAborted();
      progress(i + 1, dates.length);
      store.getState().setReplayDrawn(null);
      store.getState().setReplayAt(at);
      await drawn(store, at, signal);
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
      // The map keeps its size while it draws, but a window resized mid-export would give a video
      // frames it cannot hold: said plainly rather than stretched.
      if (i > 0 && (image.width !== width || image.height !== height)) throw new Error('cỡ bản đồ thay đổi trong khi xuất');
      width = image.width;
      height = image.height;
      pngs.push(await canvasToPng(image));
    }
  } finally {
    store.getState().setReplayAt(before);
  }
  return { regionId: region.data.region.id, dates, pngs, width, height };
}
