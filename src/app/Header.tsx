import { SearchBox } from '../features/search/SearchBox';
import { availableRegionIds } from './regionSource';
import { PresentButton } from '../features/presentation/PresentButton';
import { CompareButton } from '../features/compare/CompareButton';
import { ExportMenu } from '../features/export/ExportMenu';
import { useT } from '../i18n/useT';
import { useAppStore } from '../store/context';

export function Header() {
  const { t, lang } = useT();
  const region = useAppStore((s) => s.region);
  const requestFit = useAppStore((s) => s.requestFit);
  const setLang = useAppStore((s) => s.setLang);
  const regions = useAppStore((s) => s.regions);
  const regionId = useAppStore((s) => s.regionId);
  const setRegionId = useAppStore((s) => s.setRegionId);
  const editing = useAppStore((s) => s.editing);
  const setEditing = useAppStore((s) => s.setEditing);
  return (
    <header className="app-header">
      <h1>
        <span className="app-title">{t.appTitle}</span>
        <span className="app-title-short" aria-hidden="true">
          {t.appTitleShort}
        </span>
        {region ? <span className="region-name"> — {region.data.region.name[lang]}</span> : null}
      </h1>
      <SearchBox />
      <div className="header-tools">
        {/* The build knows its provinces from the first render; their names come later (App.tsx), so the
            switcher holds its place from the start, showing the open province until then, rather than
            appearing late and pushing the header onto a second row. */}
        {availableRegionIds().length > 1 ? (
          <label className="basemap-switcher region-switcher">
            <span>{t.regionLabel}</span>
            <select value={regionId} onChange={(e) => setRegionId(e.target.value)} disabled={regions.length === 0} data-testid="region-switcher">
              {regions.length > 0 ? (
                regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name[lang]}
                  </option>
                ))
              ) : (
                <option value={regionId}>{region?.data.region.name[lang] ?? '…'}</option>
              )}
            </select>
          </label>
        ) : null}
        <CompareButton />
        <PresentButton />
        <ExportMenu />
        <button type="button" className="edit-toggle" aria-pressed={editing} onClick={() => setEditing(!editing)} title={t.edit_modeHint}>
          {t.edit_mode}
        </button>
        <button type="button" className="reset-view" onClick={requestFit} title={t.resetViewHint}>
          {t.resetView}
        </button>
        <button
          type="button"
          className="lang-toggle"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          title={t.languageHint}
          lang={lang === 'vi' ? 'en' : 'vi'}
        >
          {t.language}
        </button>
      </div>
    </header>
  );
}
