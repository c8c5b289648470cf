// Showing a slide on the map: fly to its camera, show its layers, emphasise its sites.
import type { StorySlide } from '../../domain/story';
import type { AppStore } from '../../store/createAppStore';
import { LAYER_KEYS } from '../../domain/layers';

/** long enough to follow where the map goes, short enough for a clicker */
export const FLY_MS = 1500;

export function applySlide(store: AppStore, slide: StorySlide, durationMs: number): void {
  const s = store.getState();
  const shown = new Set(slide.layers ?? LAYER_KEYS);
  // Only the layers that change: each change restyles the map.
  for (const key of LAYER_KEYS) {
    const on = shown.has(key);
    if (store.getState().visible[key] !== on) s.setLayerVisible(key, on);
  }
  s.setHighlighted([...slide.highlight]);
  // The slide's date, or its range playing; a slide without either shows today. A range still playing
  // from the slide before stops: it would carry the map away from this slide's date.
  if (slide.play) s.playReplay({ speed: slide.play.speed, from: slide.play.from, to: slide.play.to });
  else {
    s.pauseReplay();
    s.setReplayAt(slide.at ?? null);
  }
  const { center, zoom, bearing, pitch } = slide.camera;
  s.requestCamera({ center: [center[0], center[1]], zoom, bearing, pitch }, durationMs);
}

/** No flight for people who asked their system for less motion. */
export function flyDuration(): number {
  const reduce = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  return reduce ? 0 : FLY_MS;
}
