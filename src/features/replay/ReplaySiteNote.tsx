// On a site's fact sheet while the date slider is away from today: the site's clean land at that
// date, from the report's frame (its own figures), with the sample label when they are sample.
import { frameAt } from '../../analytics/clearance/timeline';
import { formatDate, formatHa } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';

export function ReplaySiteNote({ siteId }: { siteId: string }) {
  const { t, lang } = useT();
  const at = useAppStore((s) => s.replayAt);
  const frames = useAppStore((s) => s.report?.frames ?? null);
  if (at === null || !frames) return null;
  const site = frameAt(frames, at)?.bySite[siteId] ?? null;
  return (
    <p className="replay-site" role="status" data-testid="replay-site">
      <strong>{t.replay_siteAt(formatDate(at, lang))}:</strong>{' '}
      {site ? (
        <>
          {formatHa(site.clearedHa, lang)} · {t.bar_inProgress}: {formatHa(site.inProgressHa, lang)}
          {site.sample ? <span className="badge badge-sample">{t.sampleBadge}</span> : null}
        </>
      ) : (
        <span className="missing">{t.replay_siteNone}</span>
      )}
    </p>
  );
}
