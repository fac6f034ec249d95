import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/page.css';
import { registerServiceWorker } from './app/register-service-worker';
import { getPlatform, hasPreloadApi } from './shared/platform/platform';

// Decide before getPlatform() installs the web implementation on window.api.
const browserMode = !hasPreloadApi();
const api = getPlatform();
if (browserMode) registerServiceWorker();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
