// Kiosk mode hides the authoring and exit buttons from the public, so leaving it takes a deliberate act
// that the presenter knows and a passer-by does not do by chance: Ctrl+Shift+K, or holding the slide
// counter down for two seconds (a touch screen has no keyboard).
import { useEffect, useRef, type PointerEvent } from 'react';

export const KIOSK_HOLD_MS = 2000;

/** Ctrl+Shift+K (any keyboard layout: the physical K key). */
export function isKioskExitKey(e: { key: string; code?: string; ctrlKey?: boolean; shiftKey?: boolean }): boolean {
  return Boolean(e.ctrlKey && e.shiftKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k'));
}

export interface HoldHandlers {
  onPointerDown: (e: PointerEvent) => void;
  onPointerUp: () => void;
  onPointerLeave: () => void;
  onPointerCancel: () => void;
}

/** While `enabled`, listens for the exit key and returns the handlers of the long press; `onExit` ends kiosk mode. */
export function useKioskExit(enabled: boolean, onExit: () => void): HoldHandlers {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const exit = useRef(onExit);
  useEffect(() => {
    exit.current = onExit;
  }, [onExit]);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isKioskExitKey(e)) return;
      e.preventDefault();
      e.stopPropagation();
      exit.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled]);

  const cancel = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);

  return {
    onPointerDown: (e) => {
      if (!enabled) return;
      e.preventDefault();
      cancel();
      timer.current = setTimeout(() => {
        timer.current = null;
        exit.current();
      }, KIOSK_HOLD_MS);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
  };
}
