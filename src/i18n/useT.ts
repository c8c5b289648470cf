import { useAppStore } from '../store/context';
import { MESSAGES, type Messages } from './messages';
import type { Lang } from './format';

/** The message catalogue of the current language, and the language itself. */
export function useT(): { t: Messages; lang: Lang } {
  const lang = useAppStore((s) => s.lang);
  return { t: MESSAGES[lang], lang };
}
