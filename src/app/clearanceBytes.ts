// The clearance file's bytes as fetched, kept beside the collection parsed from them until the report
// worker takes them. Handing the worker those bytes (transferred: moved, not copied) and letting it
// parse them costs the main thread nothing, where posting the parsed collection made the main thread
// serialise every one of tens of thousands of polygons just as the map started drawing them.
// Only the file as fetched qualifies: a collection made on the page (edits, sketches) has no bytes
// and is posted as it is.

const bytesOf = new WeakMap<object, ArrayBuffer>();

/** `parsed` was parsed from `bytes` (regionSource). */
export function keepBytes(parsed: unknown, bytes: ArrayBuffer): void {
  if (typeof parsed === 'object' && parsed !== null) bytesOf.set(parsed, bytes);
}

/**
 * `validated` is what validation made of `parsed`: the same entries, with nothing the report reads
 * changed (the schema has no defaults or transforms for clearance; it only drops unknown keys).
 */
export function moveBytes(parsed: unknown, validated: object): void {
  if (typeof parsed !== 'object' || parsed === null) return;
  const bytes = bytesOf.get(parsed);
  if (!bytes) return;
  bytesOf.delete(parsed);
  bytesOf.set(validated, bytes);
}

/** The bytes `parsed` came from, once: a transferred buffer is gone from this thread. */
export function takeBytes(parsed: object): ArrayBuffer | undefined {
  const bytes = bytesOf.get(parsed);
  bytesOf.delete(parsed);
  return bytes;
}
