// The offline notes for the presenter. On the map, over its corner: shown from the first paint when
// this browser already held the whole app as the page opened (a visit after the first), and whenever
// the network is gone. On the first visit the app becomes ready seconds after the map is drawn; a note
// popping up then would change a first screen that should hold still, so that news waits in the
// export menu (OfflineMenuNote), where a presenter preparing for an event looks before leaving. Nothing
// shows on the dev server, which registers no worker, so no note promises what the browser does not hold.
import { useT } from '../../i18n/useT';
import { useOfflineState, type OfflineEnv } from './useOfflineState';

export function OfflineStatus({ env }: { env?: OfflineEnv }) {
  const { t } = useT();
  const { ready, readyAtLoad, online } = useOfflineState(env);
  if (online && !readyAtLoad) return null;
  if (!online && !ready) {
    return (
      <span className="offline-status offline-missing" role="status" data-testid="offline-status">
        {t.offline_notReady}
      </span>
    );
  }
  return (
    <span className="offline-status" role="status" title={t.offline_hint} data-testid="offline-status">
      {online ? t.offline_ready : t.offline_active}
    </span>
  );
}

/** The same news as a line at the foot of a menu: ready, or still being stored. */
export function OfflineMenuNote({ env }: { env?: OfflineEnv }) {
  const { t } = useT();
  const { ready, storing } = useOfflineState(env);
  // Without a service worker (the dev server, a plain-http address) nothing is stored: say nothing.
  if (!ready && !storing) return null;
  return (
    <p className="menu-note" role="note" title={ready ? t.offline_hint : undefined} data-testid="offline-menu-note">
      {ready ? t.offline_ready : t.offline_storing}
    </p>
  );
}
