// Print and copy-link buttons of a site's fact sheet, and the map picture that goes on the printed page.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useT } from '../../i18n/useT';
import { useAppStoreApi } from '../../store/context';
import { cropAround, screenPoint, type Crop } from '../../geo/mapCrop';
import { mapFrame } from '../../map/snapshot';

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

/** The printed map picture's width for a height of 1: the row of the printed sheet (styles.css › .print-maps)
 *  is the A4 text width, 190 mm, and 40 mm high; the locator inset beside it takes 40 × 240/170 = 56.5 mm and
 *  a 3 mm gap, which leaves the picture 130.5 mm. */
const PRINT_MAP_ASPECT = 130.5 / 40;

/**
 * A still of the map as it is when printing starts, so the page shows where the site lies: cut to the printed
 * frame's shape around the site (the screen's map is taller than the frame, and the site sits left of the fact
 * sheet covering the map's right side), so the park is in the printed picture, as near its middle as the map allows.
 */
export function PrintSnapshot({ at }: { at: readonly number[] | null }) {
  const { t } = useT();
  const store = useAppStoreApi();
  const [shot, setShot] = useState<{ src: string; crop: Crop | null; note: string | null } | null>(null);
  // The paper has no legend: sample parcels drawn on the map say so in the picture itself.
  const sampleNote = `${t.layer_clearance}: ${t.sampleBadge.toLowerCase()}`;
  useEffect(() => {
    const take = () => {
      // The map keeps its drawing buffer (preserveDrawingBuffer) so the last frame can be read.
      const frame = mapFrame();
      let next: { src: string; crop: Crop | null; note: string | null } | null = null;
      try {
        if (frame) {
          const size = { width: frame.cssWidth, height: frame.cssHeight };
          const s = store.getState();
          const point = s.camera && at ? screenPoint(s.camera, size, at) : null;
          const crop = point ? cropAround(point, size, PRINT_MAP_ASPECT) : null;
          const note = s.visible.clearance && s.report?.sample ? sampleNote : null;
          const whole = { x: 0, y: 0, width: size.width, height: size.height };
          next = { src: picture(frame.canvas, frame.canvas.width / size.width, crop ?? whole, note), crop, note };
        }
      } catch {
        next = null;
      }
      // The page is laid out for print right after this handler: the picture must be in the DOM by then.
      flushSync(() => setShot(next));
    };
    window.addEventListener('beforeprint', take);
    return () => window.removeEventListener('beforeprint', take);
  }, [store, at, sampleNote]);
  if (!shot) return null;
  const c = shot.crop;
  return (
    <img
      className="print-only print-map"
      src={shot.src}
      alt={shot.note ? `${t.mapLabel} · ${shot.note}` : t.mapLabel}
      data-crop={c ? [c.x, c.y, c.width, c.height].map((v) => v.toFixed(1)).join(',') : undefined}
    />
  );
}

/** The `crop` (CSS pixels) of the map's canvas (`k` device pixels to one CSS pixel), as a PNG data URL, with
 *  `note` written in its lower left corner on a light band (as large as the fact sheet's small print). */
function picture(canvas: HTMLCanvasElement, k: number, crop: Crop, note: string | null): string {
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(crop.width * k));
  out.height = Math.max(1, Math.round(crop.height * k));
  const g = out.getContext('2d');
  g?.drawImage(canvas, crop.x * k, crop.y * k, crop.width * k, crop.height * k, 0, 0, out.width, out.height);
  if (g && note) {
    // The picture prints 130.5 mm wide: a 45th of its width is about 2.9 mm, the size of the sheet's notes.
    const px = Math.max(10, Math.round(out.width / 45));
    g.font = `700 ${px}px "Noto Sans", sans-serif`;
    const pad = Math.round(px * 0.4);
    const w = g.measureText(note).width + 2 * pad;
    g.fillStyle = 'rgba(255, 248, 225, 0.92)';
    g.fillRect(0, out.height - px - 2 * pad, w, px + 2 * pad);
    g.fillStyle = '#5c4400';
    g.textBaseline = 'bottom';
    g.fillText(note, pad, out.height - pad);
  }
  return out.toDataURL('image/png');
}
