// Bytes → text, and the first looks at a file's bytes that tell formats apart whatever the extension.

/** "PK\x03\x04" (a zip with entries) or "PK\x05\x06" (an empty zip). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/** The ESRI Shapefile main file's magic number 9994, big-endian, at offset 0. */
export function isShp(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a;
}

function bomOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The encoding an XML declaration names (`<?xml … encoding="windows-1258"?>`), if any. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decodes text: a byte-order mark wins (Excel's "Unicode text" is UTF-16LE with one), then the given
 * encoding if the platform knows it, else UTF-8. The BOM itself is dropped. Never throws: bytes that
 * are not valid in the encoding become U+FFFD, which `looksLikeText` counts.
 */
export function decodeText(bytes: Uint8Array, encoding?: string | null): string {
  const bom = bomOf(bytes);
  let label = bom ?? encoding ?? 'utf-8';
  try {
    new TextDecoder(label);
  } catch {
    label = 'utf-8';
  }
  return new TextDecoder(label).decode(bytes);
}

/**
 * Is this text rather than binary? No NUL characters, and almost no undecodable bytes (U+FFFD) or
 * control characters other than tab, line feed, carriage return and form feed in the first 64 KB.
 */
export function looksLikeText(text: string): boolean {
  const head = text.slice(0, 65536);
  if (head.length === 0) return true;
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return false;
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return bad / head.length < 0.01;
}
