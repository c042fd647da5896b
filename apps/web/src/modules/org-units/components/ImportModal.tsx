import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '@sen/contracts';
import { errorMessage, isApiError, fieldReason } from '../../../lib/api-error';
import { formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { useImportUnits } from '../hooks/useOrgUnits';
import type { Failure } from './FormFailure';
import { FormFailure } from './FormFailure';

/** A sample file users can fill in: the header row the API expects and two example rows. */
export const IMPORT_TEMPLATE_CSV =
  'code,name,level,kind,parent code\r\n' +
  'HN-ND,Hội LHPN phường Nghĩa Đô,grassroots,union,\r\n' +
  'HN-ND-CH01,Chi hội Tổ dân phố số 1,branch,union,HN-ND\r\n';

function downloadTemplate() {
  // A BOM so that Excel opens the Vietnamese text as UTF-8.
  const blob = new Blob(['\uFEFF' + IMPORT_TEMPLATE_CSV], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'mau-nhap-don-vi.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Upload of a CSV/XLSX of units; all rows are created or none, and each refused row is listed. */
export function ImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (created: number) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const upload = useImportUnits();
  const language = currentLanguage();

  const submit = async () => {
    if (!file) return;
    setFailure(null);
    setResult(null);
    try {
      const res = await upload.mutateAsync(file);
      setResult(res);
      if (res.created > 0) onImported(res.created);
    } catch (error) {
      setFailure({
        message: errorMessage(error, language, t('errors.generic')),
        details: isApiError(error) ? error.fieldErrors.map((fe) => fieldReason(fe, language)) : [],
      });
    }
  };

  return (
    <Modal
      open={open}
      title={t('orgUnits.import.title')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{result?.created ? t('common.close') : t('common.cancel')}</Button>
          <Button type="primary" disabled={!file} loading={upload.isPending} onClick={() => void submit()}>
            {t('orgUnits.import.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        {t('orgUnits.import.help')} <Typography.Text code>code, name, level, kind, parent code</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('orgUnits.import.help2')}</Typography.Paragraph>
      <Button icon={<DownloadOutlined />} onClick={downloadTemplate} style={{ marginBottom: 16 }}>
        {t('orgUnits.import.template')}
      </Button>
      <Upload.Dragger
        accept=".csv,.xlsx"
        maxCount={1}
        multiple={false}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          setFailure(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setResult(null);
        }}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('orgUnits.import.drop')}</p>
        <p className="ant-upload-hint">{t('orgUnits.import.hint')}</p>
      </Upload.Dragger>
      <div style={{ marginTop: 16 }}>
        <FormFailure failure={failure} />
        {result && result.errors.length === 0 && (
          <Alert type="success" showIcon message={t('orgUnits.import.created', { count: result.created, n: formatNumber(result.created) })} />
        )}
        {result && result.errors.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('orgUnits.import.rejected', { count: result.errors.length, n: formatNumber(result.errors.length) })}
              description={t('orgUnits.import.rejectedHelp')}
            />
            <Table
              size="small"
              rowKey={(row) => `${row.line}:${row.field}:${row.reason}`}
              dataSource={result.errors}
              pagination={result.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
              scroll={{ x: true }}
              columns={[
                { title: t('orgUnits.import.line'), dataIndex: 'line', width: 80, render: (v: number) => formatNumber(v) },
                { title: t('orgUnits.import.field'), dataIndex: 'field', width: 140, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                { title: t('orgUnits.import.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
