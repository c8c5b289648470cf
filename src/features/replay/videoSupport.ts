// Whether this browser can record the replay as WebM, and in which codec: VP9 (sharper text for the
// size) where the recorder offers it, else VP8. Read by the export menu before anything is loaded, so
// the video option can say it is unavailable instead of failing after a minute of drawing.
/** each date's time on screen in the video: 2.5 dates a second, slow enough to read the date and the total */
export const VIDEO_FRAME_MS = 400;

export const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8'] as const;

/** The first WebM type the recorder accepts, or null. */
export function pickWebmType(isTypeSupported: (type: string) => boolean): string | null {
  return WEBM_TYPES.find((type) => isTypeSupported(type)) ?? null;
}

/** The WebM type this browser records a canvas in, or null when it cannot (no MediaRecorder, no canvas capture, no WebM). */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof MediaRecorder.isTypeSupported !== 'function') return null;
  if (typeof HTMLCanvasElement === 'undefined' || typeof HTMLCanvasElement.prototype.captureStream !== 'function') return null;
  return pickWebmType((type) => MediaRecorder.isTypeSupported(type));
}
