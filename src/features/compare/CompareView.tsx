// Compare mode on the map: the toolbar (what each side shows, swipe or side by side, exit), the second
// map, the swipe divider and a label on each side. Loaded on first use.
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { CompareMap } from '../../map/CompareMap';
import { BUILT_IN_SCENARIOS, importScenario, type ScenarioId } from '../../domain/scenarios';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { BASEMAP_ATTRIBUTION } from '../../app/attribution';
import { runCompare } from './compareRunner';
import { scenarioLabel } from './scenarioLabel';
import './compare.css';

function ScenarioSelect({ side, value }: { side: 'left' | 'right'; value: ScenarioId }) {
  const { t } = useT();
  const imports = useAppStore((s) => s.imports);
  const setCompare = useAppStore((s) => s.setCompare);
  const options: ScenarioId[] = [...BUILT_IN_SCENARIOS, ...imports.map((l) => importScenario(l.id))];
  // A link naming a layer this browser lacks still shows which it was.
  if (!options.includes(value)) options.push(value);
  return (
    <label className="compare-side-select">
      <span>{side === 'left' ? t.compare_left : t.compare_right}</span>
      <select value={value} onChange={(e) => setCompare({ [side]: e.target.value as ScenarioId })} data-testid={`compare-${side}`}>
        {options.map((id) => (
          <option key={id} value={id}>
            {scenarioLabel(id, imports, t)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Divider() {
  const { t } = useT();
  const swipeAt = useAppStore((s) => s.swipeAt);
  const setSwipeAt = useAppStore((s) => s.setSwipeAt);
  const dragging = useRef(false);
  const toFraction = (e: PointerEvent<HTMLElement>) => {
    const wrap = e.currentTarget.closest('.map-wrap')?.getBoundingClientRect();
    if (wrap && wrap.width > 0) setSwipeAt((e.clientX - wrap.left) / wrap.width);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const next = { ArrowLeft: swipeAt - step, ArrowRight: swipeAt + step, Home: 0, End: 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setSwipeAt(next);
  };
  const pct = Math.round(swipeAt * 100);
  return (
    <div className="compare-divider" style={{ left: `${swipeAt * 100}%` }}>
      {/* A div: ARIA allows no slider role on a button. */}
      <div
        tabIndex={0}
        className="compare-handle"
        role="slider"
        aria-label={t.compare_divider}
        aria-valuemin={5}
        aria-valuemax={95}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
        data-testid="compare-handle"
        onKeyDown={onKey}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => dragging.current && toFraction(e)}
        onPointerUp={(e) => {
          dragging.current = false;
          e.currentTarget.releasePointerCapture(e.pointerId);
        }}
      >
        <span aria-hidden="true">◀ ▶</span>
      </div>
    </div>
  );
}

export function CompareView() {
  const { t } = useT();
  const store = useAppStoreApi();
  const compare = useAppStore((s) => s.compare);
  const swipeAt = useAppStore((s) => s.swipeAt);
  const imports = useAppStore((s) => s.imports);
  const setCompare = useAppStore((s) => s.setCompare);
  const stopCompare = useAppStore((s) => s.stopCompare);

  useEffect(() => runCompare(store), [store]);
  // The toolbar's bottom edge, for the CSS that keeps the left map's zoom buttons and the side labels
  // below it (side by side, the left map's top-right corner is under the toolbar's middle). Measured,
  // because the toolbar wraps to two rows on a narrow window.
  const toolbar = useRef<HTMLDivElement>(null);
  const active = compare !== null;
  useLayoutEffect(() => {
    const el = toolbar.current;
    const wrap = el?.parentElement;
    if (!el || !wrap || typeof ResizeObserver === 'undefined') return;
    const put = () => wrap.style.setProperty('--compare-toolbar-bottom', `${el.offsetTop + el.offsetHeight}px`);
    put();
    const ro = new ResizeObserver(put);
    ro.observe(el);
    return () => {
      ro.disconnect();
      wrap.style.removeProperty('--compare-toolbar-bottom');
    };
  }, [active]);
  // Escape leaves compare mode, as it leaves the other full-map modes.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !store.getState().presenting && !store.getState().sketching) stopCompare();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, stopCompare]);

  if (!compare) return null;
  const swipe = compare.mode === 'swipe';
  return (
    <>
      <CompareMap
        className={`compare-map compare-map-${compare.mode}`}
        style={swipe ? { clipPath: `inset(0 0 0 ${swipeAt * 100}%)` } : {}}
        attribution={BASEMAP_ATTRIBUTION}
      />
      {swipe ? <Divider /> : <div className="compare-split" aria-hidden="true" />}
      <div className="compare-label compare-label-left" data-testid="compare-label-left">
        {scenarioLabel(compare.left, imports, t)}
      </div>
      <div className="compare-label compare-label-right" data-testid="compare-label-right">
        {scenarioLabel(compare.right, imports, t)}
      </div>
      <div ref={toolbar} className="compare-toolbar" role="toolbar" aria-label={t.compare_toolbar}>
        <ScenarioSelect side="left" value={compare.left} />
        <button type="button" className="compare-swap" onClick={() => setCompare({ left: compare.right, right: compare.left })} title={t.compare_swap} aria-label={t.compare_swap}>
          ⇄
        </button>
        <ScenarioSelect side="right" value={compare.right} />
        <div className="compare-mode" role="group" aria-label={t.compare_modeLabel}>
          {(['swipe', 'side'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={compare.mode === m} onClick={() => setCompare({ mode: m })} data-testid={`compare-mode-${m}`}>
              {m === 'swipe' ? t.compare_swipe : t.compare_side}
            </button>
          ))}
        </div>
        <button type="button" className="compare-exit" onClick={stopCompare} data-testid="compare-exit">
          ✕ {t.compare_exit}
        </button>
      </div>
    </>
  );
}
