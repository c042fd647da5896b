import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme as antTheme } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from './lib/api-client';
import { ApiClientProvider } from './lib/api-context';
import { isApiError } from './lib/api-error';

/** Retries only what may succeed on a second try: network failures and 5xx, never a 4xx. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

/** Sen's colours: lotus pink on white, a teal accent. */
export const senTheme = {
  algorithm: antTheme.defaultAlgorithm,
  token: {
    colorPrimary: '#c41d7f',
    colorLink: '#c41d7f',
    colorInfo: '#c41d7f',
    borderRadius: 8,
    // antd's grey for secondary text (45% black) reads at 3.4:1 on white; 62% reaches the 4.5:1 of WCAG AA.
    colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    // Status text (a change +6,9 điểm %, a sum that adds up): antd's light green, gold and red read under 4.5:1
    // on white; their darker shades of the same palettes reach it.
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorErrorText: '#cf1322',
    // Danger buttons (Tạm ngưng, Xoá) draw their text in colorError: antd's #ff4d4f reads at 3.3:1 on white.
    colorError: '#cf1322',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f7f5f8', headerPadding: '0 16px' },
    Menu: { itemSelectedBg: '#fff0f6', itemSelectedColor: '#9e1068' },
  },
};

export function AppProviders({ client, queryClient, children }: { client: ApiClient; queryClient: QueryClient; children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : viVN;
  return (
    <ConfigProvider locale={locale} theme={senTheme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <ApiClientProvider client={client}>{children}</ApiClientProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
