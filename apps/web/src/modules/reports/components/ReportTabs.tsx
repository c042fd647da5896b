import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** The list of reports / who has reported. */
export function ReportTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const value = location.pathname.startsWith('/reports/completeness') ? '/reports/completeness' : '/reports';
  return (
    <Segmented
      aria-label={t('reports.tabs')}
      value={value}
      onChange={(v) => navigate(v)}
      options={[
        { value: '/reports', label: t('reports.tabList') },
        { value: '/reports/completeness', label: t('reports.tabCompleteness') },
      ]}
    />
  );
}
