// The header's "Xuất / Export" menu: GeoJSON, CSV, KML, PNG, PDF. Only this button is on the start-up
// path; the exporters load on the first click (and jsPDF only for a PDF). Hidden on phones, where the
// header has no room and a report is not made.
import { useRef, useState, useSyncExternalStore } from 'react';
import type { ExportFormat } from '../../io/export/fileName';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { useMenu } from './useMenu';
import { OfflineMenuNote } from '../offline/OfflineStatus';

const FORMATS: readonly ExportFormat[] = ['geojson', 'csv', 'kml', 'png', 'pdf'];
const PHONE = '(max-width: 599px)';

// jsdom and very old browsers have no matchMedia: then the menu shows.
const hasMq = () => typeof window.matchMedia === 'function';

function subscribePhone(cb: () => void): () => void {
  if (!hasMq()) return () => {};
  const mq = window.matchMedia(PHONE);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
}
const isPhone = () => hasMq() && window.matchMedia(PHONE).matches;

export function ExportMenu() {
  const { t } = useT();
  const store = useAppStoreApi();
  const region = useAppStore((s) => s.region);
  const phone = useSyncExternalStore(subscribePhone, isPhone, () => false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const { open, setOpen, onMenuKeyDown } = useMenu(root);

  if (phone) return null;

  const run = async (format: ExportFormat) => {
    setOpen(false);
    setBusy(true);
    setMessage(t.export_busy);
    setProblem('');
    try {
      const { runExport, ExportNotReady } = await import('./runExport');
      try {
        setMessage(t.export_done(await runExport(format, store.getState())));
      } catch (e) {
        if (e instanceof ExportNotReady) setProblem(e.what === 'report' ? t.export_noReport : t.export_noMap);
        else throw e;
      }
    } catch (e) {
      setProblem(t.export_failed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu" ref={root} style={{ position: 'relative' }}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!region || busy}
        onClick={() => setOpen((o) => !o)}
        title={t.export_menuLabel}
        data-testid="export-button"
      >
        {t.export_button}
      </button>
      {open ? (
        <div
          role="menu"
          aria-label={t.export_menuLabel}
          className="panel"
          style={{ position: 'absolute', right: 0, top: '100%', zIndex: 30, display: 'flex', flexDirection: 'column', minWidth: '15rem', padding: '0.25rem', marginTop: '0.25rem' }}
          onKeyDown={onMenuKeyDown}
        >
          {FORMATS.map((f) => (
            <button key={f} type="button" role="menuitem" data-format={f} onClick={() => void run(f)} style={{ textAlign: 'left' }}>
              {t[`export_${f}`]}
            </button>
          ))}
          {/* Before leaving for an event: is the whole app in this browser yet? (features/offline) */}
          <OfflineMenuNote />
        </div>
      ) : null}
      <span role="status" className="visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {problem ? '' : message}
      </span>
      {problem ? (
        <p role="alert" className="panel" style={{ position: 'absolute', right: 0, top: '100%', zIndex: 30, width: '16rem', margin: '0.25rem 0 0', padding: '0.5rem' }} onClick={() => setProblem('')}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
