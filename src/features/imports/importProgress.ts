// How far the file being read has got, for the import panel's progress bar. Kept out of the app store:
// it changes every tenth of a second while a big file is checked, and only the panel shows it.
import { useSyncExternalStore } from 'react';

export interface ImportProgress {
  fileName: string;
  /** Date.now() when the read began (the panel counts the seconds from it) */
  startedAt: number;
  /** features checked so far, out of `total` (NaN until the file is parsed and its features counted) */
  checked: number;
  total: number;
}

let current: ImportProgress | null = null;
const listeners = new Set<() => void>();
const tell = () => listeners.forEach((l) => l());

export function startImportProgress(fileName: string): void {
  current = { fileName, startedAt: Date.now(), checked: 0, total: Number.NaN };
  tell();
}

export function updateImportProgress(checked: number, total: number): void {
  if (!current) return;
  current = { ...current, checked, total };
  tell();
}

export function endImportProgress(): void {
  current = null;
  tell();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useImportProgress(): ImportProgress | null {
  return useSyncExternalStore(subscribe, () => current);
}
