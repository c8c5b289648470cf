// Makes one export file from the store's state and hands it to the browser as a download. Loaded on
// the first click of the export menu, so none of the exporters weighs on start-up; the PDF part
// (jsPDF, fonts) is a further chunk of its own.
import type { AppState } from '../../store/state';
import { loadMessages } from '../../i18n/catalogue';
import type { Messages } from '../../i18n/messages';
import { formatDate } from '../../i18n/format';
import { COLORS } from '../../map/theme';
import { exportFileName, localIsoDate, MIME, sitesToCsv, sitesToGeoJSON, sitesToKml, type ExportFormat } from '../../io/export';
import { BASEMAP_ATTRIBUTION } from '../../app/attribution';
import { mapFrame } from '../../map/snapshot';
import { canvasToPng, composeMapImage } from './composeMap';
import { download } from './download';
import { legendRows } from './legendRows';

export class ExportNotReady extends Error {
  constructor(readonly what: 'report' | 'map') {
    super(what);
  }
}

/** The credits as plain text (the app's attribution is a link for the screen). */
export function attributionText(state: AppState): string {
  const base = BASEMAP_ATTRIBUTION.replace(/<[^>]*>/g, '');
  return state.basemap === 'osm' ? `MapLibre · © OpenStreetMap contributors · ${base}` : `MapLibre · ${base}`;
}

function mapImage(state: AppState, t: Messages, titleBand = true): HTMLCanvasElement {
  const frame = mapFrame();
  if (!frame || !state.camera || !state.region) throw new ExportNotReady('map');
  const region = state.region.data.region;
  const today = localIsoDate();
  const asOf = state.report?.asOf ?? region.asOf;
  return composeMapImage({
    frame,
    camera: state.camera,
    title: `${t.export_mapTitle} — ${region.name[state.lang]}`,
    subtitle: `${t.export_dataAsOf} ${formatDate(asOf, state.lang)} · ${t.export_made} ${formatDate(today, state.lang)}`,
    attribution: attributionText(state),
    legend: legendRows(state, t),
    titleBand,
    t,
  });
}

/** Builds the file for `format` and starts its download; returns the file name. */
export async function runExport(format: ExportFormat, state: AppState): Promise<string> {
  const region = state.region;
  if (!region) throw new ExportNotReady('map');
  const lang = state.lang;
  const t = await loadMessages(lang);
  const name = exportFileName(region.data.region.id, format);
  let blob: Blob;
  switch (format) {
    case 'geojson':
    case 'csv':
    case 'kml': {
      const report = state.report;
      if (!report || report.regionId !== region.data.region.id) throw new ExportNotReady('report');
      const text =
        format === 'geojson' ? sitesToGeoJSON(region, report, lang) : format === 'csv' ? sitesToCsv(report, lang) : sitesToKml(region, lang, report, COLORS);
      blob = new Blob([text], { type: MIME[format] });
      break;
    }
    case 'png':
      blob = await canvasToPng(mapImage(state, t));
      break;
    case 'pdf': {
      const report = state.report;
      if (!report || report.regionId !== region.data.region.id) throw new ExportNotReady('report');
      // The PDF writes the title and date above the image as text: the image's own band would repeat them.
      const image = mapImage(state, t, false);
      const { makePdf } = await import('./pdfReport');
      blob = await makePdf({
        mapPng: image.toDataURL('image/png'),
        mapSize: { width: image.width, height: image.height },
        title: `${t.export_mapTitle} — ${region.data.region.name[lang]}`,
        subtitle: `${t.export_dataAsOf} ${formatDate(report.asOf, lang)}`,
        report,
        lang,
        t,
      });
      break;
    }
  }
  download(blob, name);
  return name;
}
