// The part of "sketch & measure" that is always there, at the top left of the map: the button that
// opens the tool, the sketches kept in the browser put back at start, and a notice when the browser
// could not keep or read back a sketch. The tool itself (and terra-draw) loads on first open.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SketchStorageNotice } from '../../app/sketchesStore';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import './sketch.css';

const SketchPanel = lazy(() => import('./SketchPanel').then((m) => ({ default: m.SketchPanel })));

export function SketchHost() {
  const { t } = useT();
  const store = useAppStoreApi();
  const sketching = useAppStore((s) => s.sketching);
  const shown = useAppStore((s) => !s.presenting && !s.compare && s.region !== null);
  const [notice, setNotice] = useState<SketchStorageNotice | null>(null);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    // Not needed for the first frame: the storage code loads beside the map, not before it.
    void import('../../app/sketchesStore').then((m) => {
      if (!cancelled) stop = m.startSketchPersistence(store, undefined, setNotice).stop;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [store]);

  // Presenting (or a region being switched) closes the tool, so the map draws the sketches itself again.
  useEffect(() => {
    if (!shown && sketching) store.getState().setSketching(false);
  }, [shown, sketching, store]);

  const text =
    notice &&
    (notice.kind === 'quota'
      ? t.sketch_storageQuota(notice.names.map((n) => `“${n}”`).join(', '))
      : notice.kind === 'corrupt'
        ? t.sketch_storageCorrupt(notice.names.map((n) => `“${n}”`).join(', '))
        : t.sketch_storageUnavailable);
  return (
    <div className="sketch-host">
      {shown && !sketching ? (
        <button type="button" className="sketch-open" title={t.sketch_openHint} onClick={() => store.getState().setSketching(true)}>
          {t.sketch_open}
        </button>
      ) : null}
      {shown && sketching ? (
        <Suspense fallback={null}>
          <SketchPanel />
        </Suspense>
      ) : null}
      {text ? (
        <div className="sketch-storage-notice" role="alert">
          <p>{text}</p>
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            {t.import_dismiss}
          </button>
        </div>
      ) : null}
    </div>
  );
}
