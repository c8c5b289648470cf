// What an online MapLibre style needs from its host to draw offline: its sources' tile templates (a
// TileJSON `url` resolved into `tiles`), its sprite files and a set of glyph ranges. The resolved style is
// what gets saved, so offline it needs no TileJSON request.
import type { SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

export type FetchJson = (url: string, signal?: AbortSignal) => Promise<unknown>;

export interface StyleResources {
  /** the style with every vector/raster source's TileJSON inlined */
  style: StyleSpecification;
  /** tile URL templates ({z}/{x}/{y}) with each source's zoom range */
  tileSources: { id: string; templates: string[]; minzoom: number; maxzoom: number }[];
  /** sprite and glyph files, absolute URLs */
  files: string[];
}

// Glyph ranges of 256 code points: Basic Latin and Latin-1, Latin Extended-A/B (ơ, ư, đ), combining
// marks, Latin Extended Additional (ạ…ỹ, every Vietnamese tone letter) and general punctuation (–, ’).
// Other scripts (Chinese names near the border) are drawn by the browser's own font, as MapLibre does
// by default for CJK ideographs.
export const GLYPH_RANGES = ['0-255', '256-511', '512-767', '768-1023', '7680-7935', '8192-8447'];

interface TileJson {
  tiles?: unknown;
  minzoom?: unknown;
  maxzoom?: unknown;
  attribution?: unknown;
  bounds?: unknown;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Fonts the style's symbol layers name in a literal text-font (expressions are left to the defaults). */
function fontStacks(style: StyleSpecification): string[] {
  const stacks = new Set<string>();
  for (const layer of style.layers) {
    if (layer.type !== 'symbol') continue;
    const font: unknown = layer.layout?.['text-font'];
    if (Array.isArray(font) && font.every((f) => typeof f === 'string')) stacks.add(font.join(','));
    else if (Array.isArray(font)) {
      // ["literal", [...]] or a step/match: collect every string array found inside.
      const walk = (v: unknown): void => {
        if (Array.isArray(v) && v.length > 0 && v.every((f) => typeof f === 'string') && v[0] !== 'literal') stacks.add(v.join(','));
        else if (Array.isArray(v)) v.forEach(walk);
      };
      walk(font);
    }
  }
  return [...stacks];
}

function spriteFiles(sprite: StyleSpecification['sprite']): string[] {
  if (!sprite) return [];
  const bases = typeof sprite === 'string' ? [sprite] : sprite.map((s) => s.url);
  return bases.flatMap((b) => ['.json', '.png', '@2x.json', '@2x.png'].map((ext) => withSuffix(b, ext)));
}

/** `ext` added to the URL's path, before any query (MapLibre asks for sprite files this way). */
function withSuffix(url: string, ext: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url + ext : url.slice(0, q) + ext + url.slice(q);
}

export async function resolveStyleResources(style: StyleSpecification, styleUrl: string, fetchJson: FetchJson, signal?: AbortSignal): Promise<StyleResources> {
  const sources: Record<string, SourceSpecification> = {};
  const tileSources: StyleResources['tileSources'] = [];
  for (const [id, src] of Object.entries(style.sources)) {
    if (src.type !== 'vector' && src.type !== 'raster') {
      sources[id] = src;
      continue;
    }
    let tiles = src.tiles;
    let minzoom = src.minzoom;
    let maxzoom = src.maxzoom;
    let attribution = src.attribution;
    if (!tiles && src.url) {
      const tj = (await fetchJson(new URL(src.url, styleUrl).href, signal)) as TileJson;
      tiles = Array.isArray(tj.tiles) ? tj.tiles.filter((t): t is string => typeof t === 'string') : [];
      minzoom ??= num(tj.minzoom, 0);
      maxzoom ??= num(tj.maxzoom, 14);
      if (typeof tj.attribution === 'string') attribution ??= tj.attribution;
    }
    const abs = (tiles ?? []).map((t) => new URL(t, styleUrl).href.replace(/%7B/g, '{').replace(/%7D/g, '}'));
    const resolved = { ...src, tiles: abs, minzoom: minzoom ?? 0, maxzoom: maxzoom ?? 22, ...(attribution ? { attribution } : {}) };
    delete (resolved as { url?: string }).url;
    sources[id] = resolved;
    tileSources.push({ id, templates: abs, minzoom: resolved.minzoom, maxzoom: resolved.maxzoom });
  }
  const glyphs = style.glyphs ? new URL(style.glyphs.replace('{fontstack}', '__F__').replace('{range}', '__R__'), styleUrl).href : null;
  const glyphFiles = glyphs
    ? fontStacks(style).flatMap((stack) => GLYPH_RANGES.map((r) => glyphs.replace('__F__', stack).replace('__R__', r)))
    : [];
  const sprite = typeof style.sprite === 'string' ? new URL(style.sprite, styleUrl).href : style.sprite?.map((s) => ({ ...s, url: new URL(s.url, styleUrl).href }));
  const resolvedStyle: StyleSpecification = {
    ...style,
    sources,
    ...(glyphs ? { glyphs: glyphs.replace('__F__', '{fontstack}').replace('__R__', '{range}') } : {}),
    ...(sprite ? { sprite } : {}),
  };
  return { style: resolvedStyle, tileSources, files: [...spriteFiles(sprite), ...glyphFiles] };
}

export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}
