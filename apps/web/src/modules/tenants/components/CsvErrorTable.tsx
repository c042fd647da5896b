import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { CsvRowError } from '../onboarding';

/** The refused rows of a units file: line, column, reason. */
export function CsvErrorTable({ rows }: { rows: CsvRowError[] }) {
  const { t } = useTranslation();
  return (
    <Table<CsvRowError>
      size="small"
      className="csv-errors"
      rowKey={(r, i) => `${r.line}:${r.field}:${i ?? 0}`}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: true }}
      columns={[
        { key: 'line', title: t('orgUnits.import.line'), dataIndex: 'line', width: 80, render: (v: number) => formatNumber(v) },
        { key: 'field', title: t('orgUnits.import.field'), dataIndex: 'field', width: 140, render: (v: string) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
        { key: 'reason', title: t('orgUnits.import.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
