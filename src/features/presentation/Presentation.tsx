// Presentation mode: the region's story one slide at a time, for a projector and a clicker. The map
// keeps the right of the screen; the slide (title, text, figures computed from the data, sources) the
// left, in large type on a high-contrast panel. Kiosk mode plays the story by itself.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { KIOSK_DEFAULTS, type Story } from '../../domain/story';
import { useT } from '../../i18n/useT';
import type { AppStore } from '../../store/createAppStore';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { useTargetsNow } from '../replay/useReplay';
import { applySlide, flyDuration } from './applySlide';
import { AuthoringPanel } from './AuthoringPanel';
import { keyAction, targetSlide } from './keys';
import { useKiosk } from './useKiosk';
import { useKioskExit } from './kioskExit';
import { FigureWidget, figureView, slideSources, SourceLine, TargetWidget } from './widgets';
import './presentation.css';

/** the class on the document root while presenting: the projector theme hangs off it */
export const PRESENT_CLASS = 'present-mode';

function toggleFullscreen(): void {
  if (typeof document === 'undefined') return;
  // Refused outside a user gesture or by policy: the presentation goes on in the window.
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function leave(store: AppStore): void {
  if (typeof document !== 'undefined' && document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  store.getState().stopPresenting();
}

function useFullscreen(): boolean {
  const [on, setOn] = useState(() => typeof document !== 'undefined' && Boolean(document.fullscreenElement));
  useEffect(() => {
    const sync = () => setOn(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  return on;
}

/** Puts the projector theme on the document root; true once the map has its new, narrower size. A flight
 *  started before MapLibre sees the resize would end off-centre by half the width the map lost. */
function useProjectorLayout(): boolean {
  const [laidOut, setLaidOut] = useState(false);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add(PRESENT_CLASS);
    // The map notices its new size through a ResizeObserver, delivered after the next frame's layout:
    // two frames later it has resized.
    const frame = (cb: () => void): number =>
      typeof window.requestAnimationFrame === 'function' ? window.requestAnimationFrame(cb) : window.setTimeout(cb, 16);
    const cancel = (id: number) =>
      typeof window.cancelAnimationFrame === 'function' ? window.cancelAnimationFrame(id) : window.clearTimeout(id);
    let second = 0;
    const first = frame(() => {
      second = frame(() => setLaidOut(true));
    });
    return () => {
      cancel(first);
      cancel(second);
      root.classList.remove(PRESENT_CLASS);
    };
  }, []);
  return laidOut;
}

/** Keys of a clicker or keyboard, on the whole window while presenting. */
function usePresentationKeys(store: AppStore, count: number, kiosk: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e);
      if (!action) return;
      // At a kiosk a visitor's Esc or F must not end the show: only the presenter's exit does (kioskExit).
      if (kiosk && (action === 'exit' || action === 'fullscreen')) return;
      if (action === 'exit') leave(store);
      else if (action === 'fullscreen') toggleFullscreen();
      else {
        const s = store.getState();
        const next = targetSlide(action, Math.min(s.slide, count - 1), count);
        if (next !== null && next !== s.slide) s.setSlide(next);
      }
      // The map would pan on arrows and the page scroll on space: the key was ours.
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [store, count, kiosk]);
}

function kioskTimes(story: Story | null, override: { slideSeconds?: number; idleSeconds?: number } | null) {
  return {
    slideSeconds: override?.slideSeconds ?? story?.kiosk.slideSeconds ?? KIOSK_DEFAULTS.slideSeconds,
    idleSeconds: override?.idleSeconds ?? story?.kiosk.idleSeconds ?? KIOSK_DEFAULTS.idleSeconds,
  };
}

export function Presentation() {
  const presenting = useAppStore((s) => s.presenting);
  return presenting ? <PresentationMode /> : null;
}

function PresentationMode() {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const region = useAppStore((s) => s.region);
  const report = useAppStore((s) => s.report);
  // A slide with a date (story.json › at) shows its targets as of that date.
  const { results: targetsNow } = useTargetsNow();
  const slideIndex = useAppStore((s) => s.slide);
  const kiosk = useAppStore((s) => s.kiosk);
  const kioskTiming = useAppStore((s) => s.kioskTiming);
  const authoring = useAppStore((s) => s.authoring);
  const setSlide = useAppStore((s) => s.setSlide);
  const setKiosk = useAppStore((s) => s.setKiosk);
  const setAuthoring = useAppStore((s) => s.setAuthoring);
  const fullscreen = useFullscreen();

  const story = region?.data.story ?? null;
  const count = story?.slides.length ?? 0;
  const index = count > 0 ? Math.min(Math.max(slideIndex, 0), count - 1) : 0;
  const slide = story?.slides[index] ?? null;

  const laidOut = useProjectorLayout();

  useEffect(() => {
    if (slide && laidOut) applySlide(store, slide, flyDuration());
  }, [store, slide, laidOut]);

  usePresentationKeys(store, count, kiosk);
  const endKiosk = useCallback(() => setKiosk(false), [setKiosk]);
  const hold = useKioskExit(kiosk, endKiosk);

  const times = kioskTimes(story, kioskTiming);
  const paused = useKiosk({
    enabled: kiosk,
    slide: index,
    count,
    slideMs: 1000 * (kioskTiming?.slideSeconds ?? slide?.durationSeconds ?? times.slideSeconds),
    idleMs: 1000 * times.idleSeconds,
    setSlide,
  });

  const go = useCallback((delta: number) => {
    const next = Math.min(Math.max(index + delta, 0), count - 1);
    if (next !== index) setSlide(next);
  }, [index, count, setSlide]);

  const content = useMemo(() => {
    if (!slide || !region) return null;
    const targets = slide.targets.flatMap((id) => targetsNow?.find((r) => r.target.id === id) ?? []);
    const figures = slide.figures.flatMap((f) => figureView(f, region, report, t, lang) ?? []);
    return { targets, figures, sources: slideSources(slide, targets, figures) };
  }, [slide, region, report, targetsNow, t, lang]);

  return (
    <>
      <aside className="present-panel" aria-label={t.present_deck} data-testid="presentation">
        {!region ? (
          <p className="present-text">{t.loading}</p>
        ) : !slide || !content ? (
          <div className="present-slide">
            <h2 className="present-title">{region.data.region.name[lang]}</h2>
            <p className="present-text">{t.present_noStory}</p>
            <p className="present-text">{t.present_noStoryHint}</p>
          </div>
        ) : (
          <article className="present-slide" aria-labelledby="present-title" data-slide={slide.id}>
            <h2 id="present-title" className="present-title" aria-live="polite">
              {slide.title[lang]}
            </h2>
            {slide.text
              ? slide.text[lang]
                  .split(/\n+/)
                  .filter((para) => para.trim())
                  .map((para, i) => (
                    <p key={i} className="present-text">
                      {para}
                    </p>
                  ))
              : null}
            {(slide.targets.length > 0 || slide.figures.some((f) => f.type === 'region')) && !report ? <p className="present-note">{t.loading}</p> : null}
            {content.targets.length + content.figures.length > 0 ? (
              <div className="present-widgets">
                {content.targets.map((r) => (
                  <TargetWidget key={r.target.id} r={r} t={t} lang={lang} />
                ))}
                {content.figures.map((f, i) => (
                  <FigureWidget key={i} view={f} t={t} />
                ))}
              </div>
            ) : null}
            {content.targets.some((r) => r.state === 'computed') || content.figures.some((f) => f.computed) ? (
              <p className="present-note">{t.present_computed}</p>
            ) : null}
            <SourceLine sources={content.sources} region={region.data.region} t={t} lang={lang} />
          </article>
        )}
        <footer className="present-controls">
          <div className="present-nav">
            <button type="button" onClick={() => go(-1)} disabled={index === 0 || count === 0} aria-label={t.present_prev} title={t.present_prev}>
              ‹
            </button>
            <span className="present-counter" data-testid="present-counter" aria-label={t.present_counterLabel(count ? index + 1 : 0, count)} {...hold}>
              {t.present_counter(count ? index + 1 : 0, count)}
            </span>
            <button type="button" onClick={() => go(1)} disabled={index >= count - 1} aria-label={t.present_next} title={t.present_next}>
              ›
            </button>
          </div>
          {kiosk ? null : (
            <div className="present-tools">
              <button type="button" aria-pressed={kiosk} onClick={() => setKiosk(!kiosk)} title={t.present_kioskHint} disabled={count < 2}>
                {t.present_kiosk}
              </button>
              <button type="button" aria-pressed={fullscreen} onClick={toggleFullscreen} title={t.present_fullscreenHint}>
                {t.present_fullscreen}
              </button>
              <button type="button" aria-pressed={authoring} onClick={() => setAuthoring(!authoring)} title={t.present_authorHint}>
                {t.present_author}
              </button>
              <button type="button" onClick={() => leave(store)} title={t.present_exitHint}>
                {t.present_exit}
              </button>
            </div>
          )}
          {paused ? <p className="present-note" role="status">{t.present_kioskPaused}</p> : null}
          {kiosk ? null : <p className="present-keys">{t.present_keys}</p>}
          {kiosk ? null : <p className="present-keys" data-testid="kiosk-exit-hint">{t.present_kioskExit}</p>}
        </footer>
      </aside>
      {authoring && !kiosk ? <AuthoringPanel /> : null}
    </>
  );
}
