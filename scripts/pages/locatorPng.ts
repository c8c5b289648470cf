// The locator map (./locatorSvg) as a PNG, for link previews: Facebook, Zalo and most chat apps do not
// show an SVG as an Open Graph image. Rendered in Node at build time with resvg (@resvg/resvg-js: the
// Rust renderer with prebuilt binaries in the npm registry, no browser and no download at install),
// with the app's own Noto Sans from the npm package, so the caption keeps its Vietnamese diacritics
// whatever fonts the build machine has.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const fontDir = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
const FONT_FILES = [join(fontDir, '400Regular', 'NotoSans_400Regular.ttf'), join(fontDir, '700Bold', 'NotoSans_700Bold.ttf')];

/** The SVG drawn at its own size (1200 × 630) as PNG bytes. */
export function locatorPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    // System fonts would make the picture depend on the machine (and loading them is slow).
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'Noto Sans' },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}
