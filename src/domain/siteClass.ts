// How a site is classed on the map and in the legend: KCN/CCN × existing/planned.
import type { SiteProperties, SiteStatus } from './schema';

/** `unstated`: no source states the status, so the site is neither existing nor planned on the map */
export type Stage = 'existing' | 'planned' | 'withdrawn' | 'unstated';

const STAGE: Record<SiteStatus, Stage> = {
  operating: 'existing',
  established: 'existing',
  'under-construction': 'existing',
  relocating: 'existing',
  planned: 'planned',
  proposed: 'planned',
  withdrawn: 'withdrawn',
  unstated: 'unstated',
};

export function stageOf(status: SiteStatus): Stage {
  return STAGE[status];
}

/** Legend group of a site; withdrawn sites fall in the planned group of their kind, drawn greyed, and sites
 *  whose status no source states fall there too, drawn hatched-pale and counted apart in the legend. */
export type SiteGroup = 'kcn-existing' | 'kcn-planned' | 'ccn-existing' | 'ccn-planned';

export function groupOf(p: Pick<SiteProperties, 'kind' | 'status'>): SiteGroup {
  const stage = stageOf(p.status);
  return `${p.kind}-${stage === 'existing' ? 'existing' : 'planned'}`;
}

export const SITE_GROUPS: readonly SiteGroup[] = ['kcn-existing', 'kcn-planned', 'ccn-existing', 'ccn-planned'];
