// Where a text stops being JSON. JSON.parse says so in words that differ by engine (V8's "at
// position N", or no position at all for an unexpected token; Firefox's "line L column C"), so a
// planner's message would depend on the browser. This small recursive-descent check of RFC 8259
// gives the same answer everywhere. It runs only after JSON.parse has failed.

class Stop {
  constructor(readonly at: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Deeper than any GeoJSON (a MultiPolygon's positions are 4 levels down, inside 3 of the file's own). */
const MAX_DEPTH = 1000;

class TooDeep {}

/**
 * The offset of the first character at which `text` stops being JSON, `text.length` when it ends
 * before the JSON does (a file cut short), or -1 when it is valid JSON or nests deeper than
 * MAX_DEPTH (no GeoJSON does; following 100 000 brackets would overflow the call stack).
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const fail = (at: number): never => {
    throw new Stop(at);
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expectMore = () => {
    ws();
    if (i >= n) fail(n);
  };
  const string = () => {
    i++; // the opening quote
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        return;
      }
      if (ch === 0x5c) i += 2;
      else if (ch < 0x20) fail(i);
      else i++;
    }
    fail(n);
  };
  let depth = 0;
  const value = (): void => {
    expectMore();
    const ch = text[i]!;
    if (ch === '{' || ch === '[') {
      if (++depth > MAX_DEPTH) throw new TooDeep();
      const close = ch === '{' ? '}' : ']';
      i++;
      expectMore();
      if (text[i] === close) {
        i++;
        depth--;
        return;
      }
      for (;;) {
        if (close === '}') {
          expectMore();
          if (text[i] !== '"') fail(i);
          string();
          expectMore();
          if (text[i] !== ':') fail(i);
          i++;
        }
        value();
        expectMore();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          depth--;
          return;
        }
        fail(i);
      }
    }
    if (ch === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
      // "tr" at the very end: cut short inside a word
      if (n - i < word.length && word.startsWith(text.slice(i))) fail(n);
    }
    if (ch === '-' && i + 1 >= n) fail(n);
    fail(i);
  };
  try {
    value();
    ws();
    return i < n ? i : -1;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    if (e instanceof TooDeep) return -1;
    throw e;
  }
}
