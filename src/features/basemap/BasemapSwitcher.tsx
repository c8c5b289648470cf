// Embedded (offline) or online OpenStreetMap basemap, and the province's detailed archive where it has one;
// the bridge falls back to embedded on failure.
import { hasDetailedBasemap } from '../../domain/basemapChoice';
import { useT } from '../../i18n/useT';
import type { BasemapId } from '../../domain/basemapChoice';
import { useAppStore } from '../../store/context';

export function BasemapSwitcher() {
  const { t } = useT();
  const basemap = useAppStore((s) => s.basemap);
  const setBasemap = useAppStore((s) => s.setBasemap);
  const detailed = useAppStore((s) => hasDetailedBasemap(s.region?.data.region));
  return (
    <label className="basemap-switcher">
      <span>{t.basemap}</span>
      <select value={basemap} onChange={(e) => setBasemap(e.target.value as BasemapId)}>
        <option value="embedded">{t.basemap_embedded}</option>
        {detailed && <option value="detailed">{t.basemap_detailed}</option>}
        <option value="osm">{t.basemap_osm}</option>
      </select>
    </label>
  );
}

export function BasemapNotice() {
  const { t } = useT();
  const notice = useAppStore((s) => s.basemapNotice);
  if (!notice) return null;
  return (
    <p className="notice" role="status">
      {t.basemapFallback}
    </p>
  );
}
