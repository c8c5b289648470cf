// The left panel: layers (legend), the year's targets, and the site list, as tabs.
import { Suspense, type KeyboardEvent } from 'react';
import { Legend } from '../legend/Legend';
import { ImportPanelLazy, OverviewPanelLazy, SiteTableLazy, StatsPanelLazy, TargetsPanelLazy, TasksPanelLazy } from '../../app/lazyPanels';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';
import type { SidebarTab } from '../../store/state';

const TABS: SidebarTab[] = ['layers', 'targets', 'tasks', 'sites', 'stats', 'overview', 'imports'];

export function Sidebar() {
  const { t } = useT();
  const tab = useAppStore((s) => s.tab);
  const setTab = useAppStore((s) => s.setTab);
  const label: Record<SidebarTab, string> = { layers: t.tab_layers, targets: t.tab_targets, tasks: t.tab_tasks, sites: t.tab_sites, stats: t.tab_stats, overview: t.tab_overview, imports: t.import_tab };
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (next) {
      setTab(next);
      document.getElementById(`tab-${next}`)?.focus();
    }
  };
  return (
    <div className={`sidebar panel sidebar-${tab}`}>
      <div role="tablist" aria-label={t.tab_layers} className="tabs" onKeyDown={onKey}>
        {TABS.map((k) => (
          <button
            key={k}
            id={`tab-${k}`}
            type="button"
            role="tab"
            aria-selected={tab === k}
            aria-controls={`tabpanel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
          >
            {label[k]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'layers' ? (
          <Legend />
        ) : (
          <Suspense fallback={<p className="loading-inline">{t.loading}</p>}>
            {tab === 'targets' ? <TargetsPanelLazy.Component /> : tab === 'tasks' ? <TasksPanelLazy.Component /> : tab === 'sites' ? <SiteTableLazy.Component /> : tab === 'imports' ? <ImportPanelLazy.Component /> : tab === 'stats' ? <StatsPanelLazy.Component /> : <OverviewPanelLazy.Component />}
          </Suspense>
        )}
      </div>
    </div>
  );
}
