// A small static map for a page and its link preview (1200 × 630, the Open Graph size): the province's
// outline from the embedded basemap, every located site as a dot, and the page's site ringed in red.
// Plain SVG text, made at build time; the projection is the printed fact sheet's (src/geo/locator.ts).
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { locatorProjection } from '../../src/geo/locator';

const W = 1200;
const H = 630;
const PAD = 40;

type Shape = Feature<Polygon | MultiPolygon>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface LocatorInput {
  province: Shape | null;
  /** the region's bbox, used when the basemap has no outline for it */
  bbox: [number, number, number, number];
  dots: { id: string; at: Position; kind: 'kcn' | 'ccn' }[];
  /** the page's own site, ringed; null on the province page or for a site with no known position */
  focus: string | null;
  /** written on the picture (the site's or the province's name) */
  caption: string;
  /** the accessible name of the picture */
  title: string;
}

export function locatorSvg(input: LocatorInput): string {
  const { toPx: px, path } = locatorProjection(input.province?.geometry ?? null, input.bbox, { width: W, height: H, pad: PAD, top: 50 });
  const dots = input.dots
    .filter((d) => d.id !== input.focus)
    .map((d) => {
      const [x, y] = px(d.at);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${d.kind === 'kcn' ? '#1f5fa8' : '#c2570c'}" fill-opacity="0.75"/>`;
    })
    .join('');
  const focus = input.dots.find((d) => d.id === input.focus);
  const ring = focus
    ? (() => {
        const [x, y] = px(focus.at);
        return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="26" fill="none" stroke="#b3001b" stroke-width="6"/><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="10" fill="#b3001b"/>`;
      })()
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="t">`,
    `<title id="t">${esc(input.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#eef3f8"/>`,
    path ? `<path d="${path}" fill="#ffffff" stroke="#5a6b7d" stroke-width="2" fill-rule="evenodd"/>` : '',
    dots,
    ring,
    `<text x="${PAD}" y="${PAD + 24}" font-family="'Noto Sans', Arial, sans-serif" font-size="34" font-weight="700" fill="#17202a">${esc(input.caption)}</text>`,
    '</svg>',
  ].join('');
}
