import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ReportFormDto } from '@sen/contracts';
import { errorMessage } from '../lib/api-error';
import { applyApiErrors } from '../lib/form-errors';
import { formatDate, formatNumber } from '../lib/format';
import { levelLabel } from '../lib/labels';
import { periodLabel } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { useMe, useSession } from '../modules/auth/hooks/useSession';
import { IndicatorPicker } from '../modules/reports/components/IndicatorPicker';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { ReportTabs } from '../modules/reports/components/ReportTabs';
import { useCreateReportForm, useCreateReportInstances, useReportForms } from '../modules/reports/hooks/useReports';
import type { ReportInstancesResult } from '../modules/reports/api/reports.api';
import {
  createFormErrorFields,
  deadlineRuleText,
  REPORT_PERIOD_KINDS,
  toCreateFormBody,
  type ReportFormValues,
  type ReportPeriodKind,
} from '../modules/reports/report-forms';
import '../modules/reports/reports.css';

function usePeriodKindLabels(): Record<ReportPeriodKind, string> {
  const { t } = useTranslation();
  return { month: t('reportForms.kinds.month'), quarter: t('reportForms.kinds.quarter'), half: t('reportForms.kinds.half'), year: t('reportForms.kinds.year') };
}

function useDeadlineText() {
  const { t } = useTranslation();
  const words = {
    afterEnd: (n: string) => t('reportForms.deadlineAfterEnd', { n }),
    fixed: (date: string) => t('reportForms.deadlineFixed', { date }),
    fixedNextYear: (date: string) => t('reportForms.deadlineFixedNextYear', { date }),
    firstPeriod: t('reportForms.deadlineFirstPeriod'),
  };
  return (form: ReportFormDto) => deadlineRuleText(form.deadlineRule, form.periodKind, words);
}

/** The report forms (biểu mẫu) of the tenant: the national ones and its own; administrators add forms and create a period's reports. */
export function ReportFormsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe();
  const isAdmin = !!useSession()?.user.roles.includes('tenant_admin');
  const forms = useReportForms();
  const kinds = usePeriodKindLabels();
  const deadlineText = useDeadlineText();
  const [creating, setCreating] = useState(false);
  const [instancesFor, setInstancesFor] = useState<ReportFormDto | null>(null);
  const levels = me.data?.tenant.levels;

  const columns: ColumnsType<ReportFormDto> = [
    {
      key: 'name',
      title: t('reportForms.name'),
      render: (_v, f) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{f.name}</Typography.Text>
          <Space size={4} wrap>
            <Typography.Text code>{f.code}</Typography.Text>
            {f.national ? <Tag color="magenta">{t('reportForms.national')}</Tag> : <Tag color="geekblue">{t('reportForms.own')}</Tag>}
          </Space>
          {phone && (
            <Typography.Text type="secondary">
              {kinds[f.periodKind]} · {t('reportForms.indicatorCount', { n: formatNumber(f.indicatorCodes.length) })} · {deadlineText(f)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(phone
      ? []
      : ([
          { key: 'kind', title: t('reportForms.periodKind'), width: 110, render: (_v, f) => kinds[f.periodKind] },
          { key: 'indicators', title: t('reportForms.indicators'), width: 100, align: 'right', render: (_v, f) => formatNumber(f.indicatorCodes.length) },
          { key: 'deadline', title: t('reportForms.deadline'), width: 260, render: (_v, f) => deadlineText(f) },
          {
            key: 'level',
            title: t('reportForms.reportingLevel'),
            width: 170,
            render: (_v, f) => levelLabel(f.reportingLevel, levels, language, t),
          },
        ] as ColumnsType<ReportFormDto>)),
    ...(isAdmin
      ? ([
          {
            key: 'actions',
            title: <span className="sr-only">{t('reportForms.createInstances')}</span>,
            width: phone ? 56 : 190,
            render: (_v, f) => (
              <Button size="small" icon={<CalendarOutlined />} onClick={() => setInstancesFor(f)} aria-label={`${t('reportForms.createInstances')}: ${f.name}`}>
                {phone ? null : t('reportForms.createInstances')}
              </Button>
            ),
          },
        ] as ColumnsType<ReportFormDto>)
      : []),
  ];

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('reportForms.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{me.data?.tenant.name}</Typography.Text>
        </div>
        <ReportTabs />
      </div>
      <Card
        title={t('reportForms.listTitle')}
        extra={
          isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('reportForms.create')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('reportForms.help')}</Typography.Paragraph>
        {forms.isError ? (
          <Typography.Text type="danger">{errorMessage(forms.error, language, t('errors.generic'))}</Typography.Text>
        ) : (
          <Table<ReportFormDto>
            rowKey="id"
            size={phone ? 'small' : 'middle'}
            loading={forms.isLoading}
            dataSource={forms.data ?? []}
            columns={columns}
            pagination={false}
            locale={{ emptyText: t('reportForms.none') }}
          />
        )}
      </Card>
      {isAdmin && <CreateFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(f) => setInstancesFor(f)} />}
      {isAdmin && instancesFor && <InstancesModal form={instancesFor} onClose={() => setInstancesFor(null)} />}
    </div>
  );
}

/** A new form of the tenant: code, name, period kind, reporting level, deadline rule and its indicators. */
function CreateFormDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (form: ReportFormDto) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = AntApp.useApp();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe();
  const kinds = usePeriodKindLabels();
  const create = useCreateReportForm();
  const [form] = Form.useForm<ReportFormValues>();
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null);
  const deadlineKind = Form.useWatch('deadlineKind', form);
  const periodKind = Form.useWatch('periodKind', form);
  const reportingLevel = Form.useWatch('reportingLevel', form);
  const levels = me.data?.tenant.levels ?? [];

  const submit = async (values: ReportFormValues) => {
    setFailure(null);
    try {
      const created = await create.mutateAsync(toCreateFormBody(values));
      void message.success(t('reportForms.created', { code: created.code }));
      form.resetFields();
      onClose();
      onCreated(created);
    } catch (error) {
      setFailure(applyApiErrors(form, error, createFormErrorFields(values), language, t('reportForms.createFailed')));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('reportForms.createTitle')}
      width={phone ? '100%' : 760}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('reportForms.save')}
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={failure.message}
          description={failure.details.length > 0 ? failure.details.join('; ') : undefined}
        />
      )}
      <Form<ReportFormValues>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(v) => void submit(v)}
        onValuesChange={() => failure && setFailure(null)}
        initialValues={{
          periodKind: 'quarter',
          deadlineKind: 'afterEnd',
          deadline: { daysAfterEnd: 10, day: 15, month: 4 },
          reportingLevel: levels.some((l) => l.code === 'grassroots') ? 'grassroots' : levels.at(-1)?.code,
          indicatorCodes: [],
        }}
      >
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="code"
            label={t('reportForms.code')}
            extra={t('reportForms.codeHelp')}
            rules={[{ required: true, whitespace: true, message: t('reportForms.codeRequired') }]}
            normalize={(v: string) => v.toUpperCase()}
            style={{ flex: '0 1 220px' }}
          >
            <Input maxLength={32} placeholder="HN-QUY" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('reportForms.name')}
            rules={[{ required: true, whitespace: true, message: t('reportForms.nameRequired') }]}
            style={{ flex: '1 1 320px' }}
          >
            <Input maxLength={255} placeholder={t('reportForms.namePlaceholder')} />
          </Form.Item>
        </div>
        {/* Always set (a default, no empty choice): no "required" rule, whose aria-required antd would put on a
            radio group and a select root, where ARIA does not allow it. */}
        <Form.Item name="periodKind" label={t('reportForms.periodKind')}>
          <Radio.Group optionType="button" options={REPORT_PERIOD_KINDS.map((k) => ({ value: k, label: kinds[k] }))} />
        </Form.Item>
        <Form.Item
          name="reportingLevel"
          label={t('reportForms.reportingLevel')}
          extra={reportingLevel ? t('reportForms.reportsTo', { level: levelLabel(reportingLevel, levels, language, t) }) : t('reportForms.reportsToParent')}
        >
          <Select
            style={{ maxWidth: 320 }}
            options={levels.map((l) => ({ value: l.code, label: levelLabel(l.code, levels, language, t) }))}
          />
        </Form.Item>
        <Form.Item name="deadlineKind" label={t('reportForms.deadline')} style={{ marginBottom: 8 }}>
          <Radio.Group>
            <Radio value="afterEnd">{t('reportForms.deadlineKindAfterEnd')}</Radio>
            <Radio value="fixed">{t('reportForms.deadlineKindFixed')}</Radio>
          </Radio.Group>
        </Form.Item>
        {deadlineKind === 'afterEnd' ? (
          <Form.Item
            name={['deadline', 'daysAfterEnd']}
            label={t('reportForms.daysAfterEnd')}
            rules={[{ required: true, message: t('reportForms.daysRequired') }]}
          >
            <InputNumber<number> min={0} precision={0} style={{ width: 160 }} addonAfter={t('reportForms.days')} />
          </Form.Item>
        ) : (
          <>
            {/* One row, one message line: the errors of the day and the month show under the row. */}
            <Form.Item label={t('reportForms.deadlineDay')} required>
              <Space wrap>
                <Form.Item name={['deadline', 'day']} noStyle rules={[{ required: true, message: t('reportForms.dayRequired') }]}>
                  <InputNumber<number> min={1} precision={0} style={{ width: 100 }} aria-label={t('reportForms.day')} placeholder={t('reportForms.day')} />
                </Form.Item>
                <Form.Item name={['deadline', 'month']} noStyle rules={[{ required: true, message: t('reportForms.monthRequired') }]}>
                  <Select
                    style={{ width: 140 }}
                    aria-label={t('reportForms.month')}
                    placeholder={t('reportForms.month')}
                    options={Array.from({ length: 12 }, (_v, i) => ({ value: i + 1, label: t('reportForms.monthN', { n: i + 1 }) }))}
                  />
                </Form.Item>
                <Form.Item name={['deadline', 'nextYear']} noStyle valuePropName="checked">
                  <Checkbox>{t('reportForms.nextYear')}</Checkbox>
                </Form.Item>
              </Space>
            </Form.Item>
            {periodKind !== 'year' && (
              <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                {t('reportForms.fixedHelp')}
              </Typography.Paragraph>
            )}
          </>
        )}
        <Form.Item
          name="indicatorCodes"
          label={t('reportForms.indicators')}
          rules={[{ required: true, type: 'array', min: 1, message: t('reportForms.indicatorsRequired') }]}
        >
          <IndicatorPicker />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** Creates the draft reports of a period for every unit of the form's level, and says how many. */
function InstancesModal({ form, onClose }: { form: ReportFormDto; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const create = useCreateReportInstances();
  const [values] = Form.useForm<{ period?: string }>();
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null);
  const [result, setResult] = useState<(ReportInstancesResult & { period: string }) | null>(null);

  const submit = async ({ period }: { period?: string }) => {
    setFailure(null);
    try {
      const r = await create.mutateAsync({ formId: form.id, period: period ?? '' });
      setResult({ ...r, period: period ?? '' });
    } catch (error) {
      setFailure(applyApiErrors(values, error, { period: ['period'] }, language, t('reportForms.instancesFailed')));
    }
  };

  return (
    <Modal
      open
      title={t('reportForms.instancesTitle', { name: form.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('reportForms.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => values.submit()}>
              {t('reportForms.createInstancesOk')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <Result
          status="success"
          title={t('reportForms.instancesDone', { created: formatNumber(result.created), period: periodLabel(result.period, language) })}
          subTitle={
            <span data-testid="instances-result">
              {t('reportForms.instancesExisting', { n: formatNumber(result.existing) })} {t('reportForms.instancesDeadline', { date: formatDate(result.deadline) })}
            </span>
          }
          extra={
            <Link to={`/reports?period=${encodeURIComponent(result.period)}`} onClick={onClose}>
              {t('reportForms.openReports')}
            </Link>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('reportForms.instancesHelp')}</Typography.Paragraph>
          {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={failure.message} description={failure.details.join('; ') || undefined} />}
          <Form form={values} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={() => failure && setFailure(null)}>
            <Form.Item name="period" label={t('reports.fields.period')} rules={[{ required: true, message: t('reportForms.periodRequired') }]}>
              <PeriodSelect kinds={[form.periodKind]} style={{ width: '100%' }} placeholder={t('reportForms.periodPlaceholder')} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
