// Over the map while it shows the editor's unpublished draft (app/draftView): says so, with the way back
// to the published data. Small and always loaded: a draft can be on screen before the editor is opened.
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';

export function DraftBanner() {
  const { t } = useT();
  const draft = useAppStore((s) => s.draft);
  const store = useAppStoreApi();
  if (!draft) return null;
  return (
    <div className="draft-banner" role="status" data-testid="draft-banner">
      <span>{t.edit_draftBanner(draft.edits)}</span>
      <button type="button" onClick={() => void import('../../app/draftView').then((m) => m.chooseDraft(store, false, []))}>
        {t.edit_showPublished}
      </button>
    </div>
  );
}
