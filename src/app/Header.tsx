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
  const regionName = region?.data.region.name[lang] ?? regions.find((r) => r.id === regionId)?.name[lang];
  const setEditing = useAppStore((s) => s.setEditing);
  return (
    <header className="app-header">
      <h1>
        <span className="app-title">{t.appTitle}</span>
        <span className="app-title-short" aria-hidden="true">
          {t.appTitleShort}
        </span>
        {/* The opening province's name is known before its data (the build's index), so the title does not grow
            and squeeze the search box when the data arrive. */}
        {regionName ? <span className="region-name"> — {regionName}</span> : null}
      </h1>
      <SearchBox />
      <div className="header-tools">
        {/* The build knows its provinces and their names (app/regionSource.ts), so the switcher is whole at
            the first paint and nothing in the header changes after the map is drawn. */}
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
