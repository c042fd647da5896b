import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { AppProviders, createQueryClient } from './AppProviders';
import { initI18n } from './i18n';
import { ApiClient } from './lib/api-client';
import { createLocalStorageSessionStore } from './lib/session';
import './styles.css';

initI18n();

const sessions = createLocalStorageSessionStore();
const queryClient = createQueryClient();
const client = new ApiClient({ fetch: (input, init) => window.fetch(input, init), sessions });

// Whatever ends the session (logout here or in another tab, a refused refresh), no data of it stays cached.
sessions.subscribe(() => {
  if (!sessions.get()) queryClient.clear();
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <AppProviders client={client} queryClient={queryClient}>
        <App />
      </AppProviders>
    </BrowserRouter>
  </StrictMode>,
);
