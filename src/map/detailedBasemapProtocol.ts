// Loaded with dynamic import() by the bridge (detailedBasemapLoader.ts), only when the detailed basemap is
// drawn: the PMTiles reader stays out of the start-up bundle. The archive is read through
// OfflineArchiveSource, so after the first visit it draws with the network off.
import { detailedBasemapLabels, detailedBasemapLines, detailedBasemapSources } from './layers/detailedBasemap';
import { OfflineArchiveSource } from './offlineArchive';
import { registerArchiveSource } from './pmtilesProtocol';

export interface DetailedBasemapStyle {
  sources: ReturnType<typeof detailedBasemapSources>;
  /** areas and lines, above the embedded basemap's */
  lines: ReturnType<typeof detailedBasemapLines>;
  /** labels, above the embedded basemap's and under the overlays' */
  labels: ReturnType<typeof detailedBasemapLabels>;
}

const sources = new Map<string, OfflineArchiveSource>();

/** The archive's source, made once per address (tests and the page read its download state). */
export function archiveSource(archiveUrl: string): OfflineArchiveSource {
  let s = sources.get(archiveUrl);
  if (!s) {
    s = new OfflineArchiveSource(archiveUrl);
    sources.set(archiveUrl, s);
    registerArchiveSource(s);
  }
  return s;
}

/** `url` as region.json gives it: relative to the app's page, or https. */
export function detailedBasemapFor(url: string, fonts: { fontRegular: string; fontBold: string }): DetailedBasemapStyle {
  const archiveUrl = new URL(url, document.baseURI).href;
  archiveSource(archiveUrl);
  const opts = { archiveUrl, ...fonts };
  return { sources: detailedBasemapSources(opts), lines: detailedBasemapLines(), labels: detailedBasemapLabels(opts) };
}
