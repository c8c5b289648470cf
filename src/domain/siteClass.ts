// How a site is classed on the map and in the legend: KCN/CCN × existing/planned.
import type { SiteProperties, SiteStatus } from './schema';

export type Stage = 'existing' | 'planned' | 'withdrawn';

const STAGE: Record<SiteStatus, Stage> = {
  operating: 'existing',
  established: 'existing',
  'under-construction': 'existing',
  relocating: 'existing',
  planned: 'planned',
  proposed: 'planned',
  withdrawn: 'withdrawn',
};

export function stageOf(status: SiteStatus): Stage {
  return STAGE[status];
}

/** Legend group of a site; withdrawn sites fall in the planned group of their kind, drawn greyed. */
export type SiteGroup = 'kcn-existing' | 'kcn-planned' | 'ccn-existing' | 'ccn-planned';

export function groupOf(p: Pick<SiteProperties, 'kind' | 'status'>): SiteGroup {
  const stage = stageOf(p.status);
  return `${p.kind}-${stage === 'existing' ? 'existing' : 'planned'}`;
}

export const SITE_GROUPS: readonly SiteGroup[] = ['kcn-existing', 'kcn-planned', 'ccn-existing', 'ccn-planned'];
