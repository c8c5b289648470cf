// The statuses a site may have, as a plain list: the address bar and the editor's choices need them at
// start, without the region schema (and zod) that validates them, which load with the region's files.
export const SITE_STATUSES = [
  'operating',
  'established',
  'under-construction',
  'planned',
  'proposed',
  'relocating',
  'withdrawn',
  /** no source we hold states the status: shown as such, never as a guessed "planned" */
  'unstated',
] as const;

export type SiteStatus = (typeof SITE_STATUSES)[number];

export function isSiteStatus(x: string): x is SiteStatus {
  return (SITE_STATUSES as readonly string[]).includes(x);
}
