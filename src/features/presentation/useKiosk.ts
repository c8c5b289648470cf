// Kiosk: at a stand the story plays by itself. When a visitor touches it, it stops and follows them;
// once nobody has touched it for the idle time it goes back to the first slide and plays on.
import { useEffect, useState } from 'react';

export interface KioskOptions {
  enabled: boolean;
  slide: number;
  count: number;
  /** how long the current slide stays, ms */
  slideMs: number;
  /** quiet time after which the story restarts, ms */
  idleMs: number;
  setSlide: (n: number) => void;
}

// What counts as a visitor: keys, clicks, touches, the wheel and the mouse moving.
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Runs the kiosk; returns whether it is paused by someone's input. `setSlide` should be stable (a store action). */
export function useKiosk({ enabled, slide, count, slideMs, idleMs, setSlide }: KioskOptions): boolean {
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (!enabled) {
      setPaused(false);
      return;
    }
    let idle: ReturnType<typeof setTimeout> | null = null;
    const onInput = () => {
      setPaused(true);
      if (idle !== null) clearTimeout(idle);
      idle = setTimeout(() => {
        idle = null;
        setPaused(false);
        setSlide(0);
      }, idleMs);
    };
    const opts = { capture: true, passive: true } as const;
    for (const ev of INPUT_EVENTS) window.addEventListener(ev, onInput, opts);
    return () => {
      for (const ev of INPUT_EVENTS) window.removeEventListener(ev, onInput, opts);
      if (idle !== null) clearTimeout(idle);
    };
  }, [enabled, idleMs, setSlide]);

  useEffect(() => {
    if (!enabled || paused || count < 2) return;
    const timer = setTimeout(() => setSlide((slide + 1) % count), slideMs);
    return () => clearTimeout(timer);
  }, [enabled, paused, slide, count, slideMs, setSlide]);

  return enabled && paused;
}
