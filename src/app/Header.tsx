import { SearchBox } from '../features/search/SearchBox';
import { OfflineStatus } from './OfflineStatus';
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
        {regions.length > 1 ? (
          <label className="basemap-switcher region-switcher">
            <span>{t.regionLabel}</span>
            <select value={regionId} onChange={(e) => setRegionId(e.target.value)} data-testid="region-switcher">
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name[lang]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <CompareButton />
        <PresentButton />
        <ExportMenu />
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
        <OfflineStatus />
      </div>
    </header>
  );
}
