import { Collapse, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanVersionItem } from '@sen/contracts';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { describeChange } from '../labels';

/** The versions of a plan (and of the plans it revises), newest first, each with what changed. */
export function VersionList({ items, currentPlanId }: { items: PlanVersionItem[]; currentPlanId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      className="plan-versions"
      items={items.map((v) => ({
        color: v.event === 'issued' ? 'green' : v.event === 'revised' ? 'orange' : 'gray',
        children: (
          <div data-testid="plan-version">
            <div>
              <Typography.Text strong>{t('plans.versions.version', { n: v.version })}</Typography.Text>{' '}
              <Tag>{t(`plans.versions.events.${v.event}`, { defaultValue: v.event })}</Tag>
              {v.symbol && <Tag color="magenta">{v.symbol}</Tag>}
              {v.planId !== currentPlanId && <Tag color="purple">{t('plans.versions.previousPlan')}</Tag>}
              <Typography.Text type="secondary"> {formatDate(v.createdAt.slice(0, 10))}</Typography.Text>
            </div>
            {v.changes.length > 0 ? (
              <Collapse
                ghost
                size="small"
                items={[
                  {
                    key: 'changes',
                    label: t('plans.versions.changes', { count: v.changes.length }),
                    children: (
                      <ul className="plan-versions__changes">
                        {v.changes.slice(0, 200).map((c, i) => {
                          const d = describeChange(c, language);
                          return (
                            <li key={i} data-testid="plan-change">
                              <Typography.Text strong>{d.label}:</Typography.Text>{' '}
                              <span className={c.kind === 'removed' ? 'plan-diff__before' : 'plan-diff__after'}>{d.text}</span>
                            </li>
                          );
                        })}
                      </ul>
                    ),
                  },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{v.version === 1 || v.event === 'created' ? t('plans.versions.first') : t('plans.versions.noChanges')}</Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}
