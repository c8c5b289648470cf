// "Lưu bản đồ nền cho khi không có mạng": shown while the online basemap is drawn. Counts and sizes the save
// before it starts, checks the browser's storage quota, shows progress, cancels, and says what is saved.
import { useEffect, useRef, useState } from 'react';
import { estimateSave, listSaved, deleteSaved, QuotaError, saveOnlineBasemap, tileCount, type CachePorts, type Estimate, type SavedArea } from '../../io/basemapCache/savedBasemap';
import { resolveStyleResources, type StyleResources } from '../../io/basemapCache/styleResources';
import { formatNumber, type Lang } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { ONLINE_STYLE_URL } from '../../map/onlineStyle';
import { useAppStore } from '../../store/context';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

const ZOOMS = [8, 9, 10, 11, 12, 13, 14];
const DEFAULT_ZOOM = 12;

function browserPorts(): CachePorts {
  return {
    fetch: (url, init) => fetch(url, init),
    caches,
    estimateStorage: () => navigator.storage?.estimate?.() ?? Promise.resolve({}),
    now: () => new Date(),
  };
}

function size(bytes: number, lang: Lang): string {
  // Under 1 MB in kB, so a small save never reads "0,0 MB".
  return bytes < 1e6 ? `${formatNumber(Math.max(1, Math.round(bytes / 1e3)), lang)} kB` : `${formatNumber(bytes / 1e6, lang, 1)} MB`;
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(url, signal ? { signal } : {});
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

type Phase =
  | { kind: 'estimating' }
  | { kind: 'ready'; estimate: Estimate }
  | { kind: 'saving'; done: number; total: number }
  | { kind: 'message'; text: string; estimate?: Estimate };

export function SaveOnlineBasemap() {
  const { t, lang } = useT();
  const basemap = useAppStore((s) => s.basemap);
  const region = useAppStore((s) => s.region?.data.region ?? null);
  const [open, setOpen] = useState(false);
  const [zoom, setZoom] = useState(DEFAULT_ZOOM);
  const [phase, setPhase] = useState<Phase>({ kind: 'estimating' });
  const [saved, setSaved] = useState<SavedArea | null>(null);
  const resources = useRef<StyleResources | null>(null);
  const running = useRef<AbortController | null>(null);
  const available = basemap === 'osm' && region !== null && typeof caches !== 'undefined';
  const regionId = region?.id ?? null;
  const province = region ? region.name[lang] : '';

  useEffect(() => {
    if (!available || !regionId) return;
    let live = true;
    listSaved(caches)
      .then((all) => live && setSaved(all.find((a) => a.regionId === regionId) ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [available, regionId]);

  // Estimate whenever the panel opens or the zoom changes (the style is fetched once).
  useEffect(() => {
    if (!open || !available || !region) return;
    if (!navigator.onLine) {
      setPhase({ kind: 'message', text: t.saveBasemap_offline });
      return;
    }
    const ctrl = new AbortController();
    setPhase({ kind: 'estimating' });
    (async () => {
      resources.current ??= await resolveStyleResources((await fetchJson(ONLINE_STYLE_URL, ctrl.signal)) as StyleSpecification, ONLINE_STYLE_URL, fetchJson, ctrl.signal);
      const estimate = await estimateSave(resources.current, { regionId: region.id, regionName: province, bbox: region.bbox, maxZoom: zoom }, browserPorts(), ctrl.signal);
      if (!ctrl.signal.aborted) setPhase({ kind: 'ready', estimate });
    })().catch(() => {
      if (!ctrl.signal.aborted) setPhase({ kind: 'message', text: t.saveBasemap_failed });
    });
    return () => ctrl.abort();
    // t and province change with the language only; the estimate does not depend on them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, available, region, zoom]);

  if (!available || !region) return null;

  const start = (estimate: Estimate) => {
    const res = resources.current;
    if (!res) return;
    const ctrl = new AbortController();
    running.current = ctrl;
    const total = tileCount(res, { regionId: region.id, regionName: province, bbox: region.bbox, maxZoom: zoom }) + res.files.length;
    setPhase({ kind: 'saving', done: 0, total });
    saveOnlineBasemap(res, ONLINE_STYLE_URL, { regionId: region.id, regionName: province, bbox: region.bbox, maxZoom: zoom }, estimate, browserPorts(), {
      signal: ctrl.signal,
      onProgress: (done, all) => setPhase({ kind: 'saving', done, total: all }),
    })
      .then((s) => {
        setSaved(s);
        setPhase({ kind: 'message', text: s.missing > 0 ? t.saveBasemap_missing(formatNumber(s.missing, lang)) : '', estimate });
      })
      .catch((e: unknown) => {
        const text = e instanceof QuotaError ? t.saveBasemap_quota(size(e.needed, lang), size(e.free, lang)) : ctrl.signal.aborted ? t.saveBasemap_cancelled : t.saveBasemap_failed;
        setPhase({ kind: 'message', text, estimate });
      })
      .finally(() => {
        running.current = null;
      });
  };

  const estimate = phase.kind === 'ready' ? phase.estimate : phase.kind === 'message' ? phase.estimate : undefined;
  return (
    <div className="save-basemap no-print">
      {open ? (
        <section className="save-basemap-panel" aria-label={t.saveBasemap_open}>
          <h2>{t.saveBasemap_open}</h2>
          <p className="muted">{t.saveBasemap_hint(province)}</p>
          {saved && (
            <p className="save-basemap-saved" role="status">
              {t.saveBasemap_saved(saved.regionName, saved.maxZoom, size(saved.bytes, lang), saved.savedAt.slice(0, 10).split('-').reverse().join('/'))}{' '}
              <button
                type="button"
                disabled={phase.kind === 'saving'}
                onClick={() => void deleteSaved(caches, saved.cacheName).then(() => setSaved(null))}
              >
                {t.saveBasemap_delete}
              </button>
            </p>
          )}
          <label title={t.saveBasemap_zoomHint}>
            {t.saveBasemap_zoom}{' '}
            <select value={zoom} disabled={phase.kind === 'saving'} onChange={(e) => setZoom(Number(e.target.value))}>
              {ZOOMS.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          {phase.kind === 'estimating' && <p>{t.saveBasemap_estimating}</p>}
          {estimate && <p data-testid="save-basemap-estimate">{t.saveBasemap_estimate(formatNumber(estimate.tiles, lang), size(estimate.bytes, lang))}</p>}
          {phase.kind === 'saving' && (
            <p>
              <progress max={phase.total} value={phase.done} aria-label={t.saveBasemap_open} />{' '}
              {t.saveBasemap_progress(formatNumber(phase.done, lang), formatNumber(phase.total, lang))}
            </p>
          )}
          {phase.kind === 'message' && phase.text && (
            <p className="save-basemap-message" role="alert">
              {phase.text}
            </p>
          )}
          <p className="save-basemap-actions">
            {phase.kind === 'saving' ? (
              <button type="button" onClick={() => running.current?.abort()}>
                {t.saveBasemap_cancel}
              </button>
            ) : (
              <button type="button" disabled={!estimate || !navigator.onLine} onClick={() => estimate && start(estimate)}>
                {t.saveBasemap_start}
              </button>
            )}
            <button type="button" disabled={phase.kind === 'saving'} onClick={() => setOpen(false)}>
              {t.saveBasemap_close}
            </button>
          </p>
        </section>
      ) : (
        <button type="button" className="save-basemap-open" title={t.saveBasemap_hint(province)} onClick={() => setOpen(true)}>
          {t.saveBasemap_open}
        </button>
      )}
    </div>
  );
}
