import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { StyleProvider } from '@ant-design/cssinjs';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { AppProviders, createQueryClient } from '../AppProviders';
import { ApiClient, type FetchLike } from '../lib/api-client';
import { createMemorySessionStore, type Session } from '../lib/session';

const styleSink = document.createElement('div');

/** Renders a screen with the app's providers over a scripted transport (no server involved). */
export function renderWithApp(
  ui: ReactElement,
  { fetch, session = null, path = '/', routePath = '*' }: { fetch: FetchLike; session?: Session | null; path?: string; routePath?: string },
) {
  const sessions = createMemorySessionStore(session);
  const client = new ApiClient({ fetch, sessions });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const result = render(
    // antd's generated CSS goes to a detached node: with ~300 KB of rules in the document, jsdom's
    // getComputedStyle (used by role queries and by antd itself) takes seconds per call.
    <StyleProvider container={styleSink}>
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <AppProviders client={client} queryClient={queryClient}>
        <Routes>
          <Route path={routePath} element={ui} />
          <Route path="/" element={<div>Trang tổng quan</div>} />
        </Routes>
      </AppProviders>
    </MemoryRouter>
    </StyleProvider>,
  );
  return { ...result, client, sessions, queryClient };
}

export function jsonResponse(status: number, body?: unknown) {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  };
}
