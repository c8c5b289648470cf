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
import { createAppStore } from './store/appStore';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App store={createAppStore()} />
  </StrictMode>,
);
