// The map image for PNG and PDF: the map's frame with a title band above (province, dates), and
// drawn over the map a scale bar and a north arrow turned by the bearing; under it the legend and the credits.
// All sizes are in CSS pixels times the canvas's pixel ratio, so a retina frame keeps its sharpness.
import type { SiteGroup } from '../../domain/siteClass';
import { COLORS, FILL_OPACITY } from '../../map/theme';
import type { Messages } from '../../i18n/messages';
import type { MapFrame } from '../../map/snapshot';
import { scaleBar } from './scaleBar';
import type { LegendRow, LegendSwatch } from './legendRows';

export interface MapImageInput {
  frame: MapFrame;
  camera: { zoom: number; bearing: number; center: [number, number] };
  title: string;
  subtitle: string;
  attribution: string;
  /** every layer drawn on the map, the planner's files and sketches by name (see legendRows.ts) */
  legend: LegendRow[];
  t: Messages;
  /** false: no title band (the PDF writes the title as text above the image, once) */
  titleBand?: boolean;
  /** burned into the map's top left (a replay frame: its date and total), with the sample label when any */
  banner?: { lines: string[]; sample: string | null };
}

const FONT = '"Noto Sans", system-ui, sans-serif';
const TITLE_BAND = 64;
const FOOT_BAND = 22;

function siteSwatch(ctx: CanvasRenderingContext2D, group: SiteGroup, x: number, y: number, w: number, h: number, r: number) {
  const kcn = group.startsWith('kcn');
  const existing = group.endsWith('existing');
  ctx.save();
  ctx.globalAlpha = existing ? FILL_OPACITY.existing : FILL_OPACITY.planned;
  ctx.fillStyle = kcn ? COLORS.kcn : COLORS.ccn;
  ctx.fillRect(x, y, w, h);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = kcn ? COLORS.kcnDark : COLORS.ccnDark;
  ctx.lineWidth = 1.6 * r;
  if (!existing) ctx.setLineDash([4 * r, 3 * r]);
  ctx.strokeRect(x, y, w, h);
  ctx.restore();
}

function swatch(ctx: CanvasRenderingContext2D, sw: LegendSwatch, x: number, y: number, w: number, h: number, r: number) {
  ctx.save();
  switch (sw.kind) {
    case 'site':
      siteSwatch(ctx, sw.group, x, y, w, h, r);
      break;
    case 'fill': {
      const part = w / sw.colors.length;
      ctx.globalAlpha = 0.7;
      sw.colors.forEach((c, i) => {
        ctx.fillStyle = c;
        ctx.fillRect(x + i * part, y, part - (i < sw.colors.length - 1 ? r : 0), h);
      });
      ctx.globalAlpha = 1;
      if (sw.colors.length === 1) {
        ctx.strokeStyle = sw.colors[0]!;
        ctx.lineWidth = 1.6 * r;
        ctx.strokeRect(x, y, w, h);
      }
      break;
    }
    case 'line':
      ctx.strokeStyle = sw.color;
      ctx.lineWidth = 3 * r;
      if (sw.dashed) ctx.setLineDash([5 * r, 3 * r]);
      ctx.beginPath();
      ctx.moveTo(x, y + h / 2);
      ctx.lineTo(x + w, y + h / 2);
      ctx.stroke();
      break;
    case 'dot':
      ctx.fillStyle = sw.color;
      ctx.beginPath();
      ctx.arc(x + w / 2, y + h / 2, 5 * r, 0, 2 * Math.PI);
      ctx.fill();
      break;
  }
  ctx.restore();
}

function panel(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#9a9284';
  ctx.lineWidth = r;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 4 * r);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

/** The replay's date and total, large, in a box; the sample label under them in the sample colour. */
function banner(ctx: CanvasRenderingContext2D, b: NonNullable<MapImageInput['banner']>, x: number, y: number, r: number) {
  const sizes = b.lines.map((_, i) => (i === 0 ? 22 : 15) * r);
  const fonts = sizes.map((px, i) => `${i === 0 ? 700 : 400} ${px}px ${FONT}`);
  const widths = b.lines.map((l, i) => {
    ctx.font = fonts[i]!;
    return ctx.measureText(l).width;
  });
  ctx.font = `700 ${13 * r}px ${FONT}`;
  const sampleW = b.sample ? ctx.measureText(b.sample).width + 16 * r : 0;
  const w = Math.max(...widths, sampleW) + 24 * r;
  const h = sizes.reduce((a, px) => a + px * 1.35, 0) + (b.sample ? 26 * r : 0) + 16 * r;
  panel(ctx, x, y, w, h, r);
  let cy = y + 8 * r;
  b.lines.forEach((l, i) => {
    cy += sizes[i]! * 1.2;
    ctx.font = fonts[i]!;
    ctx.fillStyle = '#1b1b1b';
    ctx.fillText(l, x + 12 * r, cy);
    cy += sizes[i]! * 0.15;
  });
  if (b.sample) {
    cy += 6 * r;
    ctx.fillStyle = '#fff3cd';
    ctx.fillRect(x + 12 * r, cy, sampleW, 20 * r);
    ctx.strokeStyle = '#b7791f';
    ctx.lineWidth = r;
    ctx.strokeRect(x + 12 * r, cy, sampleW, 20 * r);
    ctx.fillStyle = '#7a4b00';
    ctx.font = `700 ${13 * r}px ${FONT}`;
    ctx.fillText(b.sample, x + 20 * r, cy + 15 * r);
  }
}

export function composeMapImage(input: MapImageInput): HTMLCanvasElement {
  const { frame, camera, t } = input;
  const r = frame.canvas.width / frame.cssWidth || 1;
  const W = frame.canvas.width;
  const mapH = frame.canvas.height;
  const withTitle = input.titleBand !== false;
  const top = withTitle ? Math.round(TITLE_BAND * r) : 0;
  // The legend goes in a band under the map, not over it: drawn over the map it hid place names and
  // site labels, and a long list (the planner's files, sketches) would cover the sites themselves.
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('canvas 2d');
  measure.font = `400 ${12 * r}px ${FONT}`;
  const rowH = 20 * r;
  const maxLabel = Math.min(300 * r, W * 0.45);
  const labels = input.legend.map((row) => fitText(measure, row.label, maxLabel));
  const colW = Math.max(...labels.map((l) => measure.measureText(l).width), 0) + 56 * r;
  const cols = Math.max(1, Math.min(labels.length, Math.floor((W - 20 * r) / colW)));
  const perCol = Math.ceil(labels.length / cols);
  const legendTop = top + mapH;
  const legendH = labels.length > 0 ? 30 * r + perCol * rowH : 0;
  const out = document.createElement('canvas');
  out.width = W;
  out.height = legendTop + legendH + Math.round(FOOT_BAND * r);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('canvas 2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(frame.canvas, 0, top);

  // Title band.
  if (withTitle) {
    ctx.fillStyle = '#1b1b1b';
    ctx.textBaseline = 'alphabetic';
    ctx.font = `700 ${22 * r}px ${FONT}`;
    ctx.fillText(input.title, 14 * r, 30 * r, W - 28 * r);
    ctx.font = `400 ${13 * r}px ${FONT}`;
    ctx.fillStyle = '#4a4a4a';
    ctx.fillText(input.subtitle, 14 * r, 52 * r, W - 28 * r);
    ctx.fillStyle = COLORS.regionLine;
    ctx.fillRect(0, top - 2 * r, W, 2 * r);
  }

  // Legend band: rows in columns, left to right.
  ctx.fillStyle = COLORS.regionLine;
  ctx.fillRect(0, legendTop, W, r);
  if (labels.length > 0) {
    ctx.fillStyle = '#1b1b1b';
    ctx.font = `700 ${12 * r}px ${FONT}`;
    ctx.fillText(t.export_legend, 14 * r, legendTop + 20 * r);
    ctx.font = `400 ${12 * r}px ${FONT}`;
    input.legend.forEach((row, i) => {
      const x = 14 * r + Math.floor(i / perCol) * colW;
      const y = legendTop + 26 * r + (i % perCol) * rowH;
      swatch(ctx, row.swatch, x, y + 3 * r, 24 * r, 13 * r, r);
      ctx.fillStyle = '#1b1b1b';
      ctx.fillText(labels[i]!, x + 32 * r, y + 14 * r);
    });
  }
  if (input.banner) banner(ctx, input.banner, 10 * r, top + 10 * r, r);

  // Scale bar, bottom left.
  const lat = camera.center[1];
  const bar = scaleBar(camera.zoom, lat, 140);
  const bx = 10 * r;
  const by = top + mapH - 14 * r;
  const bw = bar.px * r;
  panel(ctx, bx, by - 24 * r, bw + 16 * r, 32 * r, r);
  ctx.strokeStyle = '#1b1b1b';
  ctx.lineWidth = 2 * r;
  ctx.beginPath();
  ctx.moveTo(bx + 8 * r, by - 6 * r);
  ctx.lineTo(bx + 8 * r, by);
  ctx.lineTo(bx + 8 * r + bw, by);
  ctx.lineTo(bx + 8 * r + bw, by - 6 * r);
  ctx.stroke();
  ctx.fillStyle = '#1b1b1b';
  ctx.font = `400 ${11 * r}px ${FONT}`;
  ctx.fillText(bar.label, bx + 10 * r, by - 10 * r);

  // North arrow, top right: MapLibre's bearing turns the map clockwise, so north points −bearing.
  const cx = W - 30 * r;
  const cy = top + 34 * r;
  panel(ctx, cx - 20 * r, cy - 26 * r, 40 * r, 52 * r, r);
  ctx.save();
  ctx.translate(cx, cy + 4 * r);
  ctx.rotate((-camera.bearing * Math.PI) / 180);
  ctx.beginPath();
  ctx.moveTo(0, -16 * r);
  ctx.lineTo(8 * r, 10 * r);
  ctx.lineTo(0, 5 * r);
  ctx.lineTo(-8 * r, 10 * r);
  ctx.closePath();
  ctx.fillStyle = '#1b1b1b';
  ctx.fill();
  ctx.restore();
  ctx.font = `700 ${11 * r}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText(t.export_north, cx, cy - 13 * r);
  ctx.textAlign = 'left';

  // Credits.
  ctx.font = `400 ${10 * r}px ${FONT}`;
  ctx.fillStyle = '#4a4a4a';
  ctx.fillText(input.attribution, 10 * r, out.height - 7 * r, W - 20 * r);
  return out;
}

/** The text as it fits in `max` px at the current font, cut with "…" when it does not. */
function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
}
