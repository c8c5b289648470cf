// "Biên tập dữ liệu": the department's staff edit the region's data in the browser. The shipped files
// are fetched as they are; the staff's edits are a list kept in the browser (app/editsStore) and
// applied over them; each new edit passes the region validator (the code of `npm run validate:data`)
// or is refused with its messages. The review screen shows the changes, then exports them.
import '../../domain/zodVietnamese';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { chooseDraft, draftWanted, showDraft } from '../../app/draftView';
import { fetchRegionTexts } from '../../app/regionSource';
import { loadEdits, saveEdits } from '../../app/editsStore';
import { REGION_FILES, type RegionFileKey } from '../../domain/regionFiles';
import type { RegionFiles } from '../../domain/types';
import { validateRegion } from '../../domain/validate';
import { applyEdits, type Edit } from '../../domain/edits/edits';
import { checkEdits, type EditCheck } from '../../domain/edits/checkEdits';
import { diffRegionFiles } from '../../domain/edits/regionDiff';
import { makeRegionPatch } from '../../domain/edits/jsonPatch';
import { regionFolderZip } from '../../io/export/regionFolder';
import { monthlyReportTables, monthlyReportXlsx } from '../../io/export/monthlyReport';
import { localIsoDate } from '../../io/export';
import { download } from '../export/download';
import { SiteForm } from './SiteForm';
import { ProgressForm } from './ProgressForm';
import { ProgressImport } from './ProgressImport';
import { ReviewPanel } from './ReviewPanel';
import { useIssueTexts } from './issueText';
import './editor.css';

type View = 'site' | 'progress' | 'import' | 'review';

interface Shipped {
  regionId: string;
  files: RegionFiles;
  texts: Map<string, string>;
}

function parseShipped(regionId: string, texts: Map<string, string>): Shipped {
  const files: Partial<Record<RegionFileKey, unknown>> = {};
  for (const [key, name] of Object.entries(REGION_FILES) as [RegionFileKey, string][]) {
    const text = texts.get(name);
    if (text !== undefined) files[key] = JSON.parse(text);
  }
  return { regionId, files: files as RegionFiles, texts };
}

export function EditorPanel() {
  const { t } = useT();
  const regionId = useAppStore((s) => s.regionId);
  const selected = useAppStore((s) => s.selected);
  const setEditing = useAppStore((s) => s.setEditing);
  const store = useAppStoreApi();
  const draftOnMap = useAppStore((s) => s.draft !== null);
  const [shipped, setShipped] = useState<Shipped | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [batches, setBatches] = useState<Edit[][]>([]);
  const edits = useMemo(() => batches.flat(), [batches]);
  const [notice, setNotice] = useState<string | null>(null);
  const [view, setView] = useState<View>('site');
  const [siteId, setSiteId] = useState(selected?.type === 'site' ? selected.id : '');

  useEffect(() => {
    let live = true;
    setShipped(null);
    Promise.all([fetchRegionTexts(regionId), loadEdits(regionId)])
      .then(([texts, stored]) => {
        if (!live) return;
        setShipped(parseShipped(regionId, texts));
        setBatches(stored.edits);
        if (stored.corrupt) setNotice(t.edit_corrupt);
      })
      .catch((e: unknown) => live && setLoadError((e as Error).message));
    return () => {
      live = false;
    };
    // Loaded once per region; the language does not change what is loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [regionId]);

  const keep = useCallback(
    (next: Edit[][]) => {
      setBatches(next);
      void saveEdits(regionId, next).then((kept) => setNotice(kept ? null : t.edit_notKept));
      // The map follows the working copy at once (unless this browser asked for the published data).
      if (shipped && draftWanted(regionId)) showDraft(store, shipped.files, next.flat());
    },
    [regionId, t, shipped, store],
  );

  const edited = useMemo(() => (shipped ? applyEdits(shipped.files, edits) : null), [shipped, edits]);
  const validation = useMemo(() => (edited ? validateRegion(edited) : null), [edited]);
  const data = validation?.data ?? null;
  const siteNames = useMemo(() => new Map((data?.sites.features ?? []).map((f) => [f.properties.id, f.properties.name.vi])), [data]);
  const words = useIssueTexts(data);
  const diff = useMemo(() => (shipped && edited ? diffRegionFiles(shipped.files, edited, siteNames) : []), [shipped, edited, siteNames]);

  if (loadError) {
    return (
      <aside className="editor panel" aria-label={t.edit_title}>
        <p role="alert">
          {t.edit_loadFailed}: {loadError}
        </p>
      </aside>
    );
  }
  if (shipped && validation && !data) {
    // Edits kept from an earlier release of the data may no longer fit it: say so, and let them go.
    return (
      <aside className="editor panel" aria-label={t.edit_title}>
        <div className="editor-refused" role="alert">
          <p>{t.edit_refused}:</p>
          <ul>
            {validation.issues.map((i, k) => (
              <li key={k}>{words([i])[0]}</li>
            ))}
          </ul>
        </div>
        <button type="button" onClick={() => keep([])}>
          {t.edit_discard}
        </button>
      </aside>
    );
  }
  if (!shipped || !edited || !data) {
    return (
      <aside className="editor panel" aria-label={t.edit_title}>
        <p className="loading-inline">{t.loading}</p>
      </aside>
    );
  }

  const submit = (next: Edit[]): EditCheck => {
    const check = checkEdits(shipped.files, edits, next);
    if (check.ok) keep([...batches, next]);
    return check;
  };
  const submitMany = (rows: Edit[][]) => {
    let kept = edits;
    const added: Edit[][] = [];
    const refused: { index: number; messages: string[] }[] = [];
    rows.forEach((batch, index) => {
      const check = checkEdits(shipped.files, kept, batch);
      if (check.ok) {
        kept = [...kept, ...batch];
        added.push(batch);
      } else refused.push({ index, messages: words(check.issues) });
    });
    if (added.length > 0) keep([...batches, ...added]);
    return { refused };
  };
  const stamp = localIsoDate();
  const views: [View, string][] = [
    ['site', t.edit_viewSite],
    ['progress', t.edit_viewProgress],
    ['import', t.edit_viewImport],
    ['review', t.edit_viewReview(diff.length)],
  ];

  return (
    <aside className="editor panel" aria-label={t.edit_title} data-testid="editor">
      <div className="editor-head">
        <h2>{t.edit_title}</h2>
        <button type="button" onClick={() => setEditing(false)}>
          {t.edit_close}
        </button>
      </div>
      <p className="hint">{t.edit_intro}</p>
      {notice ? (
        <p className="editor-refused" role="alert">
          {notice}
        </p>
      ) : null}
      {edits.length > 0 ? (
        <div className="editor-draft" data-testid="editor-draft">
          <span>{draftOnMap ? t.edit_draftBanner(edits.length) : t.edit_mapShowsPublished}</span>
          <button type="button" onClick={() => chooseDraft(store, !draftOnMap, edits)}>
            {draftOnMap ? t.edit_showPublished : t.edit_showDraft}
          </button>
        </div>
      ) : null}
      <div className="editor-views" role="group">
        {views.map(([v, label]) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {label}
          </button>
        ))}
      </div>
      {view === 'site' ? <SiteForm data={data} submit={submit} siteId={siteId} onSite={setSiteId} /> : null}
      {view === 'progress' ? <ProgressForm data={data} submit={submit} siteId={siteId} onSite={setSiteId} /> : null}
      {view === 'import' ? <ProgressImport data={data} submitMany={submitMany} /> : null}
      {view === 'review' ? (
        <ReviewPanel
          regionId={regionId}
          diff={diff}
          editCount={batches.length}
          onZip={() => {
            const zip = regionFolderZip(regionId, edited, shipped.texts);
            download(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${regionId}-bien-tap-${stamp}.zip`);
          }}
          onPatch={() => {
            const patch = makeRegionPatch(regionId, shipped.files, edited);
            download(new Blob([JSON.stringify(patch, null, 2) + '\n'], { type: 'application/json' }), `${regionId}-ban-va-${stamp}.json`);
          }}
          onReport={async (month) => {
            const blob = await monthlyReportXlsx(monthlyReportTables(data, month));
            download(blob, `${regionId}-bao-cao-${month}.xlsx`);
          }}
          onUndo={() => keep(batches.slice(0, -1))}
          onDiscard={() => keep([])}
        />
      ) : null}
    </aside>
  );
}
