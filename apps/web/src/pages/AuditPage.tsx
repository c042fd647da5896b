import { useState } from 'react';
import { Card, Col, Grid, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api-error';
import { formatNumber } from '../lib/format';
import { currentLanguage } from '../i18n';
import type { AuditEntry } from '../modules/audit/api/audit.api';
import { useAuditLog } from '../modules/audit/hooks/useAuditLog';
import { AUDIT_ENTITY_LABELS_VI, auditActionLabel, auditEntityLabel, formatDateTime, prettyJson } from '../modules/audit/labels';

const PAGE_SIZE = 50;

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="audit-json">
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="audit-json__pre" tabIndex={0} aria-label={title}>
        {prettyJson(value)}
      </pre>
    </div>
  );
}

/** Who changed what and when, newest first; each row opens to the values before and after. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState<string | undefined>();
  const log = useAuditLog(PAGE_SIZE, (page - 1) * PAGE_SIZE, entity);

  const columns: ColumnsType<AuditEntry> = [
    { key: 'time', title: t('audit.columns.time'), dataIndex: 'createdAt', width: 150, render: (v: string) => <span className="nowrap">{formatDateTime(v)}</span> },
    {
      key: 'action',
      title: t('audit.columns.action'),
      dataIndex: 'action',
      // The readable name only; the code (plan.issue) stays in the tooltip for whoever needs it.
      render: (v: string, row) =>
        phone ? (
          <Space direction="vertical" size={0}>
            <span title={v}>{auditActionLabel(v, language, row.entity)}</span>
            <Typography.Text type="secondary" className="audit-sub">
              {auditEntityLabel(row.entity, language)} {row.entityId ? `#${row.entityId}` : ''}
            </Typography.Text>
          </Space>
        ) : (
          <span title={v}>{auditActionLabel(v, language, row.entity)}</span>
        ),
    },
    { key: 'entity', title: t('audit.columns.entity'), dataIndex: 'entity', width: 150, responsive: ['md'], render: (v: string) => <Tag>{auditEntityLabel(v, language)}</Tag> },
    { key: 'entityId', title: t('audit.columns.entityId'), dataIndex: 'entityId', width: 110, responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { key: 'userId', title: t('audit.columns.userId'), dataIndex: 'userId', width: 110, responsive: ['lg'], render: (v: string | null) => v ?? t('audit.system') },
  ];

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={1} className="page__title">
            {t('audit.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
        </div>
        <Select
          allowClear
          aria-label={t('audit.filterEntity')}
          placeholder={t('audit.filterEntity')}
          value={entity}
          onChange={(v?: string) => {
            setEntity(v);
            setPage(1);
          }}
          style={{ minWidth: 220 }}
          options={Object.keys(AUDIT_ENTITY_LABELS_VI).map((e) => ({ value: e, label: auditEntityLabel(e, language) }))}
        />
      </div>
      <Card>
        {log.isError ? (
          <Typography.Text type="danger">{errorMessage(log.error, language, t('errors.generic'))}</Typography.Text>
        ) : (
          <Table<AuditEntry>
            data-testid="audit-table"
            rowKey="id"
            size={phone ? 'small' : 'middle'}
            loading={log.isLoading}
            dataSource={log.data?.items ?? []}
            columns={columns}
            expandable={{
              expandedRowRender: (row) => (
                <Row gutter={[16, 8]}>
                  <Col xs={24} md={12}>
                    <JsonBlock title={t('audit.before')} value={row.before} />
                  </Col>
                  <Col xs={24} md={12}>
                    <JsonBlock title={t('audit.after')} value={row.after} />
                  </Col>
                </Row>
              ),
              rowExpandable: () => true,
            }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: log.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (total) => t('audit.total', { n: formatNumber(total) }),
            }}
          />
        )}
      </Card>
    </div>
  );
}
