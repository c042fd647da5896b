import { Drawer, Grid, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../audit/labels';
import type { ReportHistoryItem } from '../api/reports.api';
import { categoryName, reportIndicatorName } from '../catalogue';
import { formatSnapshot } from '../history';
import { useReportHistory } from '../hooks/useReports';

/** Every value change of the report, newest first: when, who, which indicator (and category), old → new. */
export function ReportHistoryDrawer({ report, open, onClose }: { report: ReportDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phone = !Grid.useBreakpoint().md;
  const history = useReportHistory(report.id, open);
  const indicators = new Map(report.indicators.map((i) => [i.code, i]));
  const yesNo = { yes: t('reports.entry.yes'), no: t('reports.entry.no') };

  const what = (row: ReportHistoryItem) => {
    const ind = indicators.get(row.indicator);
    return (
      <span className="history-what">
        <span>{ind ? reportIndicatorName(ind, language) : row.indicator}</span>
        {row.category && (
          <Typography.Text type="secondary" className="history-what__category">
            {t('reportHistory.category', { name: categoryName(row.indicator, row.category) })}
          </Typography.Text>
        )}
      </span>
    );
  };
  const change = (row: ReportHistoryItem) => {
    const ind = indicators.get(row.indicator);
    return (
      <span className="history-change">
        <span className="history-change__old">{formatSnapshot(row.oldValue, ind, yesNo)}</span>
        <ArrowRightOutlined aria-label={t('reportHistory.to')} className="history-change__arrow" />
        <strong className="history-change__new">{formatSnapshot(row.newValue, ind, yesNo)}</strong>
      </span>
    );
  };
  const who = (row: ReportHistoryItem) => row.username ?? <Typography.Text type="secondary">{t('reportHistory.unknownUser')}</Typography.Text>;

  const columns: ColumnsType<ReportHistoryItem> = [
    { key: 'at', title: t('reportHistory.at'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
    { key: 'who', title: t('reportHistory.who'), width: 130, render: (_v, row) => who(row) },
    { key: 'what', title: t('reportHistory.what'), render: (_v, row) => what(row) },
    { key: 'change', title: t('reportHistory.change'), width: 220, render: (_v, row) => change(row) },
  ];
  const items = history.data?.items ?? [];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('reportHistory.title')}
      width={phone ? '100%' : 820}
      destroyOnHidden
      extra={history.data ? <Typography.Text type="secondary">{t('reportHistory.total', { n: formatNumber(history.data.total) })}</Typography.Text> : undefined}
    >
      {history.isError ? (
        <Typography.Text type="danger">{errorMessage(history.error, language, t('errors.generic'))}</Typography.Text>
      ) : phone ? (
        <List<ReportHistoryItem>
          loading={history.isLoading}
          dataSource={items}
          locale={{ emptyText: t('reportHistory.none') }}
          renderItem={(row) => (
            <List.Item key={row.id} data-testid="history-row">
              <div className="history-item--phone">
                {what(row)}
                {change(row)}
                <Typography.Text type="secondary">
                  {formatDateTime(row.createdAt)} · {who(row)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<ReportHistoryItem>
          rowKey="id"
          size="small"
          loading={history.isLoading}
          dataSource={items}
          columns={columns}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={() => ({ 'data-testid': 'history-row' }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('reportHistory.none') }}
        />
      )}
    </Drawer>
  );
}
