import { Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '@sen/contracts';
import { reportStatusLabel } from '../../../lib/labels';
import { currentLanguage } from '../../../i18n';

export const STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'blue',
  submitted: 'gold',
  approved: 'green',
  returned: 'red',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="report-status">
      {reportStatusLabel(status, currentLanguage(), t)}
    </Tag>
  );
}

/** "Nộp muộn": submitted after the deadline. */
export function LateTag() {
  const { t } = useTranslation();
  return (
    <Tag color="volcano" icon={<ClockCircleOutlined />}>
      {t('reports.late')}
    </Tag>
  );
}
