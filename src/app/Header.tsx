import { BasemapSwitcher } from '../features/basemap/BasemapSwitcher';
import { useT } from '../i18n/useT';
import { useAppStore } from '../store/context';

export function Header() {
  const { t, lang } = useT();
  const region = useAppStore((s) => s.region);
  const requestFit = useAppStore((s) => s.requestFit);
  const setLang = useAppStore((s) => s.setLang);
  return (
    <header className="app-header">
      <h1>
        {t.appTitle}
        {region ? <span className="region-name"> — {region.data.region.name[lang]}</span> : null}
      </h1>
      <div className="header-tools">
        <button type="button" onClick={requestFit} title={t.resetViewHint}>
          {t.resetView}
        </button>
        <BasemapSwitcher />
        <button
          type="button"
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
