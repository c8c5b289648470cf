// The Content-Security-Policy of the built app, in one place: vite.config.ts writes it into the built
// index.html as a <meta> (so it holds on any static host, with no server setting to forget), and the
// README lists it for servers that can also send it as a header (only a header can carry
// frame-ancestors). Plain data, no imports: the build config and tests read it.
//
// What each source is for:
// - 'self' everywhere: the app, its chunks, the MapLibre and report workers, the embedded basemap,
//   region files, fonts, licence pages and the service worker all come from the app's own folder.
// - No 'unsafe-inline' and no 'unsafe-eval' for scripts (inline style attributes are allowed, see below): the build has no inline script (the service
//   worker is registered from a module), and zod runs "jitless" (see domain/schema.ts) so it never
//   probes `new Function`.
// - The online basemap (OpenFreeMap) is the one other origin: its style, tiles, sprites and glyphs.
// - data: and blob: images: MapLibre decodes sprites and icons from blobs; exports draw the map into
//   a canvas and hand it out as a data/blob URL.

/** The only other origin the app talks to: the optional online basemap (src/map/bridge.ts). */
export const ONLINE_BASEMAP_ORIGIN = 'https://tiles.openfreemap.org';

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'", ONLINE_BASEMAP_ORIGIN],
  'img-src': ["'self'", 'data:', 'blob:', ONLINE_BASEMAP_ORIGIN],
  'font-src': ["'self'"],
  'style-src': ["'self'"],
  // Style attributes only (never <style> elements or stylesheets from elsewhere): Chromium's own error
  // document for a file that is not well-formed XML, built by DOMParser when a planner opens a broken KML,
  // carries style attributes, and the policy would report each one. The app itself sets styles through
  // the DOM, which no policy restricts, and never puts a file's markup on the page.
  'style-src-attr': ["'unsafe-inline'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/**
 * The policy as one header/meta value. `dataOrigins`: other origins the build's region files read
 * from (a province's PMTiles archive on a CDN, region.json › parcelTiles.url), allowed for fetching.
 */
export function cspValue(dataOrigins: readonly string[] = [], policy: Readonly<Record<string, readonly string[]>> = CONTENT_SECURITY_POLICY): string {
  return Object.entries(policy)
    .map(([directive, sources]) => {
      const all = directive === 'connect-src' ? [...new Set([...sources, ...dataOrigins])] : sources;
      return `${directive} ${all.join(' ')}`;
    })
    .join('; ');
}

/** The https origins that region.json files (as parsed JSON) name for their parcel tiles. */
export function regionDataOrigins(regionJsons: readonly unknown[]): string[] {
  const origins = new Set<string>();
  for (const json of regionJsons) {
    const r = json as { parcelTiles?: { url?: unknown }; basemap?: { detailed?: { url?: unknown } } } | null;
    // basemap-detail: a detailed basemap archive on a CDN too.
    for (const url of [r?.parcelTiles?.url, r?.basemap?.detailed?.url]) {
      if (typeof url === 'string' && /^https:\/\//.test(url)) origins.add(new URL(url).origin);
    }
  }
  return [...origins].sort();
}
