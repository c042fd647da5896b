import { App as AntApp, Card, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api-error';
import { formatNumber } from '../lib/format';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { ReportTabs } from '../modules/reports/components/ReportTabs';
import { useSaveTenantSettings, useTenantSettings } from '../modules/reports/hooks/useReports';

/** The tenant's choice of which values count in the totals (tenant administrators). */
export function ReportsSettingsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = AntApp.useApp();
  const me = useMe();
  const settings = useTenantSettings();
  const save = useSaveTenantSettings();

  const onChange = async (countSubmitted: boolean) => {
    try {
      const saved = await save.mutateAsync({ countSubmitted });
      if (saved.recompute.length > 0) message.success(t('reportSettings.savedRecompute', { n: formatNumber(saved.recompute.length) }), 6);
      else message.success(t('reportSettings.saved'));
    } catch (err) {
      message.error(errorMessage(err, language, t('reportSettings.failed')));
    }
  };

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('reportSettings.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{me.data?.tenant.name}</Typography.Text>
        </div>
        <ReportTabs />
      </div>
      <Card title={t('reportSettings.countingTitle')} style={{ maxWidth: 760 }}>
        {settings.isLoading ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : settings.isError ? (
          <Typography.Text type="danger">{errorMessage(settings.error, language, t('errors.generic'))}</Typography.Text>
        ) : (
          <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
            <Switch
              id="count-submitted"
              checked={settings.data?.countSubmitted ?? false}
              loading={save.isPending}
              onChange={(v) => void onChange(v)}
              aria-describedby="count-submitted-help"
            />
            <div>
              <label htmlFor="count-submitted">
                <Typography.Text strong>{t('reportSettings.countSubmitted')}</Typography.Text>
              </label>
              <Typography.Paragraph type="secondary" id="count-submitted-help" style={{ marginBottom: 0 }}>
                {settings.data?.countSubmitted ? t('reportSettings.helpOn') : t('reportSettings.helpOff')} {t('reportSettings.helpRecompute')}
              </Typography.Paragraph>
            </div>
          </div>
        )}
      </Card>
    </div>
  );
}
