// The names of compare scenarios: small and free of geometry code, so the address bar and the store
// can read them without loading the scenarios themselves (src/domain/scenarios.ts loads with compare mode).

export type BuiltInScenario = 'existing' | 'plan' | 'after-relocation';
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = ['existing', 'plan', 'after-relocation'];
/** A built-in scenario, or `import:<layer id>` for one of the planner's imported layers. */
export type ScenarioId = BuiltInScenario | `import:${string}`;

const IMPORT_PREFIX = 'import:';

export function importScenario(layerId: string): ScenarioId {
  return `${IMPORT_PREFIX}${layerId}`;
}

/** The layer id of an import scenario; null for a built-in one. */
export function scenarioLayerId(id: ScenarioId): string | null {
  return id.startsWith(IMPORT_PREFIX) ? id.slice(IMPORT_PREFIX.length) : null;
}

export function isScenarioId(s: string): s is ScenarioId {
  return (BUILT_IN_SCENARIOS as readonly string[]).includes(s) || (s.startsWith(IMPORT_PREFIX) && s.length > IMPORT_PREFIX.length);
}

/** The sites (null: all) and imported layers one side's map draws. */
export interface ScenarioView {
  siteIds: string[] | null;
  importIds: string[];
}
