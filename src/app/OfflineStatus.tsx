// A small note for the presenter: once the service worker is active, every file the app needs is in
// this browser, so the network can go. Nothing shows until then (and never on the dev server, which
// registers no worker), so the note never promises what the browser does not hold.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';

/** What the note needs from the browser; navigator's by default, a fake in tests. */
export interface OfflineEnv {
  /** Resolves once a worker is active for this page: it activates only after its precache is complete. */
  ready: Promise<unknown> | undefined;
  isOnline: () => boolean;
  events: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

function browserEnv(): OfflineEnv {
  return {
    // navigator.serviceWorker is missing on http:// pages other than localhost, and in jsdom.
    ready: typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker.ready : undefined,
    isOnline: () => navigator.onLine,
    events: window,
  };
}

export function OfflineStatus({ env }: { env?: OfflineEnv }) {
  const { t } = useT();
  const [ready, setReady] = useState(false);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const e = env ?? browserEnv();
    let live = true;
    void e.ready?.then(() => {
      if (live) setReady(true);
    });
    const update = () => setOnline(e.isOnline());
    update();
    e.events.addEventListener('online', update);
    e.events.addEventListener('offline', update);
    return () => {
      live = false;
      e.events.removeEventListener('online', update);
      e.events.removeEventListener('offline', update);
    };
  }, [env]);
  if (!ready) return null;
  return (
    <span className="offline-status" role="status" title={t.offline_hint} data-testid="offline-status">
      {online ? t.offline_ready : t.offline_active}
    </span>
  );
}
