// Print and copy-link buttons of a site's fact sheet, and the map picture that goes on the printed page.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useT } from '../../i18n/useT';

export function FactSheetTools() {
  const { t } = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const copy = async () => {
    try {
      // The address bar already carries region, selection, view and language (app/urlState).
      await navigator.clipboard.writeText(window.location.href);
      setNotice(t.fact_copied);
    } catch {
      setNotice(t.fact_copyFailed);
    }
  };
  return (
    <div className="fact-tools no-print">
      <button type="button" onClick={() => window.print()}>
        {t.fact_print}
      </button>
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        {t.fact_copyLink}
      </button>
      <span role="status" className="hint">
        {notice ?? ''}
      </span>
    </div>
  );
}

/** A still of the map as it is when printing starts, so the page shows where the site lies. */
export function PrintSnapshot() {
  const { t } = useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const take = () => {
      // The map keeps its drawing buffer (preserveDrawingBuffer) so the last frame can be read.
      const canvas = document.querySelector<HTMLCanvasElement>('.map canvas');
      let url: string | null = null;
      try {
        url = canvas ? canvas.toDataURL('image/png') : null;
      } catch {
        url = null;
      }
      // The page is laid out for print right after this handler: the picture must be in the DOM by then.
      flushSync(() => setSrc(url));
    };
    window.addEventListener('beforeprint', take);
    return () => window.removeEventListener('beforeprint', take);
  }, []);
  return src ? <img className="print-only print-map" src={src} alt={t.mapLabel} /> : null;
}
