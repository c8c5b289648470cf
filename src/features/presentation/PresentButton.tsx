// The header's way into presentation mode.
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';

export function PresentButton() {
  const { t } = useT();
  const region = useAppStore((s) => s.region);
  const startPresenting = useAppStore((s) => s.startPresenting);
  return (
    <button type="button" className="present-start" onClick={() => startPresenting()} disabled={!region} title={t.present_startHint} data-testid="present-start">
      {t.present_start}
    </button>
  );
}
