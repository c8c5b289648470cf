// The online basemap's style (OpenFreeMap's "liberty"), fetched with a time limit so that a slow
// network falls back to the embedded basemap instead of leaving the map blank.
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

export const ONLINE_STYLE_URL = 'https://tiles.openfreemap.org/styles/liberty';

export async function defaultFetchOnlineStyle(): Promise<StyleSpecification> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 6000);
  try {
    const res = await fetch(ONLINE_STYLE_URL, { signal: ctrl.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as StyleSpecification;
  } finally {
    clearTimeout(timer);
  }
}
