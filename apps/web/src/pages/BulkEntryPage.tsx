import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Empty, Row, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, SaveOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { BulkGridRow, FieldError } from '@sen/contracts';
import { errorMessage, fieldReason, isApiError } from '../lib/api-error';
import { useApiClient } from '../lib/api-context';
import { downloadWithSession } from '../lib/download';
import { formatNumber } from '../lib/format';
import { defaultHalfYear, parsePeriod, periodId } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { bulkTemplateUrl } from '../modules/reports/api/reports.api';
import {
  applyEdit,
  bulkBody,
  cellValue,
  editCount,
  EDITABLE_STATUSES,
  gridColumns,
  issueMessages,
  placeErrors,
  type CellMessage,
  type GridColumn,
  type GridEdits,
} from '../modules/reports/bulk-grid';
import { BulkCell } from '../modules/reports/components/BulkCell';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { ReportStatusTag } from '../modules/reports/components/ReportStatusTag';
import { ReportTabs } from '../modules/reports/components/ReportTabs';
import { useBulkGrid, useImportBulkValues, useReportForms, useSaveBulkValues } from '../modules/reports/hooks/useReports';
import '../modules/reports/bulk-grid.css';

const UNIT_WIDTH = 240;
const CELL_WIDTH = 128;

type Placed = ReturnType<typeof placeErrors>;
const NO_ERRORS: Placed = { cells: {}, rows: {}, general: [] };

/**
 * Bulk entry (nhập hàng loạt): a unit manager types, or uploads as XLSX, the values of every child unit for a
 * form and period in one grid — one row per unit, one column per indicator (two for a ratio). Saving sends
 * only what changed; all rows are saved or none. The API's refusals and the national checks of the saved
 * values are shown at their cells.
 */
export function BulkEntryPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = AntApp.useApp();
  const client = useApiClient();
  const me = useMe();
  const forms = useReportForms();
  const [params, setParams] = useSearchParams();
  const formCode = params.get('formCode') ?? forms.data?.[0]?.code;
  const form = forms.data?.find((f) => f.code === formCode);
  const kind = form?.periodKind ?? 'half';
  const fallbackPeriod = kind === 'year' ? periodId('year', new Date().getFullYear() - 1) : defaultHalfYear();
  const requested = params.get('period');
  const period = requested && parsePeriod(requested)?.kind === kind ? requested : fallbackPeriod;
  const grid = useBulkGrid(period, formCode);
  const save = useSaveBulkValues();
  const upload = useImportBulkValues();
  const [edits, setEdits] = useState<GridEdits>({});
  const [placed, setPlaced] = useState<Placed>(NO_ERRORS);
  const [importErrors, setImportErrors] = useState<{ file: string; errors: string[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const columns = useMemo(() => (grid.data ? gridColumns(grid.data) : []), [grid.data]);
  const changed = editCount(edits);

  const set = (key: string, value: string | undefined) => {
    if (changed > 0 && !window.confirm(t('bulkEntry.discardConfirm', { n: changed }))) return;
    setEdits({});
    setPlaced(NO_ERRORS);
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const rowsById = useMemo(() => new Map((grid.data?.rows ?? []).map((r) => [r.unitId, r])), [grid.data]);
  const onCell = useCallback(
    (unitId: string, key: string, value: number | null) => {
      const row = rowsById.get(unitId);
      const column = columns.find((c) => c.key === key);
      if (!row || !column) return;
      setEdits((e) => applyEdit(e, row, column, value));
      // A refusal is about what was sent: once the cell changes, it no longer applies.
      setPlaced((p) => {
        if (!p.cells[unitId]?.[key]) return p;
        const mine = { ...p.cells[unitId] };
        delete mine[key];
        return { ...p, cells: { ...p.cells, [unitId]: mine } };
      });
    },
    [rowsById, columns],
  );

  const reason = (e: FieldError) => fieldReason(e, language);

  const onSave = async () => {
    if (!grid.data || changed === 0) return;
    const { body, sent } = bulkBody(grid.data, columns, edits);
    try {
      const result = await save.mutateAsync(body);
      await grid.refetch();
      setEdits({});
      setPlaced(NO_ERRORS);
      const errors = result.reports.reduce((n, r) => n + r.errors, 0);
      if (errors > 0) message.warning(t('bulkEntry.savedWithErrors', { n: formatNumber(result.saved), errors: formatNumber(errors) }), 6);
      else message.success(t('bulkEntry.saved', { n: formatNumber(result.saved) }));
    } catch (err) {
      if (isApiError(err) && err.status === 400 && err.fieldErrors.length > 0) {
        setPlaced(placeErrors(err.fieldErrors, sent, reason));
        message.error(t('bulkEntry.refused', { n: formatNumber(err.fieldErrors.length) }), 6);
      } else {
        message.error(errorMessage(err, language, t('bulkEntry.saveFailed')));
      }
    }
  };

  const onDownload = async () => {
    if (!formCode) return;
    try {
      await downloadWithSession(client, bulkTemplateUrl({ period, formCode }), `so-lieu-${formCode}-${period}.xlsx`);
    } catch (err) {
      message.error(errorMessage(err, language, t('bulkEntry.downloadFailed')));
    }
  };

  const onUpload = async (file: File) => {
    if (!formCode) return;
    if (changed > 0 && !window.confirm(t('bulkEntry.discardConfirm', { n: changed }))) return;
    setImportErrors(null);
    try {
      const result = await upload.mutateAsync({ period, formCode, file });
      await grid.refetch();
      setEdits({});
      setPlaced(NO_ERRORS);
      message.success(t('bulkEntry.imported', { file: file.name, n: formatNumber(result.saved) }));
    } catch (err) {
      if (isApiError(err) && err.fieldErrors.length > 0) setImportErrors({ file: file.name, errors: err.fieldErrors.map(reason) });
      else message.error(errorMessage(err, language, t('bulkEntry.importFailed')));
    }
  };

  const tableColumns: ColumnsType<BulkGridRow> = useMemo(() => {
    const partLabel = (c: GridColumn) => (c.part === 'numerator' ? t('reports.entry.numerator') : c.part === 'denominator' ? t('reports.entry.denominator') : null);
    return [
      {
        key: 'unit',
        title: t('bulkEntry.unit'),
        fixed: 'left',
        width: UNIT_WIDTH,
        render: (_v, row) => (
          <div className="bulk-unit">
            <Typography.Text strong className="bulk-unit__name">
              {row.unitName}
            </Typography.Text>
            <div className="bulk-unit__meta">
              {row.unitCode && <Typography.Text type="secondary">{row.unitCode}</Typography.Text>}
              <ReportStatusTag status={row.status} />
            </div>
            {placed.rows[row.unitId]?.map((m) => (
              <Typography.Text key={m} type="danger" className="bulk-unit__error" role="alert">
                {m}
              </Typography.Text>
            ))}
          </div>
        ),
      },
      ...columns.map(
        (c): ColumnsType<BulkGridRow>[number] => ({
          key: c.key,
          width: CELL_WIDTH,
          title: (
            <Tooltip title={`${c.name} (${c.unit}) · ${c.indicator}`}>
              <span className="bulk-head">
                <span className="bulk-head__name">{c.name}</span>
                <span className="bulk-head__meta">{partLabel(c) ?? c.unit}</span>
              </span>
            </Tooltip>
          ),
          render: (_v, row) => {
            const issues = issueMessages(row.issues, columns, language)[c.key];
            const refused = placed.cells[row.unitId]?.[c.key];
            // Issues of the stored values are stale once the cell is edited; refusals are shown first.
            const dirty = !!edits[row.unitId] && c.key in edits[row.unitId]!;
            const messages: CellMessage[] | undefined = refused?.length ? refused : dirty ? undefined : issues;
            return (
              <BulkCell
                unitId={row.unitId}
                columnKey={c.key}
                value={cellValue(row, c, edits)}
                label={`${row.unitName} — ${c.name}${partLabel(c) ? ` (${partLabel(c)})` : ''}`}
                messages={messages}
                readOnly={!EDITABLE_STATUSES.has(row.status)}
                dirty={dirty}
                onChange={onCell}
              />
            );
          },
        }),
      ),
    ];
  }, [columns, edits, placed, onCell, language, t]);

  const data = grid.data;
  const locked = data ? data.rows.filter((r) => !EDITABLE_STATUSES.has(r.status)).length : 0;

  return (
    <div className="page page--wide">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('bulkEntry.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{me.data?.tenant.name}</Typography.Text>
        </div>
        <ReportTabs />
      </div>
      <Card className="filters-card" size="small">
        <Row gutter={[12, 12]} align="bottom">
          <Col xs={24} sm={12} xl={6}>
            <label className="filter-label" htmlFor="bulk-form">
              {t('reports.fields.form')}
            </label>
            <Select
              id="bulk-form"
              value={formCode}
              loading={forms.isLoading}
              onChange={(v: string) => set('formCode', v)}
              style={{ width: '100%' }}
              options={(forms.data ?? []).map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }))}
            />
          </Col>
          <Col xs={24} sm={12} xl={5}>
            <label className="filter-label" htmlFor="bulk-period">
              {t('reports.fields.period')}
            </label>
            <PeriodSelect id="bulk-period" value={period} kinds={[kind]} onChange={(v) => set('period', v)} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} xl={13}>
            <Space wrap className="bulk-actions">
              <Button icon={<DownloadOutlined />} onClick={() => void onDownload()} disabled={!data}>
                {t('bulkEntry.template')}
              </Button>
              <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => fileInput.current?.click()} disabled={!data}>
                {t('bulkEntry.upload')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                hidden
                data-testid="bulk-upload"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void onUpload(file);
                }}
              />
              <Button icon={<UndoOutlined />} disabled={changed === 0} onClick={() => (setEdits({}), setPlaced(NO_ERRORS))}>
                {t('bulkEntry.discard')}
              </Button>
              <Button type="primary" icon={<SaveOutlined />} disabled={changed === 0} loading={save.isPending} onClick={() => void onSave()}>
                {changed > 0 ? t('bulkEntry.saveN', { n: formatNumber(changed) }) : t('bulkEntry.save')}
              </Button>
            </Space>
          </Col>
        </Row>
      </Card>

      {placed.general.length > 0 && <Alert type="error" showIcon className="bulk-alert" message={t('bulkEntry.refusedTitle')} description={<ul>{placed.general.map((g) => <li key={g}>{g}</li>)}</ul>} />}
      {importErrors && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportErrors(null)}
          className="bulk-alert"
          data-testid="bulk-import-errors"
          message={t('bulkEntry.importRefused', { file: importErrors.file })}
          description={
            <ul>
              {importErrors.errors.slice(0, 50).map((e) => (
                <li key={e}>{e}</li>
              ))}
              {importErrors.errors.length > 50 && <li>{t('bulkEntry.moreErrors', { n: formatNumber(importErrors.errors.length - 50) })}</li>}
            </ul>
          }
        />
      )}

      {grid.isLoading || forms.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : grid.isError ? (
        <Card>
          <Typography.Text type="danger">{errorMessage(grid.error, language, t('errors.generic'))}</Typography.Text>
        </Card>
      ) : !data || data.rows.length === 0 ? (
        <Card>
          <Empty description={t('bulkEntry.noRows')} />
        </Card>
      ) : (
        <Card size="small" className="bulk-card">
          <Typography.Paragraph type="secondary" className="bulk-intro">
            {t('bulkEntry.intro', { units: formatNumber(data.rows.length), period: data.periodLabel })}
            {locked > 0 && ` ${t('bulkEntry.lockedNote', { n: formatNumber(locked) })}`}
          </Typography.Paragraph>
          <Table<BulkGridRow>
            className="bulk-grid"
            rowKey="unitId"
            size="small"
            bordered
            virtual
            pagination={false}
            dataSource={data.rows}
            columns={tableColumns}
            scroll={{ x: UNIT_WIDTH + columns.length * CELL_WIDTH, y: 620 }}
            rowClassName={(r) => (EDITABLE_STATUSES.has(r.status) ? '' : 'bulk-row--locked')}
          />
        </Card>
      )}
    </div>
  );
}
