import type { Messages } from '../../i18n/messages';

/** "đã sửa hình" beside an area measured on a self-crossing outline's repaired shape (issue 15), wherever it shows. */
export function RepairedBadge({ t }: { t: Messages }) {
  return (
    <span className="repaired-badge" title={t.repaired_badgeHint}>
      {t.repaired_badge}
    </span>
  );
}
