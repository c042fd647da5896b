import { Button, Card, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api-error';
import { currentLanguage } from '../i18n';
import { OnboardingWizard } from '../modules/tenants/components/OnboardingWizard';
import { TenantTable } from '../modules/tenants/components/TenantTable';
import { useTenantList } from '../modules/tenants/hooks/useTenants';

/** Platform administration: the provinces on the platform, and onboarding a new one. */
export function TenantsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useTenantList();
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('tenants.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('tenants.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tenants/new')}>
          {t('tenants.onboard')}
        </Button>
      </div>
      <Card>
        {list.isError ? (
          <Typography.Text type="danger">{errorMessage(list.error, currentLanguage(), t('errors.generic'))}</Typography.Text>
        ) : (
          <TenantTable items={list.data?.items ?? []} loading={list.isLoading} />
        )}
      </Card>
    </div>
  );
}

export function TenantOnboardingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page page--narrow">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('tenants.wizard.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('tenants.wizard.subtitle')}</Typography.Text>
        </div>
      </div>
      <OnboardingWizard onDone={() => navigate('/tenants')} onCancel={() => navigate('/tenants')} />
    </div>
  );
}
