// The online style as the bridge asks for it: from the network, else (offline) the one saved with
// "Lưu bản đồ nền cho khi không có mạng", else the error, so the bridge falls back to the embedded basemap.
import type { StyleSpecification } from 'maplibre-gl';
import { defaultFetchOnlineStyle } from './onlineStyle';

export async function onlineStyleOrSaved(regionId: () => string | null): Promise<StyleSpecification> {
  try {
    return await defaultFetchOnlineStyle();
  } catch (e) {
    if (typeof caches === 'undefined') throw e;
    const { savedStyleForOffline } = await import('./savedBasemapProtocol');
    const saved = await savedStyleForOffline(regionId());
    if (!saved) throw e;
    return saved;
  }
}
