// The PDF report, A4 landscape: page 1 the map image with its title and legend, then the targets
// table and the site table. Loaded only when a user asks for a PDF (jsPDF and the fonts are large).
// Noto Sans regular and bold are embedded so Vietnamese shows with every mark on any PDF reader; the
// TTFs are fetched from the build's own assets (`?url`), never on the start-up path.
import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import type { jsPDF as JsPdf } from 'jspdf';
import type { RegionReport } from '../../analytics/report';
import type { TargetResult } from '../../analytics/targets';
import { formatDate, formatHa, formatNumber, type Lang } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';
import { formatTargetValue, verdictText } from '../targets/formatTarget';
import { STATUS, withBasis } from '../../io/export/labels';
import { clearanceBasis, targetBasis } from '../../io/export/records';

const FAMILY = 'NotoSans';
const MARGIN = 36;

async function base64Of(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  let bin = '';
  // In chunks: String.fromCharCode on 600 kB of arguments overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

interface Column {
  head: string;
  width: number;
  align?: 'right';
}

/**
 * A plain table with a bold header row repeated on each page; cells wrap within their column. `reserveAfter`
 * keeps that much room under the last row (for a note that follows), so the note never sits alone on a page.
 */
function table(doc: JsPdf, top: number, columns: Column[], rows: string[][], newPage: () => number, reserveAfter = 0): number {
  const pageH = doc.internal.pageSize.getHeight();
  const lineH = 11;
  let y = top;
  const drawRow = (cells: string[], bold: boolean, reserve = 0) => {
    doc.setFont(FAMILY, bold ? 'bold' : 'normal');
    const wrapped = cells.map((c, i) => doc.splitTextToSize(c, columns[i]!.width - 6) as string[]);
    const h = Math.max(...wrapped.map((w) => w.length)) * lineH + 5;
    if (y + h + reserve > pageH - MARGIN) {
      y = newPage();
      if (!bold) drawRow(columns.map((c) => c.head), true);
      doc.setFont(FAMILY, 'normal');
    }
    let x = MARGIN;
    if (bold) {
      doc.setFillColor(238, 234, 226);
      doc.rect(MARGIN, y, columns.reduce((s, c) => s + c.width, 0), h, 'F');
    }
    wrapped.forEach((lines, i) => {
      const col = columns[i]!;
      lines.forEach((line, k) => {
        const ty = y + 10 + k * lineH;
        if (col.align === 'right') doc.text(line, x + col.width - 3, ty, { align: 'right' });
        else doc.text(line, x + 3, ty);
      });
      x += col.width;
    });
    y += h;
    doc.setDrawColor(210, 205, 195);
    doc.line(MARGIN, y, x, y);
  };
  drawRow(columns.map((c) => c.head), true);
  rows.forEach((r, i) => drawRow(r, false, i === rows.length - 1 ? reserveAfter : 0));
  return y;
}

function goalText(r: TargetResult, lang: Lang): string {
  const target = r.target;
  if (target.value === null) return '—';
  const v =
    target.valueMax !== undefined
      ? `${formatNumber(target.value, lang)}–${formatTargetValue(r, target.valueMax, lang)}`
      : formatTargetValue(r, target.value, lang);
  return `${target.comparator === '>=' || target.comparator === 'about>' ? '≥ ' : ''}${v}`;
}

export interface PdfInput {
  mapPng: string;
  mapSize: { width: number; height: number };
  title: string;
  subtitle: string;
  report: RegionReport;
  lang: Lang;
  t: Messages;
}

export async function makePdf(input: PdfInput): Promise<Blob> {
  const { t, lang, report } = input;
  const [{ jsPDF }, regular, bold] = await Promise.all([import('jspdf'), base64Of(regularUrl), base64Of(boldUrl)]);
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4', compress: true });
  doc.addFileToVFS('NotoSans-Regular.ttf', regular);
  doc.addFont('NotoSans-Regular.ttf', FAMILY, 'normal');
  doc.addFileToVFS('NotoSans-Bold.ttf', bold);
  doc.addFont('NotoSans-Bold.ttf', FAMILY, 'bold');
  doc.setProperties({ title: input.title, subject: input.subtitle, creator: t.appTitle });
  doc.setLanguage(lang === 'vi' ? 'vi' : 'en-GB');
  const pageW = doc.internal.pageSize.getWidth();
  const pageH = doc.internal.pageSize.getHeight();

  // Page 1: the map image (it carries the title band, legend, scale bar and north arrow).
  doc.setFont(FAMILY, 'bold');
  doc.setFontSize(16);
  doc.text(input.title, MARGIN, MARGIN + 4);
  doc.setFont(FAMILY, 'normal');
  doc.setFontSize(10);
  doc.text(input.subtitle, MARGIN, MARGIN + 20);
  const boxW = pageW - 2 * MARGIN;
  const boxH = pageH - 2 * MARGIN - 52;
  const scale = Math.min(boxW / input.mapSize.width, boxH / input.mapSize.height);
  const w = input.mapSize.width * scale;
  const h = input.mapSize.height * scale;
  doc.addImage(input.mapPng, 'PNG', MARGIN + (boxW - w) / 2, MARGIN + 30, w, h, undefined, 'FAST');
  doc.setFontSize(8);
  doc.text(t.export_indicativeNote, MARGIN, pageH - MARGIN + 8);

  const newPage = () => {
    doc.addPage();
    return MARGIN;
  };

  // Targets.
  let y = newPage();
  doc.setFont(FAMILY, 'bold');
  doc.setFontSize(13);
  doc.text(`${t.export_targets} — ${formatDate(report.asOf, lang)}`, MARGIN, y + 4);
  doc.setFontSize(9);
  const tw = pageW - 2 * MARGIN;
  const targetRows = report.targets.map((r) => [
    r.target.label[lang],
    // A figure from sample data or a sketch carries the words in its own cell, at the figure's size.
    r.value === null ? '—' : withBasis(formatTargetValue(r, r.value, lang), targetBasis(r, report), lang),
    goalText(r, lang),
    r.target.deadlineLabel?.[lang] ?? formatDate(r.target.deadline, lang),
    verdictText(r, t) ?? '—',
  ]);
  y = table(
    doc,
    y + 14,
    [
      { head: t.export_colTarget, width: tw * 0.44 },
      { head: t.export_colValue, width: tw * 0.14, align: 'right' },
      { head: t.export_colGoal, width: tw * 0.14, align: 'right' },
      { head: t.export_colDeadline, width: tw * 0.16 },
      { head: t.export_colMet, width: tw * 0.12 },
    ],
    targetRows,
    newPage,
  );

  // Sites.
  y = y + 60 > pageH - MARGIN ? newPage() : y + 24;
  doc.setFont(FAMILY, 'bold');
  doc.setFontSize(13);
  doc.text(t.export_sites, MARGIN, y + 4);
  doc.setFontSize(9);
  const ha = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : formatHa(x, lang).replace(/ ha$/, ''));
  const siteRows = report.sites.map((s) => [
    s.name[lang],
    s.kind.toUpperCase(),
    STATUS[lang][s.status],
    ha(s.declaredHa),
    ha(s.areas?.ellipsoidalHa),
    withBasis(ha(s.clearance && s.clearance.method !== 'none' ? s.clearance.clearedHa : null), clearanceBasis(s), lang),
  ]);
  doc.setFont(FAMILY, 'normal');
  doc.setFontSize(8);
  const note = doc.splitTextToSize(t.export_areaNote, tw) as string[];
  const noteH = 6 + note.length * 10;
  doc.setFontSize(9);
  y = table(
    doc,
    y + 14,
    [
      { head: t.export_colName, width: tw * 0.3 },
      { head: t.export_colKind, width: tw * 0.08 },
      { head: t.export_colStatus, width: tw * 0.2 },
      { head: t.export_colDeclared, width: tw * 0.14, align: 'right' },
      { head: t.export_colEllipsoidal, width: tw * 0.14, align: 'right' },
      { head: t.export_colCleared, width: tw * 0.14, align: 'right' },
    ],
    siteRows,
    newPage,
    noteH,
  );
  // The note goes under the table's last row, on its page: the table left room for it.
  doc.setFont(FAMILY, 'normal');
  doc.setFontSize(8);
  doc.text(note, MARGIN, y + 14);

  const pages = doc.getNumberOfPages();
  for (let i = 1; i <= pages; i++) {
    doc.setPage(i);
    doc.setFontSize(8);
    doc.text(t.export_page(String(i), String(pages)), pageW - MARGIN, pageH - 16, { align: 'right' });
  }
  return doc.output('blob');
}
