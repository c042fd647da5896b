import { Grid, Segmented, Select } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { allowed } from '../../shell/menu';
import { useSession } from '../../auth/hooks/useSession';
import '../reports.css';

const TABS = [
  { value: '/reports', label: 'reports.tabList', roles: [] },
  { value: '/reports/completeness', label: 'reports.tabCompleteness', roles: [] },
  { value: '/reports/bulk', label: 'reports.tabBulk', roles: ['unit_manager', 'tenant_admin'] },
  { value: '/reports/forms', label: 'reportForms.tab', roles: [] },
  { value: '/reports/settings', label: 'reports.tabSettings', roles: ['tenant_admin'] },
] as const;

/**
 * The list of reports / who has reported / bulk entry for the child units / the report forms / the tenant's
 * counting choice. A segmented control where it fits; on phones (where five segments are twice the width of
 * the screen) a select of the same sections.
 */
export function ReportTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const phone = !Grid.useBreakpoint().md;
  const roles = useSession()?.user.roles;
  const tabs = TABS.filter((tab) => allowed(tab.roles, roles));
  const value = tabs.find((tab) => tab.value !== '/reports' && location.pathname.startsWith(tab.value))?.value ?? '/reports';
  const options = tabs.map((tab) => ({ value: tab.value, label: t(tab.label) }));
  if (phone) {
    return (
      <Select
        className="report-tabs--phone"
        aria-label={t('reports.tabs')}
        value={value}
        onChange={(v: string) => navigate(v)}
        options={options}
        data-testid="report-tabs"
      />
    );
  }
  return <Segmented aria-label={t('reports.tabs')} value={value} onChange={(v) => navigate(v)} options={options} data-testid="report-tabs" />;
}
