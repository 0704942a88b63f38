import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/app.css';
import { queryClient } from './lib/query-client';
import { unitVersionsQuery } from './lib/unit-versions';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Every map asks which unit version a date falls in: ask once, before the first map does.
void queryClient.prefetchQuery(unitVersionsQuery);
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
