import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { focusableTableScrolls } from './components/tables.js';
import { initI18n } from './i18n/index.js';
import './styles.css';

// The catalog must be loaded before the first render, or the first paint flashes English keys.
void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  focusableTableScrolls(document.body);
});
