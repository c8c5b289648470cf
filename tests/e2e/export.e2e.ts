// Every export of the header's menu, downloaded in a real browser and read back: the GeoJSON, CSV and
// KML parse and carry the sites; the PNG is a real image at least as large as the map; the PDF is an
// A4 landscape document with its fonts embedded.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { appAndBrowser, importThroughChooser, openOffline, ROOT, waitForIdleMap } from './harness';

const app = appAndBrowser();

async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-button').click();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator(`[role="menuitem"][data-format="${format}"]`).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** The text of every stream of a PDF, inflated when it is compressed. */
function pdfStreams(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const len = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const start = m.index + m[0].length;
    const raw = bytes.subarray(start, start + len);
    try {
      out.push(/FlateDecode/.test(m[1]!) ? inflateSync(raw).toString('latin1') : raw.toString('latin1'));
    } catch {
      // an image or a stream this reader does not need
    }
  }
  return out;
}

/**
 * The PDF's text in drawing order: jsPDF writes each line as glyph ids (<00ab00cd> Tj) of the embedded
 * font, which the font's ToUnicode map turns back into characters, as a reader's search does.
 */
function pdfText(bytes: Buffer): string[] {
  const streams = pdfStreams(bytes);
  const map = new Map<string, string>();
  for (const c of streams.filter((x) => /beginbfchar/.test(x))) {
    for (const m of c.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) {
      const hex = m[2]!;
      let text = '';
      for (let i = 0; i < hex.length; i += 4) text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
      map.set(m[1]!.toLowerCase().padStart(4, '0'), text);
    }
  }
  const lines: string[] = [];
  for (const st of streams) {
    for (const m of st.matchAll(/<([0-9a-fA-F]+)>\s*Tj/g)) {
      const hex = m[1]!.toLowerCase();
      let text = '';
      for (let i = 0; i < hex.length; i += 4) text += map.get(hex.slice(i, i + 4)) ?? '?';
      lines.push(text);
    }
  }
  return lines;
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('exports', () => {
  it('downloads GeoJSON, CSV, KML, PNG and PDF and each reads back', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await o.page.waitForFunction(() => Boolean(window.__atlas?.store.getState().report), null, { timeout: 30_000 });
    const counts = await o.page.evaluate(() => {
      const s = window.__atlas!.store.getState();
      return { sites: s.region!.data.sites.features.length, located: s.region!.data.sites.features.filter((f) => f.geometry).length };
    });
    const day = new Date();
    const stamp = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

    // GeoJSON: one feature per located site.
    const gj = await download(o.page, 'geojson');
    assert.equal(gj.name, `kcn-lao-cai-${stamp}.geojson`);
    const fc = JSON.parse(gj.bytes.toString('utf8')) as { type: string; features: { properties: { name: string; declared_ha: number | null } }[] };
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, counts.located);
    assert.equal(fc.features.find((f) => f.properties.name === 'Tằng Loỏng')?.properties.declared_ha, 1100);

    // CSV: BOM, header + one row per site, Tằng Loỏng declared 1100 ha.
    const csv = await download(o.page, 'csv');
    assert.equal(csv.name, `kcn-lao-cai-${stamp}.csv`);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = csvRows(csv.bytes.toString('utf8').slice(1));
    assert.equal(rows.length, counts.sites + 1);
    const head = rows[0]!;
    const tl = rows.find((r) => r[head.indexOf('Tên')] === 'Tằng Loỏng');
    assert.ok(tl, 'Tằng Loỏng row');
    assert.equal(tl[head.indexOf('Diện tích theo văn bản (ha)')], '1100');

    // Sample figures say so beside themselves. Which sites rest on sample clearance comes from the data
    // file itself (entries marked sample: true), not from the app's report.
    const sampleSites = await o.page.evaluate(() => {
      const r = window.__atlas!.store.getState().region!;
      return [...new Set(r.data.clearance.features.filter((f) => f.properties.sample).map((f) => f.properties.siteId))];
    });
    assert.ok(sampleSites.length > 0, 'Lào Cai ships sample clearance');
    const clearedCol = head.indexOf('Đã giải phóng mặt bằng (ha)');
    assert.equal(head[clearedCol + 1], 'Số liệu giải phóng mặt bằng là', 'the note column stands right after the cleared figure');
    const idCol = head.indexOf('Mã');
    const noted = rows.slice(1).filter((r) => r[clearedCol] !== '' && sampleSites.includes(r[idCol]!));
    assert.ok(noted.length > 0);
    for (const r of noted) assert.equal(r[clearedCol + 1], 'Số liệu minh họa', `${r[idCol]} cleared ${r[clearedCol]}`);
    for (const r of rows.slice(1).filter((x) => !sampleSites.includes(x[idCol]!))) assert.doesNotMatch(r[clearedCol + 1] ?? '', /minh họa/, r[idCol]);
    // GeoJSON: the note is the property right after cleared_ha.
    for (const f of fc.features as unknown as { properties: Record<string, unknown> }[]) {
      const keys = Object.keys(f.properties);
      assert.equal(keys[keys.indexOf('cleared_ha') + 1], 'clearance_basis');
      const sample = sampleSites.includes(f.properties['id'] as string) && f.properties['cleared_ha'] !== null;
      assert.equal(f.properties['clearance_basis'], sample ? 'Số liệu minh họa' : null, String(f.properties['id']));
    }

    // KML: well-formed, a Placemark per located site, Vietnamese names intact.
    const kml = await download(o.page, 'kml');
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } }).parseFromString(kml.bytes.toString('utf8'), 'text/xml');
    assert.equal(doc.getElementsByTagName('Placemark').length, counts.located);
    const names = Array.from(doc.getElementsByTagName('name')).map((n) => n.textContent);
    assert.ok(names.includes('Tằng Loỏng'));
    // In KML the note is the ExtendedData entry after the cleared figure, shown beside it in Google Earth.
    let kmlNoted = 0;
    for (const pm of Array.from(doc.getElementsByTagName('Placemark'))) {
      const data = Array.from(pm.getElementsByTagName('Data'));
      const i = data.findIndex((d) => d.getAttribute('name') === 'clearedHa');
      if (i < 0 || !sampleSites.includes(pm.getAttribute('id')!)) continue;
      assert.equal(data[i + 1]?.getAttribute('name'), 'clearanceBasis');
      assert.equal(data[i + 1]?.getElementsByTagName('value')[0]?.textContent, 'Số liệu minh họa');
      kmlNoted++;
    }
    assert.ok(kmlNoted > 0, 'KML placemarks with sample clearance');

    // PNG: the signature, and IHDR's size at least the map's (the title band is added above it).
    const mapPx = await o.page.evaluate(() => {
      const c = window.__atlas!.map.getCanvas();
      return { w: c.width, h: c.height };
    });
    const png = await download(o.page, 'png');
    assert.equal(png.name, `kcn-lao-cai-${stamp}.png`);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.bytes.subarray(12, 16).toString('latin1'), 'IHDR');
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    assert.ok(width >= mapPx.w, `png width ${width} ≥ map ${mapPx.w}`);
    assert.ok(height > mapPx.h, `png height ${height} > map ${mapPx.h}`);
    mkdirSync('test-results/screenshots', { recursive: true });
    writeFileSync(join('test-results/screenshots', 'export-map.png'), png.bytes);

    // PDF: A4 landscape pages, Noto Sans embedded (TrueType font files).
    const pdf = await download(o.page, 'pdf');
    assert.equal(pdf.name, `kcn-lao-cai-${stamp}.pdf`);
    const text = pdf.bytes.toString('latin1');
    assert.ok(text.startsWith('%PDF-'));
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.ok(boxes.length >= 2, `pages: ${boxes.length}`);
    for (const [w, h] of boxes) {
      assert.ok(Math.abs(w! - 841.89) < 1 && Math.abs(h! - 595.28) < 1, `A4 landscape, got ${w}×${h}`);
    }
    assert.ok((text.match(/\/FontFile2/g) ?? []).length >= 2, 'regular and bold embedded');
    assert.match(text, /NotoSans/);
    // Vietnamese round-trips: the embedded font's ToUnicode map turns its glyphs back into ằ (U+1EB1)
    // and ỏ (U+1ECF) of "Tằng Loỏng", so the PDF's text can be searched and copied.
    const cmaps = pdfStreams(pdf.bytes).filter((s) => /beginbfchar/.test(s));
    assert.ok(cmaps.some((c) => /<1eb1>/i.test(c) && /<1ecf>/i.test(c)), 'ToUnicode maps ằ and ỏ');
    writeFileSync(join('test-results/screenshots', 'export-report.pdf'), pdf.bytes);
    // In the PDF the words sit in the figure's own cell, at its size: "12,34 (số liệu minh họa)", which
    // the cell may wrap after "(số liệu".
    const lines = pdfText(pdf.bytes);
    const joined = lines.join('\n');
    assert.match(joined, /\d[\d.,]* \(số liệu( |\n)minh họa\)/, 'a cleared figure with its sample label');
    assert.ok(!lines.some((l) => l.trim() === '†'), 'no dagger in place of words');
    // The title is written once (the map image under it has no title band of its own).
    assert.equal(lines.filter((l) => l.includes('Khu, cụm công nghiệp — Lào Cai')).length, 1, 'the title once');
    // The pages' streams come in order, each ending with its "Trang i/n": the last page's text follows the
    // previous page's number. It carries table rows beside the note, never the note alone.
    const pageCount = boxes.length;
    const last = lines.slice(lines.lastIndexOf(`Trang ${pageCount - 1}/${pageCount}`) + 1);
    const rest = last.filter((l) => !/^Trang \d+\/\d+$/.test(l) && !/Diện tích elipxoit|GPMB: giải phóng/.test(l));
    assert.ok(rest.length >= 3, `the last page holds table rows beside the note: ${JSON.stringify(last)}`);
    assert.ok(last.some((l) => /Diện tích elipxoit/.test(l)), 'the area note is on the last page');

    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('lists the planner’s files and sketches in the PNG legend, by name', async () => {
    const o = await openOffline(app.browser, app.url);
    await waitForIdleMap(o.page);
    await importThroughChooser(o.page, join(ROOT, 'tests', 'fixtures', 'io', 'cong-thong-tin.kml'), '“cong-thong-tin.kml”: 5 đối tượng đã nạp.');
    await o.page.evaluate(() => {
      const s = window.__atlas!.store.getState();
      s.putSketch({
        id: 'e2e-sketch',
        name: 'Khu mở rộng <b>đề xuất</b>',
        clearance: null,
        createdAt: '2026-11-20T08:00:00Z',
        geometry: { type: 'Polygon', coordinates: [[[103.95, 22.45], [104.0, 22.45], [104.0, 22.5], [103.95, 22.45]]] },
      });
    });
    await waitForIdleMap(o.page);
    const png = await download(o.page, 'png');
    mkdirSync('test-results/screenshots', { recursive: true });
    writeFileSync(join('test-results/screenshots', 'export-map-layers.png'), png.bytes);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

  it('keeps the exporters and jsPDF off the start-up path', async () => {
    const o = await openOffline(app.browser, app.url);
    const loaded: string[] = [];
    o.page.on('request', (r) => loaded.push(r.url()));
    await waitForIdleMap(o.page);
    assert.ok(!loaded.some((u) => /jspdf|pdfReport|runExport|\.ttf/i.test(u)), loaded.filter((u) => /\.js$/.test(u)).join('\n'));
    await o.context.close();
  });
});
