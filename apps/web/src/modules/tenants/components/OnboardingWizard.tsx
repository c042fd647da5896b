import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Space, Steps, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldReason, isApiError } from '../../../lib/api-error';
import { formatNumber } from '../../../lib/format';
import { readFileText } from '../../../lib/read-file';
import { currentLanguage } from '../../../i18n';
import { FormFailure, type Failure } from '../../org-units/components/FormFailure';
import type { OnboardResult } from '../api/tenants.api';
import { useCreateTenant } from '../hooks/useTenants';
import {
  LEVEL_PRESETS,
  WIZARD_STEPS,
  csvHeaderOk,
  csvRowCount,
  levelChain,
  onboardingField,
  presetLevels,
  splitCsvErrors,
  toCreateTenant,
  type CsvRowError,
  type WizardValues,
} from '../onboarding';
import { CsvErrorTable } from './CsvErrorTable';
import { LevelsEditor } from './LevelsEditor';

/** A sample units file: grassroots unions under the root, branches under them. */
export const UNITS_TEMPLATE_CSV =
  'code,name,level,kind,parent code\r\n' + 'X01,Hội LHPN xã A,grassroots,union,\r\n' + 'X01-CH01,Chi hội thôn 1,branch,union,X01\r\n';

/** Form fields each step validates before going on. */
const STEP_FIELDS: Record<string, (string | number)[][]> = {
  identity: [['code'], ['name']],
  levels: [['levels']],
  admin: [['rootUnit', 'name'], ['rootUnit', 'code'], ['admin', 'username'], ['admin', 'displayName'], ['admin', 'password'], ['admin', 'confirm']],
  units: [],
  review: [],
};

interface UnitsFile {
  name: string;
  text: string;
  rows: number;
  headerOk: boolean;
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Onboarding a province in five steps: identity, levels, root unit and administrator, units file, review. */
export function OnboardingWizard({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<WizardValues & { admin: { confirm?: string } }>();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<UnitsFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [rowErrors, setRowErrors] = useState<CsvRowError[]>([]);
  const [result, setResult] = useState<OnboardResult | null>(null);
  const create = useCreateTenant();
  const current = WIZARD_STEPS[step]!;

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[current]);
    } catch {
      return;
    }
    if (current === 'levels') {
      // The root unit gets the tenant's name unless the user already typed one.
      if (!form.getFieldValue(['rootUnit', 'name'])) form.setFieldValue(['rootUnit', 'name'], form.getFieldValue('name'));
    }
    setStep((s) => Math.min(s + 1, WIZARD_STEPS.length - 1));
  };

  const readFile = async (f: File) => {
    setFileError(null);
    setRowErrors([]);
    if (f.size > MAX_FILE_BYTES) {
      setFile(null);
      setFileError(t('tenants.wizard.fileTooLarge'));
      return;
    }
    let text: string;
    try {
      text = await readFileText(f);
    } catch {
      setFile(null);
      setFileError(t('tenants.wizard.fileUnreadable'));
      return;
    }
    setFile({ name: f.name, text, rows: csvRowCount(text), headerOk: csvHeaderOk(text) });
  };

  const submit = async () => {
    setFailure(null);
    setRowErrors([]);
    const values = form.getFieldsValue(true) as WizardValues;
    try {
      const res = await create.mutateAsync(toCreateTenant(values, file?.text ?? null));
      setResult(res);
    } catch (error) {
      if (!isApiError(error)) {
        setFailure({ message: errorMessage(error, language, t('errors.generic')), details: [] });
        return;
      }
      const { rows, other } = splitCsvErrors(error.fieldErrors, language);
      setRowErrors(rows);
      const details: string[] = [];
      let firstStep: number | null = null;
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const fe of other) {
        const target = onboardingField(fe.field);
        if (!target) {
          details.push(fe.field ? `${fe.field}: ${fieldReason(fe, language)}` : fieldReason(fe, language));
          continue;
        }
        fields.push({ name: target.name, errors: [fieldReason(fe, language)] });
        const index = WIZARD_STEPS.indexOf(target.step);
        firstStep = firstStep === null ? index : Math.min(firstStep, index);
        details.push(`${t(`tenants.wizard.steps.${target.step}`)}: ${fieldReason(fe, language)}`);
      }
      form.setFields(fields.filter((f) => f.name[0] !== 'unitsCsv') as Parameters<typeof form.setFields>[0]);
      setFailure({
        message: rows.length > 0 ? t('tenants.wizard.csvRejected', { n: formatNumber(rows.length) }) : errorMessage(error, language, t('errors.generic')),
        details,
      });
      if (firstStep !== null && WIZARD_STEPS[firstStep] !== 'units' && rows.length === 0) setStep(firstStep);
    }
  };

  if (result) {
    const values = form.getFieldsValue(true) as WizardValues;
    return (
      <Card>
        <Result
          status="success"
          title={t('tenants.wizard.success', { name: result.tenant.name })}
          subTitle={
            <Space direction="vertical" size={4} data-testid="onboarding-result">
              <span>{t('tenants.wizard.createdUnits', { n: formatNumber(result.units.created + 1), csv: formatNumber(result.units.created) })}</span>
              <span>
                {t('tenants.wizard.loginWith')} <Typography.Text code>{result.tenant.code}</Typography.Text> / <Typography.Text code>{values.admin.username}</Typography.Text>
              </span>
              <Typography.Text type="secondary">{t('tenants.wizard.passwordNotShown')}</Typography.Text>
            </Space>
          }
          extra={
            <Button type="primary" onClick={onDone}>
              {t('tenants.wizard.backToList')}
            </Button>
          }
        />
      </Card>
    );
  }

  const stepItems = WIZARD_STEPS.map((s) => ({ key: s, title: t(`tenants.wizard.steps.${s}`) }));
  const values = form.getFieldsValue(true) as Partial<WizardValues>;

  return (
    <Card className="wizard">
      <Steps current={step} items={stepItems} size="small" labelPlacement="vertical" className="wizard__steps" onChange={(s) => s < step && setStep(s)} />
      <Form
        form={form}
        layout="vertical"
        className="wizard__form"
        initialValues={{ levels: presetLevels('after2025'), admin: { username: 'admin' }, rootUnit: {} }}
        onFinish={() => void submit()}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0]?.name;
          if (!first) return;
          const stepOf = first[0] === 'admin' || first[0] === 'rootUnit' ? 'admin' : first[0] === 'levels' ? 'levels' : 'identity';
          setStep(WIZARD_STEPS.indexOf(stepOf));
        }}
      >
        <section hidden={current !== 'identity'} aria-label={t('tenants.wizard.steps.identity')}>
          <Form.Item
            name="code"
            label={t('tenants.fields.code')}
            extra={t('tenants.wizard.codeHelp')}
            normalize={(v: string) => v.toUpperCase()}
            rules={[
              { required: true, whitespace: true, message: t('tenants.wizard.codeRequired') },
              { pattern: /^\s*[A-Z][A-Z0-9_]{1,15}\s*$/, message: t('tenants.wizard.codeInvalid') },
            ]}
          >
            <Input maxLength={16} autoCapitalize="characters" spellCheck={false} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('tenants.fields.name')}
            rules={[
              { required: true, whitespace: true, message: t('tenants.wizard.nameRequired') },
              { min: 3, message: t('tenants.wizard.nameShort') },
              { max: 255 },
            ]}
          >
            <Input placeholder={t('tenants.wizard.namePlaceholder')} />
          </Form.Item>
        </section>

        <section hidden={current !== 'levels'} aria-label={t('tenants.wizard.steps.levels')}>
          <Typography.Paragraph type="secondary">{t('tenants.wizard.levelsHelp')}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 16 }}>
            {LEVEL_PRESETS.map((p) => (
              <Button key={p.key} onClick={() => form.setFieldValue('levels', presetLevels(p.key))}>
                {t(`tenants.wizard.presets.${p.key}`)}: {levelChain(p.levels)}
              </Button>
            ))}
          </Space>
          <LevelsEditor />
        </section>

        <section hidden={current !== 'admin'} aria-label={t('tenants.wizard.steps.admin')}>
          <Typography.Title level={5}>{t('tenants.wizard.rootUnit')}</Typography.Title>
          <Form.Item name={['rootUnit', 'name']} label={t('tenants.wizard.rootName')} rules={[{ required: true, whitespace: true, message: t('tenants.wizard.rootNameRequired') }, { max: 255 }]}>
            <Input />
          </Form.Item>
          <Form.Item name={['rootUnit', 'code']} label={t('tenants.wizard.rootCode')} extra={t('orgUnits.add.codeHelp')} rules={[{ max: 64 }]}>
            <Input style={{ maxWidth: 240 }} />
          </Form.Item>
          <Typography.Title level={5}>{t('tenants.wizard.firstAdmin')}</Typography.Title>
          <Form.Item
            name={['admin', 'username']}
            label={t('users.fields.username')}
            normalize={(v: string) => v.toLowerCase()}
            rules={[
              { required: true, whitespace: true, message: t('users.validation.usernameRequired') },
              { pattern: /^\s*[a-z0-9][a-z0-9._-]{1,63}\s*$/, message: t('users.validation.usernameInvalid') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item name={['admin', 'displayName']} label={t('users.fields.displayName')} rules={[{ required: true, whitespace: true, message: t('users.validation.displayNameRequired') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={['admin', 'password']}
            label={t('users.fields.password')}
            extra={t('users.passwordHelp')}
            rules={[
              { required: true, message: t('users.validation.passwordRequired') },
              { min: 10, message: t('users.validation.passwordShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item
            name={['admin', 'confirm']}
            label={t('users.reset.confirm')}
            dependencies={[['admin', 'password']]}
            rules={[
              { required: true, message: t('users.validation.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_r, v: string) => {
                  if (v && v !== getFieldValue(['admin', 'password'])) throw new Error(t('users.validation.confirmMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" style={{ maxWidth: 320 }} />
          </Form.Item>
        </section>

        <section hidden={current !== 'units'} aria-label={t('tenants.wizard.steps.units')}>
          <Typography.Paragraph>
            {t('tenants.wizard.unitsHelp')} <Typography.Text code>code,name,level,kind,parent code</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('tenants.wizard.unitsHelp2')}</Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            style={{ marginBottom: 12 }}
            onClick={() => {
              const url = URL.createObjectURL(new Blob(['\uFEFF' + UNITS_TEMPLATE_CSV], { type: 'text/csv;charset=utf-8' }));
              const a = document.createElement('a');
              a.href = url;
              a.download = 'mau-don-vi.csv';
              a.click();
              setTimeout(() => URL.revokeObjectURL(url), 1000);
            }}
          >
            {t('orgUnits.import.template')}
          </Button>
          <Upload.Dragger
            accept=".csv,text/csv"
            maxCount={1}
            multiple={false}
            beforeUpload={(f) => {
              void readFile(f);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setRowErrors([]);
            }}
            fileList={file ? [{ uid: 'units', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('orgUnits.import.drop')}</p>
            <p className="ant-upload-hint">{t('tenants.wizard.unitsHint')}</p>
          </Upload.Dragger>
          {fileError && <Alert type="error" showIcon style={{ marginTop: 12 }} message={fileError} />}
          {file && (
            <Alert
              style={{ marginTop: 12 }}
              type={file.headerOk ? 'info' : 'warning'}
              showIcon
              data-testid="units-file-summary"
              message={t('tenants.wizard.fileRows', { name: file.name, n: formatNumber(file.rows) })}
              description={file.headerOk ? undefined : t('tenants.wizard.fileHeaderWarning')}
            />
          )}
        </section>

        <section hidden={current !== 'review'} aria-label={t('tenants.wizard.steps.review')}>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'code', label: t('tenants.fields.code'), children: <Typography.Text code>{values.code}</Typography.Text> },
              { key: 'name', label: t('tenants.fields.name'), children: values.name },
              {
                key: 'levels',
                label: t('tenants.fields.levels'),
                children: (
                  <Space size={[4, 4]} wrap>
                    {(values.levels ?? []).map((l, i) => (
                      <Tag key={`${l?.code}-${i}`}>
                        {i + 1}. {l?.name} <Typography.Text type="secondary">({l?.code})</Typography.Text>
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { key: 'root', label: t('tenants.wizard.rootName'), children: values.rootUnit?.name },
              { key: 'admin', label: t('tenants.wizard.firstAdmin'), children: `${values.admin?.username ?? ''} — ${values.admin?.displayName ?? ''}` },
              {
                key: 'units',
                label: t('tenants.wizard.steps.units'),
                children: file ? t('tenants.wizard.fileRows', { name: file.name, n: formatNumber(file.rows) }) : t('tenants.wizard.noFile'),
              },
            ]}
          />
        </section>

        {failure && (
          <div style={{ marginTop: 16 }}>
            <FormFailure failure={failure} />
          </div>
        )}
        {rowErrors.length > 0 && (current === 'review' || current === 'units') && (
          <div data-testid="csv-errors">
            <Typography.Paragraph type="secondary">{t('tenants.wizard.csvRejectedHelp')}</Typography.Paragraph>
            <CsvErrorTable rows={rowErrors} />
          </div>
        )}

        <div className="wizard__footer">
          <Button onClick={step === 0 ? onCancel : () => setStep((s) => s - 1)}>{step === 0 ? t('common.cancel') : t('tenants.wizard.back')}</Button>
          {current === 'review' ? (
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('tenants.wizard.submit')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => void next()}>
              {t('tenants.wizard.next')}
            </Button>
          )}
        </div>
      </Form>
    </Card>
  );
}
