// The replay as a WebM video for slides: the frames of replayFrames.ts (map, title, date/total/target
// banner, legend band, sample label), one per date, each held for the same time so the room sees a
// steady pace. They are drawn first (the map takes its own time per date), then played onto a canvas
// recorded by MediaRecorder: captureStream(0) sends a frame only on requestFrame(), called on a fixed
// clock. The recorder stamps frames with the moment they arrive (its encoder takes seconds to start,
// a busy machine is uneven), so the file is then retimed to exactly one frame per VIDEO_FRAME_MS
// (webm.ts), and refused if a frame went missing or came out at another size.
import { readWebm, retimeWebm } from '../../io/export/webm';
import type { AppStore } from '../../store/createAppStore';
import { download } from '../export/download';
import { composeReplayFrames, replayFileName } from './replayFrames';
import type { ReplaySpan } from './useReplay';
import { VIDEO_FRAME_MS, webmType } from './videoSupport';

/** generous for a map with small text: at 4 Mbit/s the first frame came out blurred (about 10 KB a date in the end) */
const BITS_PER_SECOND = 8_000_000;

/** how long the encoder may take to start on a slow machine */
const START_TIMEOUT_MS = 30_000;
/**
 * The pace frames are fed at: slower than they play (the file is retimed), because a recorder short of
 * CPU drops frames it cannot encode in time; and a wait after the last, for the encoder to finish.
 */
const FEED_MS = 1.5 * VIDEO_FRAME_MS;
const DRAIN_MS = 2_000;
/** a recording that lost a frame is made again from the same frames, this many times in all */
const ATTEMPTS = 3;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** `p`, or a rejection after `ms` or on cancel (the timer cleared either way, so nothing fires late). */
function within<T>(p: Promise<T>, ms: number, message: string, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(message))), ms);
    const cancel = () => finish(() => reject(signal.reason));
    const finish = (then: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancel);
      then();
    };
    signal.addEventListener('abort', cancel);
    p.then(
      (v) => finish(() => resolve(v)),
      (e: unknown) => finish(() => reject(e)),
    );
  });
}

/** Resolves on the recorder's `name` event, or rejects on its error. */
function recorderEvent(rec: MediaRecorder, name: 'start' | 'stop'): Promise<void> {
  return new Promise((resolve, reject) => {
    rec.addEventListener(name, () => resolve(), { once: true });
    rec.addEventListener('error', (e) => reject(new Error(`MediaRecorder: ${String((e as ErrorEvent).error ?? e.type)}`)), { once: true });
  });
}

/** Plays the frames onto a canvas at one per FEED_MS and returns what the recorder wrote. */
async function record(pngs: Blob[], width: number, height: number, type: string, progress: (i: number, n: number, phase: 'video') => void, signal: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // In the document (Chromium captures a canvas reliably only there), out of sight and out of the way.
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;pointer-events:none';
  document.body.append(canvas);
  const ctx = canvas.getContext('2d');
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack | undefined;
  try {
    if (!ctx || !track) throw new Error('không ghi được khung vẽ');
    const rec = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: BITS_PER_SECOND });
    const chunks: Blob[] = [];
    rec.addEventListener('dataavailable', (e) => chunks.push(e.data));
    const started = recorderEvent(rec, 'start');
    rec.start();
    try {
      let next = createImageBitmap(pngs[0]!);
      let t0 = 0;
      for (let i = 0; i < pngs.length; i++) {
        const bitmap = await next;
        // The next frame decodes while this one is on screen.
        if (i + 1 < pngs.length) next = createImageBitmap(pngs[i + 1]!);
        await sleep(t0 + i * FEED_MS - performance.now());
        signal.throwIfAborted();
        ctx.drawImage(bitmap, 0, 0);
        bitmap.close();
        track.requestFrame();
        progress(i + 1, pngs.length, 'video');
        if (i === 0) {
          // Chromium's recorder says it has started once its encoder has the first frame; frames sent
          // before then are lost. The clock starts after it (the file is retimed anyway).
          await within(started, START_TIMEOUT_MS, 'bộ ghi video không khởi động', signal);
          t0 = performance.now() - FEED_MS;
        }
      }
      // Time for the encoder to take the last frames before the recorder is stopped.
      await sleep(DRAIN_MS);
    } finally {
      const stopped = recorderEvent(rec, 'stop');
      rec.stop();
      await stopped;
    }
    return new Uint8Array(await new Blob(chunks).arrayBuffer());
  } finally {
    track?.stop();
    canvas.remove();
  }
}

export async function exportReplayVideo(
  store: AppStore,
  span: ReplaySpan,
  progress: (i: number, n: number, phase?: 'frames' | 'video') => void,
  signal: AbortSignal,
): Promise<{ name: string; frames: number; seconds: number; bytes: number }> {
  const type = webmType();
  if (!type) throw new Error('trình duyệt này không ghi được video WebM');
  const { regionId, dates, pngs, width, height } = await composeReplayFrames(store, span, progress, signal);
  // Checked, not trusted: one frame per date, at the size drawn; then each held VIDEO_FRAME_MS.
  let bytes: Uint8Array<ArrayBuffer>;
  for (let attempt = 1; ; attempt++) {
    bytes = await record(pngs, width, height, type, progress, signal);
    signal.throwIfAborted();
    const got = readWebm(bytes);
    if (got.width !== width || got.height !== height) throw new Error(`video ${got.width}×${got.height}, khung ${width}×${height}`);
    if (got.frames.length === dates.length) break;
    if (attempt === ATTEMPTS) throw new Error(`video có ${got.frames.length} khung, cần ${dates.length} (máy bận quá, hãy xuất lại)`);
  }
  retimeWebm(bytes, VIDEO_FRAME_MS);
  const ms = dates.length * VIDEO_FRAME_MS;
  const name = replayFileName(regionId, span, 'webm');
  download(new Blob([bytes], { type: 'video/webm' }), name);
  return { name, frames: dates.length, seconds: ms / 1000, bytes: bytes.length };
}
