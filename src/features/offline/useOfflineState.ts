// Whether this browser holds the whole app for offline use, and whether the network is there.
// A service worker activates only after its precache is complete, so "a worker is active" means
// "every file is here". A page that a worker already controlled when it opened (any visit after the
// first) knows this at its first render; on the first visit it learns it seconds after the map is
// drawn (main.tsx registers the worker then).
import { useEffect, useState } from 'react';

/** What the notes need from the browser; navigator's by default, a fake in tests. */
export interface OfflineEnv {
  /** true when a worker controlled this page from its start: its precache is complete */
  controlledAtLoad: boolean;
  /** Resolves once a worker is active for this page (it activates only after its precache is complete);
   *  undefined where no worker is registered. */
  ready: Promise<unknown> | undefined;
  isOnline: () => boolean;
  events: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

// Read once, as the page opens: on the first visit the worker takes control later (clientsClaim), and
// that later control must not count as "controlled from the start".
const controlledAtOpen = typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller;

function browserEnv(): OfflineEnv {
  return {
    controlledAtLoad: controlledAtOpen,
    // navigator.serviceWorker is missing on http:// pages other than localhost, and in jsdom; the dev
    // server registers no worker (main.tsx), so there nothing will ever be stored.
    ready: import.meta.env.PROD && typeof navigator !== 'undefined' ? navigator.serviceWorker?.ready : undefined,
    isOnline: () => navigator.onLine,
    events: window,
  };
}

export interface OfflineState {
  /** every file the app needs is in this browser */
  ready: boolean;
  /** ready already when the page opened (not learnt later) */
  readyAtLoad: boolean;
  online: boolean;
  /** a worker is registered here, so the app is being stored or is stored */
  storing: boolean;
}

export function useOfflineState(env?: OfflineEnv): OfflineState {
  const [e] = useState(() => env ?? browserEnv());
  const [ready, setReady] = useState(e.controlledAtLoad);
  const [online, setOnline] = useState(() => e.isOnline());
  useEffect(() => {
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
  }, [e]);
  return { ready, readyAtLoad: e.controlledAtLoad, online, storing: e.ready !== undefined };
}
