// The header's way into compare mode: the existing sites against the 2026 plan, swiped.
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';

export function CompareButton() {
  const { t } = useT();
  const region = useAppStore((s) => s.region);
  const comparing = useAppStore((s) => s.compare !== null);
  const startCompare = useAppStore((s) => s.startCompare);
  const stopCompare = useAppStore((s) => s.stopCompare);
  return (
    <button
      type="button"
      className="compare-start"
      onClick={() => (comparing ? stopCompare() : startCompare())}
      disabled={!region}
      aria-pressed={comparing}
      title={t.compare_startHint}
      data-testid="compare-start"
    >
      {t.compare_start}
    </button>
  );
}
