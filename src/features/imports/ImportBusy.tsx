// While a file is read: its name, a progress bar, the seconds it has taken and a "Huỷ" button. The
// bar fills as the file's features are checked; before they are counted (while the file is parsed)
// it shows only that work goes on. The page stays usable throughout: the reading is in a worker.
import { useEffect, useState } from 'react';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useImportProgress } from './importProgress';
import { cancelImport } from './runImport';

/** Seconds since `since`, ticking once a second. */
function useSecondsSince(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

export function ImportBusy({ fileName }: { fileName: string }) {
  const { t, lang } = useT();
  const progress = useImportProgress();
  const seconds = useSecondsSince(progress?.startedAt ?? null);
  const counted = progress !== null && Number.isFinite(progress.total) && progress.total > 0;
  const n = (x: number) => formatNumber(x, lang);
  return (
    <div className="import-busy" role="status" data-testid="import-busy">
      <p>
        <span className="import-spinner" aria-hidden="true" />
        {t.import_busy(fileName)}
      </p>
      <div className="import-progress-row">
        {counted ? (
          <progress aria-label={t.import_progress(fileName)} max={progress.total} value={progress.checked} />
        ) : (
          <progress aria-label={t.import_progress(fileName)} />
        )}
        <button type="button" onClick={cancelImport} aria-label={t.import_cancelLabel(fileName)}>
          {t.import_cancel}
        </button>
      </div>
      <p className="muted small">
        {t.import_elapsed(n(seconds))}
        {counted ? ` · ${t.import_checked(n(progress.checked), n(progress.total))}` : ''}
      </p>
    </div>
  );
}
