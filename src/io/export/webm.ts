// A small reader of WebM (Matroska/EBML) files: enough to say what the replay video holds (its DocType,
// frame size, codec, each frame's time), and to retime it in place. The browser's MediaRecorder stamps
// each frame with the moment it arrived (the encoder's start-up holds the first one for seconds, a busy
// machine makes the rest uneven) and ends the duration at the last frame, so the last date would flash
// by; retimed, frame i starts at i × the frame time and the last one is held as long as the others.
//
// EBML: each element is an ID (a variable-length integer that keeps its length marker), a size (a
// variable-length integer without it; all ones means "unknown", as a live recording writes), then the
// data. The walk is flat: it steps into the master elements it knows and over everything else, so an
// element of unknown size needs no end to be found.

const ID = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
  clusterTimecode: 0xe7,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
  referenceBlock: 0xfb,
  cues: 0x1c53bb6b,
  cuePoint: 0xbb,
  cueTime: 0xb3,
} as const;

const MASTERS: ReadonlySet<number> = new Set([ID.ebml, ID.segment, ID.info, ID.tracks, ID.trackEntry, ID.video, ID.cluster, ID.blockGroup, ID.cues, ID.cuePoint]);

interface Element {
  id: number;
  /** where the data starts */
  at: number;
  /** the data's size, or null when unknown */
  size: number | null;
}

export class WebmError extends Error {}

/** The variable-length integer at `pos`: its length in bytes and value (`keepMarker` for IDs). */
function vint(bytes: Uint8Array, pos: number, keepMarker: boolean): { length: number; value: number; unknown: boolean } {
  const first = bytes[pos];
  if (first === undefined) throw new WebmError(`EBML cắt cụt ở byte ${pos}`);
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8) throw new WebmError(`EBML hỏng ở byte ${pos}`);
  if (pos + length > bytes.length) throw new WebmError(`EBML cắt cụt ở byte ${pos}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let ones = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = bytes[pos + i]!;
    value = value * 256 + b;
    ones &&= b === 0xff;
  }
  return { length, value, unknown: !keepMarker && ones };
}

/** Every element in document order, stepping into the known master elements. */
function walk(bytes: Uint8Array): Element[] {
  const out: Element[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const id = vint(bytes, pos, true);
    const size = vint(bytes, pos + id.length, false);
    const at = pos + id.length + size.length;
    const el: Element = { id: id.value, at, size: size.unknown ? null : size.value };
    out.push(el);
    if (MASTERS.has(el.id)) pos = at;
    else if (el.size === null) throw new WebmError(`phần tử 0x${el.id.toString(16)} không rõ cỡ`);
    else pos = at + el.size;
  }
  if (pos > bytes.length) throw new WebmError('EBML cắt cụt ở cuối tệp');
  return out;
}

function uint(bytes: Uint8Array, el: Element): number {
  let v = 0;
  for (let i = 0; i < (el.size ?? 0); i++) v = v * 256 + bytes[el.at + i]!;
  return v;
}

function float(bytes: Uint8Array, el: Element): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + el.at, el.size ?? 0);
  if (el.size === 4) return view.getFloat32(0);
  if (el.size === 8) return view.getFloat64(0);
  throw new WebmError(`số thực ${el.size} byte`);
}

const text = (bytes: Uint8Array, el: Element) => new TextDecoder().decode(bytes.subarray(el.at, el.at + (el.size ?? 0))).replace(/\0+$/, '');

export interface WebmFrame {
  /** milliseconds from the start */
  timeMs: number;
  key: boolean;
}

export interface WebmSummary {
  docType: string;
  codec: string | null;
  width: number | null;
  height: number | null;
  /** the segment's duration as written, in milliseconds, or null when not written */
  durationMs: number | null;
  /** every SimpleBlock and Block of the clusters, in order */
  frames: WebmFrame[];
}

/** milliseconds per tick of the file's timecodes (1 unless the file says otherwise) */
function msPerTick(bytes: Uint8Array, els: Element[]): number {
  const el = els.find((e) => e.id === ID.timecodeScale);
  return (el ? uint(bytes, el) : 1_000_000) / 1_000_000;
}

interface BlockAt {
  /** the timecode element of the block's cluster */
  cluster: Element;
  block: Element;
  /** where the block's signed 16-bit relative time sits */
  relAt: number;
  /** in ticks */
  time: number;
  key: boolean;
}

/** Every SimpleBlock and Block, in order, with its cluster's timecode element. */
function blocks(bytes: Uint8Array, els: Element[]): BlockAt[] {
  const out: BlockAt[] = [];
  let cluster: Element | null = null;
  let groupEnd = -1;
  for (const el of els) {
    if (el.id === ID.clusterTimecode) cluster = el;
    if (el.id === ID.blockGroup) groupEnd = el.at + (el.size ?? 0);
    // A Block is a key frame unless its group names a frame it refers to.
    if (el.id === ID.referenceBlock && el.at < groupEnd && out.length > 0) out[out.length - 1]!.key = false;
    if (el.id !== ID.simpleBlock && el.id !== ID.block) continue;
    if (!cluster) throw new WebmError('khối hình không thuộc cụm nào');
    // A block: track number (a vint), a signed 16-bit time relative to the cluster, flags.
    const track = vint(bytes, el.at, false);
    const view = new DataView(bytes.buffer, bytes.byteOffset + el.at + track.length, 3);
    const key = el.id === ID.simpleBlock ? (view.getUint8(2) & 0x80) !== 0 : true;
    out.push({ cluster, block: el, relAt: el.at + track.length, time: uint(bytes, cluster) + view.getInt16(0), key });
  }
  return out;
}

/** What a WebM file holds; throws WebmError when it is not EBML or is cut short. */
export function readWebm(bytes: Uint8Array): WebmSummary {
  const els = walk(bytes);
  if (els[0]?.id !== ID.ebml) throw new WebmError('không phải tệp EBML');
  const first = (id: number) => els.find((e) => e.id === id);
  const tick = msPerTick(bytes, els);
  const durationEl = first(ID.duration);
  const doc = first(ID.docType);
  const codec = first(ID.codecId);
  const w = first(ID.pixelWidth);
  const h = first(ID.pixelHeight);
  return {
    docType: doc ? text(bytes, doc) : '',
    codec: codec ? text(bytes, codec) : null,
    width: w ? uint(bytes, w) : null,
    height: h ? uint(bytes, h) : null,
    durationMs: durationEl ? float(bytes, durationEl) * tick : null,
    frames: blocks(bytes, els).map((b) => ({ timeMs: b.time * tick, key: b.key })),
  };
}

/** Writes an unsigned integer into an element's bytes, keeping its size. */
function putUint(bytes: Uint8Array, el: Element, value: number): void {
  const size = el.size ?? 0;
  if (value < 0 || value >= 256 ** size) throw new WebmError(`${value} không vừa ${size} byte`);
  for (let i = size - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) bytes[el.at + i] = v % 256;
}

/**
 * Sets, in place, frame i's time to i × `frameMs` and the duration to frames × `frameMs` (the cue
 * points follow their frames). A recorder stamps frames with the moment they reached it: the encoder's
 * start-up holds the first one for seconds, and a busy machine makes the rest uneven. Returns the
 * number of frames; throws WebmError where a new time does not fit where the old one was.
 */
export function retimeWebm(bytes: Uint8Array, frameMs: number): number {
  const els = walk(bytes);
  const tick = msPerTick(bytes, els);
  const all = blocks(bytes, els);
  const newTime = (i: number) => Math.round((i * frameMs) / tick);
  const clusterStart = new Map<Element, number>();
  all.forEach((b, i) => {
    if (!clusterStart.has(b.cluster)) clusterStart.set(b.cluster, i);
  });
  // A cue point names a time at or just before its key frame: it moves with the first frame from then.
  const cueTimes = els.filter((e) => e.id === ID.cueTime).map((el) => {
    const old = uint(bytes, el);
    const i = all.findIndex((b) => b.time >= old);
    return { el, time: i < 0 ? null : newTime(i) };
  });
  for (const [cluster, i] of clusterStart) putUint(bytes, cluster, newTime(i));
  all.forEach((b, i) => {
    const rel = newTime(i) - newTime(clusterStart.get(b.cluster)!);
    if (rel > 0x7fff) throw new WebmError(`khung ${i + 1} quá xa đầu cụm`);
    new DataView(bytes.buffer, bytes.byteOffset + b.relAt, 2).setInt16(0, rel);
  });
  for (const { el, time } of cueTimes) if (time !== null) putUint(bytes, el, time);
  setWebmDuration(bytes, all.length * frameMs);
  return all.length;
}
/**
 * Writes `ms` as the segment's duration, in place (the element keeps its size, so nothing moves).
 * Returns false, leaving the bytes as they were, when the file has no duration element to write.
 */
export function setWebmDuration(bytes: Uint8Array, ms: number): boolean {
  const els = walk(bytes);
  const tick = msPerTick(bytes, els);
  const el = els.find((e) => e.id === ID.duration);
  if (!el || (el.size !== 4 && el.size !== 8)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset + el.at, el.size);
  if (el.size === 4) view.setFloat32(0, ms / tick);
  else view.setFloat64(0, ms / tick);
  return true;
}
