import { useSyncExternalStore } from 'react';
import { useAppStore } from '../store/context';
import { catalogueVersion, loadMessages, messagesOf, subscribeCatalogue } from './catalogue';
import { vi, type Messages } from './messages';
import type { Lang } from './format';

/**
 * The message catalogue of the current language, and the language itself. Until a chosen language's
 * catalogue has arrived (English loads on demand, in a few milliseconds from the cache) the interface
 * stays wholly Vietnamese, words and number formats alike, rather than mixing the two.
 */
export function useT(): { t: Messages; lang: Lang } {
  const lang = useAppStore((s) => s.lang);
  // The same snapshot on the server: the static pages (scripts/build-pages.ts) render these components in Node.
  useSyncExternalStore(subscribeCatalogue, catalogueVersion, catalogueVersion);
  const t = messagesOf(lang);
  if (t) return { t, lang };
  // Idempotent: one fetch however many components ask; the subscription re-renders when it lands.
  void loadMessages(lang).catch(() => undefined);
  return { t: vi, lang: 'vi' };
}
