// Panels that are not on screen at start load on first use, so the first paint carries only the map,
// the header and the legend (the start-up budget is 150 KB of app JS, gzipped). Each is fetched in the
// background once the browser is idle, so the first click does not wait on the network.
import { lazy, type ComponentType } from 'react';
import { afterStartup } from './startupGates';
import { PanelBoundary } from './PanelBoundary';

function lazyNamed<T extends ComponentType>(load: () => Promise<T>): { Component: ComponentType; preload: () => void } {
  let promise: Promise<T> | null = null;
  const get = () => (promise ??= load());
  const Lazy = lazy(async () => ({ default: await get() })) as unknown as ComponentType<Record<string, unknown>>;
  // Each panel inside its own error boundary: a panel that throws shows a message, the map keeps working.
  const Component = (props: Record<string, unknown>) => (
    <PanelBoundary>
      <Lazy {...props} />
    </PanelBoundary>
  );
  return { Component: Component as unknown as ComponentType, preload: () => void get().catch(() => {}) };
}

export const DetailsPanelLazy = lazyNamed(() => import('../features/details/DetailsPanel').then((m) => m.DetailsPanel));
export const TargetsPanelLazy = lazyNamed(() => import('../features/targets/TargetsPanel').then((m) => m.TargetsPanel));
export const TasksPanelLazy = lazyNamed(() => import('../features/tasks/TasksPanel').then((m) => m.TasksPanel));
export const SiteTableLazy = lazyNamed(() => import('../features/sites/SiteTable').then((m) => m.SiteTable));
export const StatsPanelLazy = lazyNamed(() => import('../features/stats/StatsPanel').then((m) => m.StatsPanel));
export const PresentationLazy = lazyNamed(() => import('../features/presentation/Presentation').then((m) => m.Presentation));
export const OverviewPanelLazy = lazyNamed(() => import('../features/overview/OverviewPanel').then((m) => m.OverviewPanel));
export const ImportPanelLazy = lazyNamed(() => import('../features/imports/ImportPanel').then((m) => m.ImportPanel));
export const CompareViewLazy = lazyNamed(() => import('../features/compare/CompareView').then((m) => m.CompareView));
export const EditorPanelLazy = lazyNamed(() => import('../features/editor/EditorPanel').then((m) => m.EditorPanel));
export const ComparePanelLazy = lazyNamed(() => import('../features/compare/ComparePanel').then((m) => m.ComparePanel));

/** Fetch every lazy panel once the map is drawn, the first report is in and the page has nothing better to do. */
export function preloadPanels(): void {
  const run = () => [DetailsPanelLazy, TargetsPanelLazy, TasksPanelLazy, SiteTableLazy, StatsPanelLazy, OverviewPanelLazy, PresentationLazy, ImportPanelLazy].forEach((p) => p.preload());
  afterStartup(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 4000 });
    else setTimeout(run, 500);
  });
}
