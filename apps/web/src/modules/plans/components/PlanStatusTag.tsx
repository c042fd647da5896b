import { Tag } from 'antd';
import type { PlanStatus } from '@sen/contracts';
import { currentLanguage } from '../../../i18n';
import { PLAN_STATUS_COLORS, planStatusLabel } from '../labels';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return (
    <Tag color={PLAN_STATUS_COLORS[status]} data-testid="plan-status">
      {planStatusLabel(status, currentLanguage())}
    </Tag>
  );
}
