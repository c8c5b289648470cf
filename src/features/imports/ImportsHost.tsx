// The part of "My files" that is always there, inside the map area: it puts the layers kept in the
// browser back at start, takes files dropped on the map (showing a drop overlay while a file is
// dragged over it), and says when the browser could not keep or read back a layer. The storage code
// loads just after start, and the parsers only when a file is dropped.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import './imports.css';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

function StorageNotice() {
  const { t } = useT();
  const store = useAppStoreApi();
  const notice = useAppStore((s) => s.importStorageNotice);
  if (!notice) return null;
  const names = notice.names.map((n) => `“${n}”`).join(', ');
  const text =
    notice.kind === 'quota' ? t.import_storageQuota(names) : notice.kind === 'corrupt' ? t.import_storageCorrupt(names) : t.import_storageUnavailable;
  return (
    <div className="import-storage-notice" role="alert">
      <p>{text}</p>
      <button type="button" className="link-button" onClick={() => store.getState().setImportStorageNotice(null)}>
        {t.import_dismiss}
      </button>
    </div>
  );
}

export function ImportsHost() {
  const { t } = useT();
  const store = useAppStoreApi();
  const anchor = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    // Loaded after the first render rather than with the page: IndexedDB access and its library are
    // about 4 KB of start-up script, and the stored layers appear a moment later either way.
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('../../app/importedLayersStore').then((m) => {
      if (!cancelled) stop = m.startImportedLayers(store).stop;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [store]);

  useEffect(() => {
    // The drop target is the map's whole area: the element this component is rendered in.
    const wrap = anchor.current?.parentElement;
    if (!wrap) return;
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      // Leaving for a child of the map area is not leaving it.
      if (!(e.relatedTarget instanceof Node) || !wrap.contains(e.relatedTarget)) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      store.getState().setTab('imports');
      void import('./runImport').then((m) => m.importFiles(store, files));
    };
    wrap.addEventListener('dragover', onOver);
    wrap.addEventListener('dragleave', onLeave);
    wrap.addEventListener('drop', onDrop);
    return () => {
      wrap.removeEventListener('dragover', onOver);
      wrap.removeEventListener('dragleave', onLeave);
      wrap.removeEventListener('drop', onDrop);
    };
  }, [store]);

  return (
    <div ref={anchor} className="imports-host">
      {over ? (
        <div className="import-drop-overlay" data-testid="import-drop">
          <p>{t.import_dropHere}</p>
        </div>
      ) : null}
      <StorageNotice />
    </div>
  );
}
