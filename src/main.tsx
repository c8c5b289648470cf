import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import './app/styles.css';
import { App } from './app/App';
import { createAppStore } from './store/createAppStore';
import { registerSW } from 'virtual:pwa-register';
import { afterStartup } from './app/startupGates';
import { regionIndex } from './app/provinceNames';
import { availableRegionIds, prefetchRegionFiles } from './app/regionSource';
import { parseUrlState } from './app/urlState';
import { loadValidation } from './app/loadRegion';

const store = createAppStore({ regions: regionIndex() });
// The opening province's files are fetched while React renders the shell (App loads them again through
// the same promise). The province is the one the address names, else the default App opens.
const known = availableRegionIds();
const fallback = known.includes(store.getState().regionId) ? store.getState().regionId : known[0];
const opening = parseUrlState(window.location.search, known).region ?? fallback;
if (opening) prefetchRegionFiles(opening);
void loadValidation();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);

// Offline after one visit: the service worker precaches the build (vite.config.ts). The dev server hands
// out a no-op registerSW, so `npm start` installs no worker. Updates are quiet: no `onNeedRefresh`
// prompt and no skip-waiting, so a new version never reloads the page or swaps cached files under a
// running presentation (a province or chunk fetched later must come from the version that is on screen);
// it waits in the background and is in use the next time the app is opened after all its tabs closed.
// Registration waits for the first drawn map and the first report, so the 4 MB precache does not slow the
// first visit down.
afterStartup(() => void registerSW({ immediate: true }));
