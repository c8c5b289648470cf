// Key/value pairs out of the HTML that provincial portals and GIS exports put in a KML <description>
// (<table><tr><td>Tên</td><td>KCN …</td></tr>…</table>, often a table nested in a one-cell table).
// Works on the text alone, with no DOM: nothing of the HTML is kept, rendered or executed; only the
// text of cells and the text between tables come out, entities decoded, scripts and styles dropped.

export interface HtmlFields {
  /** [key, value] pairs in document order, keys and values as plain text */
  fields: [string, string][];
  /** the remaining plain text (title rows, text outside tables), lines joined by "\n" */
  text: string;
}

// The named entities of HTML 4's Latin-1 range (U+00C0–U+00FF): old exports write "Lào Cai" as
// "L&agrave;o Cai". Vietnamese letters beyond Latin-1 are numeric references (&#7885;), decoded below.
const LATIN1 =
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml ' +
  'eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  deg: '°',
  hellip: '…',
};
LATIN1.split(' ').forEach((name, i) => {
  NAMED[name] = String.fromCodePoint(0xc0 + i);
});

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? all;
  });
}

/** Does this text contain HTML markup (a tag or a comment), rather than plain text? */
export function looksLikeHtml(s: string): boolean {
  return /<\s*\/?\s*[a-z][a-z0-9]*(\s[^>]*)?\/?>|<!--/i.test(s);
}

interface Cell {
  header: boolean;
  text: string;
}
interface Table {
  rows: Cell[][];
  cell: Cell | null;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>|([^<]+)|</g;
const BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Pairs from one table's rows: two-cell rows, or a header row over one data row of the same width. */
function tablePairs(rows: Cell[][], fields: [string, string][], rest: string[]): void {
  const full = rows.filter((r) => r.some((c) => clean(c.text) !== ''));
  const [head, body] = full;
  if (
    full.length === 2 &&
    head &&
    body &&
    head.length === body.length &&
    head.length > 2 &&
    head.every((c) => c.header)
  ) {
    head.forEach((c, i) => fields.push([clean(c.text), clean(body[i]!.text)]));
    return;
  }
  for (const row of full) {
    const texts = row.map((c) => clean(c.text));
    if (texts.length === 2 && texts[0] !== '') fields.push([texts[0]!, texts[1]!]);
    else rest.push(texts.filter((t) => t !== '').join(' · '));
  }
}

/** Reads the key/value pairs and remaining text of an HTML fragment. */
export function htmlFields(html: string): HtmlFields {
  const fields: [string, string][] = [];
  const rest: string[] = [];
  const tables: Table[] = [];
  let outside = '';
  let skipUntil: string | null = null;

  const append = (s: string) => {
    const t = tables[tables.length - 1];
    if (!t) outside += s;
    else if (t.cell) t.cell.text += s;
  };
  const closeTable = () => {
    const t = tables.pop();
    if (t) tablePairs(t.rows, fields, rest);
  };

  for (const m of html.matchAll(TOKEN)) {
    const [all, cdata, slash, rawTag, , text] = m;
    const tag = rawTag?.toLowerCase();
    if (skipUntil) {
      if (slash && tag === skipUntil) skipUntil = null;
      continue;
    }
    if (cdata !== undefined) append(cdata);
    else if (text !== undefined) append(decodeEntities(text));
    else if (all === '<') append('<');
    else if (!tag) continue;
    else if (!slash && (tag === 'script' || tag === 'style' || tag === 'head' || tag === 'title')) skipUntil = tag;
    else if (tag === 'table') {
      if (slash) closeTable();
      else {
        if (tables.length === 0 && outside.trim()) {
          rest.push(...outside.split('\n').map(clean).filter(Boolean));
          outside = '';
        }
        tables.push({ rows: [], cell: null });
      }
    } else if (tables.length > 0 && (tag === 'tr' || tag === 'td' || tag === 'th')) {
      const t = tables[tables.length - 1]!;
      if (slash) {
        t.cell = null;
      } else if (tag === 'tr') {
        t.rows.push([]);
        t.cell = null;
      } else {
        if (t.rows.length === 0) t.rows.push([]);
        t.cell = { header: tag === 'th', text: '' };
        t.rows[t.rows.length - 1]!.push(t.cell);
      }
    } else if (BREAKS.has(tag)) append('\n');
    else append(''); // inline tags (b, i, span, font…) leave their text as it is
  }
  while (tables.length > 0) closeTable();
  rest.push(...outside.split('\n').map(clean).filter(Boolean));
  return { fields, text: rest.filter(Boolean).join('\n') };
}
