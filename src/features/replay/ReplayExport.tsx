// "Xuất đoạn phát lại": a menu of the two forms a replay takes into slides, numbered PNG frames in a
// zip or a WebM video, with the progress of the one under way and "Huỷ" to stop it. Where the browser
// cannot record WebM the video item stays in the menu, unavailable, saying why. The exporters load on
// the first click.
import { useRef, useState } from 'react';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStoreApi } from '../../store/context';
import { useMenu } from '../export/useMenu';
import type { ReplaySpan } from './useReplay';
import { VIDEO_FRAME_MS, webmType } from './videoSupport';

type Kind = 'zip' | 'webm';

export function ReplayExport({ span }: { span: ReplaySpan }) {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const root = useRef<HTMLSpanElement>(null);
  const { open, setOpen, onMenuKeyDown } = useMenu(root);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState<AbortController | null>(null);
  // Asked once: the answer does not change while the page is open.
  const [videoType] = useState(webmType);

  const run = async (kind: Kind) => {
    setOpen(false);
    setProblem(null);
    store.getState().pauseReplay();
    const abort = new AbortController();
    setRunning(abort);
    const progress = (i: number, n: number, phase: 'frames' | 'video' = 'frames') =>
      setStatus(phase === 'video' ? t.replay_recording(i, n) : t.replay_exporting(i, n));
    try {
      if (kind === 'zip') {
        const { exportReplayFrames } = await import('./exportReplay');
        const done = await exportReplayFrames(store, span, progress, abort.signal);
        setStatus(t.replay_exported(done.frames, done.name));
      } else {
        const { exportReplayVideo } = await import('./exportReplayVideo');
        const done = await exportReplayVideo(store, span, progress, abort.signal);
        setStatus(t.replay_exportedVideo(done.frames, formatNumber(done.seconds, lang, 1), done.name));
      }
    } catch (e) {
      if (abort.signal.aborted) setStatus(t.replay_cancelled);
      else {
        setStatus(null);
        setProblem(t.replay_exportFailed(e instanceof Error ? e.message : String(e)));
      }
    } finally {
      setRunning(null);
    }
  };

  const item = (kind: Kind, label: string, hint: string, unavailable: string | null) => (
    <button
      type="button"
      role="menuitem"
      data-testid={`replay-export-${kind}`}
      // Focusable though unavailable, so a keyboard or screen-reader user meets the reason too.
      aria-disabled={unavailable ? true : undefined}
      title={unavailable ?? hint}
      onClick={() => {
        if (!unavailable) void run(kind);
      }}
    >
      {label}
      {unavailable ? <span className="replay-unavailable"> — {unavailable}</span> : null}
    </button>
  );

  return (
    <>
      <span className="replay-export" ref={root}>
        <button
          type="button"
          aria-haspopup="menu"
          aria-expanded={open}
          disabled={running !== null}
          onClick={() => setOpen((o) => !o)}
          title={t.replay_exportHint}
          data-testid="replay-export"
          aria-describedby="replay-export-status"
        >
          {t.replay_export}
        </button>
        {open ? (
          <span role="menu" aria-label={t.replay_exportMenu} className="panel replay-menu" onKeyDown={onMenuKeyDown}>
            {item('zip', t.replay_exportZip, t.replay_exportZipHint, null)}
            {item('webm', t.replay_exportWebm, t.replay_exportWebmHint(formatNumber(1000 / VIDEO_FRAME_MS, lang, 1)), videoType ? null : t.replay_webmUnsupported)}
          </span>
        ) : null}
      </span>
      {running ? (
        <button type="button" onClick={() => running.abort()} aria-label={t.replay_cancelLabel} data-testid="replay-export-cancel">
          {t.replay_cancel}
        </button>
      ) : null}
      <p id="replay-export-status" role="status" className="replay-status">
        {status}
      </p>
      {problem ? (
        <p role="alert" className="replay-status warn">
          {problem}
        </p>
      ) : null}
    </>
  );
}
