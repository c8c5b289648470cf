// Bundled Noto Sans (OFL) for map labels, declared through the style's `font-faces`, so Vietnamese
// diacritics render identically on every machine and with no network (no glyph server needed).
import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import vi400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import vi700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2?url';

export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans Bold';

// Ranges as @fontsource declares them for each subset file.
const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'];
const LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'];
const VIETNAMESE = ['U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1', 'U+01AF-01B0', 'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329', 'U+1EA0-1EF9', 'U+20AB'];

function absolute(url: string): string {
  // Style URLs must be absolute: the worker resolves them against its own (blob) location otherwise.
  return typeof document === 'undefined' ? url : new URL(url, document.baseURI).href;
}

export function fontFaces(): FontFacesSpecification {
  return {
    [FONT_REGULAR]: [
      { url: absolute(vi400), 'unicode-range': VIETNAMESE },
      { url: absolute(latinExt400), 'unicode-range': LATIN_EXT },
      { url: absolute(latin400), 'unicode-range': LATIN },
    ],
    [FONT_BOLD]: [
      { url: absolute(vi700), 'unicode-range': VIETNAMESE },
      { url: absolute(latinExt700), 'unicode-range': LATIN_EXT },
      { url: absolute(latin700), 'unicode-range': LATIN },
    ],
  };
}
