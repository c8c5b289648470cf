// The name of a scenario in the interface: a built-in one by its message, an imported layer by the name
// the planner gave it.
import type { ImportedLayer } from '../../domain/importedLayer';
import { scenarioLayerId, type ScenarioId } from '../../domain/scenarios';
import type { Messages } from '../../i18n/messages';

export function scenarioLabel(id: ScenarioId, imports: readonly ImportedLayer[], t: Messages): string {
  const layerId = scenarioLayerId(id);
  if (layerId === null) {
    return id === 'existing' ? t.compare_existing : id === 'plan' ? t.compare_plan : t.compare_afterRelocation;
  }
  const layer = imports.find((l) => l.id === layerId);
  return layer ? t.compare_fileScenario(layer.name) : t.compare_missingLayer;
}
