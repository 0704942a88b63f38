import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { pageFor } from './app/pages';
import './app/app.css';
import { configQuery } from './entities/config/api/get-config';
import { queryClient } from './lib/query-client';
import { unitVersionsQuery } from './lib/unit-versions';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Every map asks which unit version a date falls in: ask once, before the first map does.
void queryClient.prefetchQuery(unitVersionsQuery);
// A map is created once the deployment's settings (its basemap) are known: ask with the session.
void queryClient.prefetchQuery(configQuery);
// The page's code downloads while the session is asked for (the page itself waits for it).
void pageFor(window.location.pathname).preload?.();
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
