// What a key does in presentation mode. Clickers send PageDown/PageUp (some send arrows or space),
// so all of them move; keys typed into a field are left to the field.

export type KeyAction = 'next' | 'prev' | 'first' | 'last' | 'exit' | 'fullscreen';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  target: EventTarget | null;
}

const ACTIONS: Record<string, KeyAction> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  PageUp: 'prev',
  Home: 'first',
  End: 'last',
  Escape: 'exit',
  f: 'fullscreen',
  F: 'fullscreen',
};

function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function keyAction(e: KeyLike): KeyAction | null {
  // Ctrl+F, Alt+←, Cmd+R… belong to the browser.
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (isTyping(e.target)) return null;
  // Space on a focused button presses that button, as everywhere else.
  if (e.key === ' ' && (e.target as Element | null)?.tagName === 'BUTTON') return null;
  return ACTIONS[e.key] ?? null;
}

/** The slide an action leads to, within [0, count - 1]; null when the action does not move. */
export function targetSlide(action: KeyAction, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (action) {
    case 'next':
      return Math.min(current + 1, count - 1);
    case 'prev':
      return Math.max(current - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    default:
      return null;
  }
}
