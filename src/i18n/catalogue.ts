// Which message catalogues are in memory. Vietnamese is always there (the app opens in it); English
// is fetched the first time it is asked for, and whoever waits on it (useT, the exports) is told.
import type { Lang } from './format';
import { vi, type Messages } from './messages';

const loaded: Partial<Record<Lang, Messages>> = { vi };
const listeners = new Set<() => void>();
let english: Promise<Messages> | undefined;
let version = 0;

/** The catalogue of `lang` if it is already in memory. */
export function messagesOf(lang: Lang): Messages | undefined {
  return loaded[lang];
}

/** The catalogue of `lang`, fetching it once if need be. */
export function loadMessages(lang: Lang): Promise<Messages> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  english ??= import('./messagesEn').then(
    ({ en }) => {
      loaded.en = en;
      version += 1;
      for (const listener of listeners) listener();
      return en;
    },
    (error: unknown) => {
      // A failed fetch (e.g. offline before the app was cached) may be retried on the next switch.
      english = undefined;
      throw error;
    },
  );
  return english;
}

/** For useSyncExternalStore: called whenever a catalogue arrives. */
export function subscribeCatalogue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever a catalogue arrives. */
export function catalogueVersion(): number {
  return version;
}
