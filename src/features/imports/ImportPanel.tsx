// "My files": the planner loads GeoJSON, KML/KMZ, zipped Shapefiles, CSV or DXF (picked here or
// dropped on the map), sees what was loaded and what was not, and manages the layers. The layers
// and the outcome of the last import live in the store; this panel only shows them.
import { useRef } from 'react';
import { fileErrorMessage, zoneLabel } from '../../io/import/messages';
import { formatNumber, type Lang } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { ImportNotice, SingleFileNotice } from '../../store/state';
import type { Messages } from '../../i18n/messages';
import { LayerCard, LayerSwatch } from './LayerCard';
import { ImportBusy } from './ImportBusy';
import { importFiles } from './runImport';
import './imports.css';

export const IMPORT_ACCEPT = '.geojson,.json,.kml,.kmz,.zip,.csv,.txt,.dxf,.shp,.shx,.dbf,.prj,.cpg';

function Notice({ notice, hasLayers }: { notice: ImportNotice; hasLayers: boolean }) {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const dismiss = () => store.getState().setImportNotice(null);
  const n = (x: number) => formatNumber(x, lang);
  if (notice.kind === 'batch') {
    // One line per file, so a failure among several files is not lost behind the last success.
    const failed = notice.notices.filter((x) => x.kind === 'error').length;
    return (
      <div className={`import-notice ${failed > 0 ? 'warn' : 'ok'}`} role={failed > 0 ? 'alert' : 'status'} data-testid="import-batch">
        <p>{t.import_batch(n(notice.notices.length), failed > 0 ? n(failed) : null)}</p>
        <ul className="import-batch">
          {notice.notices.map((x, i) => (
            <li key={i} className={x.kind === 'error' || x.rejected > 0 ? 'warn' : undefined}>
              {singleText(x, t, lang, n)}
            </li>
          ))}
        </ul>
        <button type="button" className="link-button" onClick={dismiss}>
          {t.import_dismiss}
        </button>
      </div>
    );
  }
  if (notice.kind === 'error') {
    const ownSentence = notice.code === 'unexpected' || notice.code === 'cancelled' || notice.code === 'timed-out';
    return (
      <div className="import-notice error" role="alert">
        <p>
          {errorText(notice, t, lang)}
          {hasLayers && !ownSentence ? ` ${t.import_nothingChanged}` : ''}
        </p>
        <button type="button" className="link-button" onClick={dismiss}>
          {t.import_dismiss}
        </button>
      </div>
    );
  }
  if (notice.kind === 'removed') {
    return (
      <div className="import-notice" role="status">
        <p>{t.import_removed(notice.layer.name)}</p>
        <button type="button" onClick={() => store.getState().undoRemoveImport()}>
          {t.import_undo}
        </button>
      </div>
    );
  }
  const zone = store.getState().imports.find((l) => l.id === notice.layerId)?.crs;
  const text =
    notice.replaced && zone?.kind === 'vn2000'
      ? t.import_reloaded(notice.fileName, n(notice.count), zoneLabel(zone.zone))
      : t.import_loaded(notice.fileName, n(notice.count), notice.rejected > 0 ? n(notice.rejected) : null);
  return (
    <div className={`import-notice ${notice.rejected > 0 ? 'warn' : 'ok'}`} role="status">
      <p>{text}</p>
      <button type="button" className="link-button" onClick={dismiss}>
        {t.import_dismiss}
      </button>
    </div>
  );
}

/** Why a file was not loaded: its own error, or the read stopped (cancelled, over time). */
function errorText(x: Extract<SingleFileNotice, { kind: 'error' }>, t: Messages, lang: Lang): string {
  if (x.code === 'unexpected') return t.import_unexpected(x.fileName, String(x.detail['reason'] ?? ''));
  if (x.code === 'cancelled') return t.import_cancelled(x.fileName);
  if (x.code === 'timed-out') return t.import_timedOut(x.fileName, formatNumber(Number(x.detail['seconds']), lang));
  return fileErrorMessage({ code: x.code, detail: x.detail }, lang);
}

/** A one-line outcome of one file, for the list of several. */
function singleText(x: SingleFileNotice, t: Messages, lang: Lang, n: (v: number) => string): string {
  if (x.kind === 'error') return errorText(x, t, lang);
  return t.import_loaded(x.fileName, n(x.count), x.rejected > 0 ? n(x.rejected) : null);
}

export function ImportPanel() {
  const { t } = useT();
  const store = useAppStoreApi();
  const layers = useAppStore((s) => s.imports);
  const busy = useAppStore((s) => s.importBusy);
  const notice = useAppStore((s) => s.importNotice);
  const input = useRef<HTMLInputElement>(null);
  const onFiles = (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (input.current) input.current.value = '';
    if (files.length > 0) void importFiles(store, files);
  };
  return (
    <div className="import-panel" aria-busy={busy !== null}>
      <div className="import-pick">
        <button type="button" className="primary" onClick={() => input.current?.click()} disabled={busy !== null}>
          {t.import_pick}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t.import_pick}
          data-testid="import-input"
          onChange={(e) => onFiles(e.target.files)}
        />
        <p className="muted small">{t.import_hint}</p>
      </div>
      {busy !== null ? <ImportBusy fileName={busy} /> : null}
      {notice ? <Notice notice={notice} hasLayers={layers.length > 0} /> : null}
      {layers.length === 0 ? (
        <p className="muted">{t.import_empty}</p>
      ) : (
        <>
          <section className="import-legend" aria-label={t.import_legendTitle}>
            <h3>{t.import_legendTitle}</h3>
            <ul>
              {layers.map((l) => (
                <li key={l.id} className={l.visible ? undefined : 'off'}>
                  <LayerSwatch color={l.color} />
                  {l.name}
                </li>
              ))}
            </ul>
            <p className="muted small">{t.import_legendNote}</p>
          </section>
          <h3 className="import-layers-title">{t.import_layers}</h3>
          <ul className="import-layers">
            {layers.map((l) => (
              <LayerCard key={l.id} layer={l} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
