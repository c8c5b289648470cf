// The replay as numbered PNG frames in a zip (fflate, stored: PNGs are already compressed), for slides.
// The frames are those of replayFrames.ts; loaded on the first click, like the other exporters.
import { zipSync } from 'fflate';
import type { AppStore } from '../../store/createAppStore';
import { download } from '../export/download';
import { composeReplayFrames, replayFileName } from './replayFrames';
import type { ReplaySpan } from './useReplay';

export async function exportReplayFrames(
  store: AppStore,
  span: ReplaySpan,
  progress: (i: number, n: number) => void,
  signal: AbortSignal,
): Promise<{ name: string; frames: number }> {
  const { regionId, dates, pngs } = await composeReplayFrames(store, span, progress, signal);
  const pad = String(dates.length).length;
  const files: Record<string, Uint8Array> = {};
  for (const [i, at] of dates.entries()) files[`khung-${String(i + 1).padStart(pad, '0')}-${at}.png`] = new Uint8Array(await pngs[i]!.arrayBuffer());
  signal.throwIfAborted();
  const zip = zipSync(files, { level: 0 });
  const name = replayFileName(regionId, span, 'zip');
  download(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
  return { name, frames: dates.length };
}
