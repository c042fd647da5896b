import { Button, Card, List, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowRightOutlined, EditOutlined, FileSearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ReportListItem, Role } from '@sen/contracts';
import { formatDate, formatNumber } from '../../../lib/format';
import { periodLabel } from '../../../lib/periods';
import { currentLanguage } from '../../../i18n';
import { useSession } from '../../auth/hooks/useSession';
import { useReportList, useUnitNames } from '../hooks/useReports';
import { ReportStatusTag } from './ReportStatusTag';
import '../reports.css';

const SHOWN = 5;

/** Returned reports first (someone is waiting for the fix), then by deadline. */
function byUrgency(a: ReportListItem, b: ReportListItem): number {
  if (a.status !== b.status) return a.status === 'returned' ? -1 : b.status === 'returned' ? 1 : 0;
  return a.deadline.localeCompare(b.deadline);
}

function ReportRows({ rows, total, action, actionIcon, moreLink }: { rows: ReportListItem[]; total: number; action: string; actionIcon: React.ReactNode; moreLink: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const names = useUnitNames(rows.map((r) => r.unitId));
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <List<ReportListItem>
      size="small"
      dataSource={rows}
      footer={
        total > rows.length ? (
          <Link to={moreLink}>
            {t('reportsToDo.more', { n: formatNumber(total - rows.length) })} <ArrowRightOutlined />
          </Link>
        ) : undefined
      }
      renderItem={(r) => (
        <List.Item
          key={r.id}
          data-testid="todo-report"
          actions={[
            <Link key="open" to={`/reports/${r.id}`}>
              <Button size="small" type="primary" ghost icon={actionIcon}>
                {action}
              </Button>
            </Link>,
          ]}
        >
          <List.Item.Meta
            title={
              <Space size={6} wrap>
                <Link to={`/reports/${r.id}`}>{names[r.unitId] ?? `#${r.unitId}`}</Link>
                <ReportStatusTag status={r.status} />
              </Space>
            }
            description={
              <Space size={6} wrap>
                <span>{periodLabel(r.period, language)}</span>
                <Typography.Text code>{r.formCode}</Typography.Text>
                <span>·</span>
                <span>
                  {t('reports.fields.deadline')} {formatDate(r.deadline)}
                </span>
                {r.status !== 'submitted' && r.deadline < today && <Tag color="volcano">{t('reportsToDo.overdue')}</Tag>}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

const has = (roles: readonly Role[] | undefined, ...wanted: Role[]) => !!roles?.some((r) => wanted.includes(r));

/**
 * The first thing on the home page: the reports the user has to send (reporters: drafts and returned
 * reports of their unit) or to decide on (managers and administrators: reports submitted by the units below).
 * Its own small requests, so it shows before the rest of the overview has loaded.
 */
export function ReportsToDoCard() {
  const { t } = useTranslation();
  const roles = useSession()?.user.roles;
  const reporter = has(roles, 'reporter');
  const approver = has(roles, 'unit_manager', 'tenant_admin');
  const page = { limit: 20, offset: 0 };
  const drafts = useReportList({ ...page, status: 'draft', enabledFor: reporter });
  const returned = useReportList({ ...page, status: 'returned', enabledFor: reporter });
  const waiting = useReportList({ ...page, status: 'submitted', enabledFor: approver });
  if (!reporter && !approver) return null;

  const toSend = [...(drafts.data?.items ?? []), ...(returned.data?.items ?? [])].sort(byUrgency);
  const toSendTotal = (drafts.data?.total ?? 0) + (returned.data?.total ?? 0);
  const toDecide = [...(waiting.data?.items ?? [])].sort(byUrgency);
  const loading = (reporter && (drafts.isLoading || returned.isLoading)) || (approver && waiting.isLoading);

  return (
    <Card className="reports-todo" data-testid="reports-todo" size="small" style={{ marginBottom: 16 }}>
      {loading ? (
        <Skeleton active paragraph={{ rows: 2 }} title={{ width: 200 }} />
      ) : (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {reporter && (
            <>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('reportsToDo.toSend', { n: formatNumber(toSendTotal) })}
              </Typography.Title>
              {toSend.length === 0 ? (
                <Typography.Text type="secondary">{t('reportsToDo.nothingToSend')}</Typography.Text>
              ) : (
                <ReportRows rows={toSend.slice(0, SHOWN)} total={toSendTotal} action={t('reportsToDo.enter')} actionIcon={<EditOutlined />} moreLink="/reports?status=draft" />
              )}
            </>
          )}
          {approver && (
            <>
              <Typography.Title level={4} style={{ margin: reporter ? '12px 0 0' : 0 }}>
                {t('reportsToDo.toDecide', { n: formatNumber(waiting.data?.total ?? 0) })}
              </Typography.Title>
              {toDecide.length === 0 ? (
                <Typography.Text type="secondary">{t('reportsToDo.nothingToDecide')}</Typography.Text>
              ) : (
                <ReportRows
                  rows={toDecide.slice(0, SHOWN)}
                  total={waiting.data?.total ?? 0}
                  action={t('reportsToDo.review')}
                  actionIcon={<FileSearchOutlined />}
                  moreLink="/reports?status=submitted"
                />
              )}
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
