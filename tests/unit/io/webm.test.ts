// The WebM reader against files built here byte by byte, in the two shapes browsers write: clusters of
// known size holding BlockGroups (Chromium, when the recording is stopped) and of unknown size holding
// SimpleBlocks (a live recording). Expected values are the ones written.
import { describe, expect, it } from 'vitest';
import { readWebm, retimeWebm, setWebmDuration, WebmError } from '../../../src/io/export/webm';

/** An ID's bytes as written (marker kept). */
const idBytes = (id: number) => {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
};
/** A size as an 8-byte vint (what Chromium writes for the segment), or "unknown". */
const size8 = (n: number | null) => {
  if (n === null) return [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
  const out = [0x01];
  for (let i = 6; i >= 0; i--) out.push(Math.floor(n / 256 ** i) % 256);
  return out;
};
const el = (id: number, data: number[], unknown = false) => [...idBytes(id), ...size8(unknown ? null : data.length), ...data];
const uint = (n: number, len: number) => Array.from({ length: len }, (_, i) => Math.floor(n / 256 ** (len - 1 - i)) % 256);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const f32 = (v: number) => {
  const b = new DataView(new ArrayBuffer(4));
  b.setFloat32(0, v);
  return [...new Uint8Array(b.buffer)];
};
const int16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];

type Clusters = [tc: number, rels: number[]][];
const EVEN: Clusters = [
  [0, [0, 400, 800]],
  [1200, [0, 400]],
];

function file(opts: { simple: boolean; unknownSizes: boolean; scale?: number; duration?: number; clusters?: Clusters }): Uint8Array {
  const header = el(0x1a45dfa3, [...el(0x4282, ascii('webm')), ...el(0x4287, [4])]);
  const info = el(0x1549a966, [...el(0x2ad7b1, uint(opts.scale ?? 1_000_000, 3)), ...(opts.duration !== undefined ? el(0x4489, f32(opts.duration)) : []), ...el(0x4d80, ascii('test'))]);
  const tracks = el(0x1654ae6b, el(0xae, [...el(0xd7, [1]), ...el(0x86, ascii('V_VP9')), ...el(0xe0, [...el(0xb0, uint(1280, 2)), ...el(0xba, uint(901, 2))])]));
  // Block: track 1 (vint 0x81), relative time, flags (0x80: key frame), then a few payload bytes.
  const block = (rel: number, key: boolean) => [0x81, ...int16(rel), key ? 0x80 : 0, 9, 9, 9];
  // In a BlockGroup a frame that is not a key frame names the one it refers to (ReferenceBlock).
  const frame = (rel: number, key: boolean) => (opts.simple ? el(0xa3, block(rel, key)) : el(0xa0, [...el(0xa1, block(rel, key)), ...(key ? [] : el(0xfb, [0xfe]))]));
  const cluster = (tc: number, rels: number[]) => el(0x1f43b675, [...el(0xe7, uint(tc, tc < 256 ? 1 : 2)), ...rels.flatMap((r, i) => frame(r, i === 0))], opts.unknownSizes);
  const clusters = opts.clusters ?? EVEN;
  // A cue point per cluster, at its time (CueTime, then CueTrackPositions).
  const cues = el(0x1c53bb6b, clusters.flatMap(([tc]) => el(0xbb, [...el(0xb3, uint(tc, 2)), ...el(0xb7, [...el(0xf7, [1]), ...el(0xf1, [0])])])));
  const body = [...info, ...el(0xec, [0, 0, 0]), ...tracks, ...clusters.flatMap(([tc, rels]) => cluster(tc, rels)), ...cues];
  return new Uint8Array([...header, ...el(0x18538067, body, opts.unknownSizes)]);
}

describe('WebM reader', () => {
  it('reads DocType, codec, frame size and every frame time from clusters of BlockGroups', () => {
    const w = readWebm(file({ simple: false, unknownSizes: false, duration: 1619.5 }));
    expect(w.docType).toBe('webm');
    expect(w.codec).toBe('V_VP9');
    expect([w.width, w.height]).toEqual([1280, 901]);
    expect(w.frames.map((f) => f.timeMs)).toEqual([0, 400, 800, 1200, 1600]);
    expect(w.durationMs).toBeCloseTo(1619.5, 3);
    expect(w.frames.map((f) => f.key)).toEqual([true, false, false, true, false]);
  });

  it('reads live recordings: unknown sizes, SimpleBlocks with their key-frame flag', () => {
    const w = readWebm(file({ simple: true, unknownSizes: true }));
    expect(w.frames).toEqual([
      { timeMs: 0, key: true },
      { timeMs: 400, key: false },
      { timeMs: 800, key: false },
      { timeMs: 1200, key: true },
      { timeMs: 1600, key: false },
    ]);
    expect(w.durationMs).toBeNull();
  });

  it('scales times by the timecode scale', () => {
    // 500 µs per tick: the ticks written as 400 are 200 ms.
    const w = readWebm(file({ simple: true, unknownSizes: false, scale: 500_000, duration: 3000 }));
    expect(w.frames.map((f) => f.timeMs)).toEqual([0, 200, 400, 600, 800]);
    expect(w.durationMs).toBe(1500);
  });

  it('sets the duration in place, and says so when the file has none to set', () => {
    const bytes = file({ simple: false, unknownSizes: false, duration: 1619.5 });
    const length = bytes.length;
    expect(setWebmDuration(bytes, 2000)).toBe(true);
    expect(bytes.length).toBe(length);
    const w = readWebm(bytes);
    expect(w.durationMs).toBe(2000);
    expect(w.frames).toHaveLength(5);
    const none = file({ simple: true, unknownSizes: true });
    const copy = none.slice();
    expect(setWebmDuration(none, 2000)).toBe(false);
    expect(none).toEqual(copy);
  });

  it('retimes a recording stamped as it arrived: frame i at i × the frame time, cue points and duration along', () => {
    // As Chromium writes it: the first frame held while the encoder started, then uneven steps.
    const bytes = file({ simple: false, unknownSizes: false, duration: 6200, clusters: [[0, [0, 4885, 5369]], [5699, [0, 421, 787]]] });
    const length = bytes.length;
    expect(retimeWebm(bytes, 400)).toBe(6);
    expect(bytes.length).toBe(length);
    const w = readWebm(bytes);
    expect(w.frames.map((f) => f.timeMs)).toEqual([0, 400, 800, 1200, 1600, 2000]);
    expect(w.frames.map((f) => f.key)).toEqual([true, false, false, true, false, false]);
    expect(w.durationMs).toBe(2400);
    // The second cluster's cue point (written 5699) now names its first frame's time, 1200.
    const cueTime = (t: number) => [0xb3, ...size8(2), t >> 8, t & 0xff].join();
    const all = [...bytes].join();
    expect(all).toContain(cueTime(1200));
    expect(all).not.toContain(cueTime(5699));
  });

  it('refuses to retime when a new time does not fit where the old one was', () => {
    // A cluster stamped 1 (one byte) whose frame must move to 400: a byte holds at most 255.
    const bytes = file({ simple: true, unknownSizes: true, clusters: [[0, [0]], [1, [0]]] });
    expect(() => retimeWebm(bytes, 400)).toThrow(WebmError);
  });

  it('refuses what is not EBML, and a file cut short', () => {
    expect(() => readWebm(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toThrow(WebmError);
    const whole = file({ simple: false, unknownSizes: false });
    expect(() => readWebm(whole.subarray(0, whole.length - 5))).toThrow(WebmError);
  });
});
