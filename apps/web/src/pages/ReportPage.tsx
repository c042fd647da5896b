import { useRef, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Grid, Input, Modal, Result, Skeleton, Space, Typography } from 'antd';
import { CheckOutlined, HistoryOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@sen/contracts';
import { errorMessage, isApiError } from '../lib/api-error';
import { formatDate, formatNumber } from '../lib/format';
import { periodLabel } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { useMe, useSession } from '../modules/auth/hooks/useSession';
import { formatDateTime } from '../modules/audit/labels';
import { ReportEntryForm, type ReportEntryFormHandle } from '../modules/reports/components/ReportEntryForm';
import { ReportHistoryDrawer } from '../modules/reports/components/ReportHistoryDrawer';
import { LateTag, ReportStatusTag } from '../modules/reports/components/ReportStatusTag';
import { useApproveReport, useReopenReport, useReport, useReturnReport, useSaveReportValues, useSubmitReport } from '../modules/reports/hooks/useReports';
import { fieldErrorsByIndicator, hasErrors, reportPermissions, unexplainedWarnings } from '../modules/reports/report-form';
import '../modules/reports/reports.css';

/** One report: its header, the entry form, and the workflow buttons of whoever is looking. */
export function ReportPage() {
  const { t } = useTranslation();
  const { reportId } = useParams<{ reportId: string }>();
  const report = useReport(reportId);
  const language = currentLanguage();

  if (report.isLoading) {
    return (
      <div className="page">
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </div>
    );
  }
  if (report.isError || !report.data) {
    return (
      <div className="page">
        <Result
          status={isApiError(report.error) && report.error.status === 404 ? '404' : 'warning'}
          title={t('reports.loadFailed')}
          subTitle={errorMessage(report.error, language, t('errors.generic'))}
          extra={
            <Link to="/reports">
              <Button>{t('reports.backToList')}</Button>
            </Link>
          }
        />
      </div>
    );
  }
  return <ReportView key={report.data.id} report={report.data} />;
}

function ReportView({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const session = useSession();
  const me = useMe();
  const formRef = useRef<ReportEntryFormHandle>(null);
  const [serverErrors, setServerErrors] = useState<Map<string, string[]>>(new Map());
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null);
  const [showMissingComments, setShowMissingComments] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [returning, setReturning] = useState(false);
  const [returnForm] = Form.useForm<{ comment: string }>();
  const [reopening, setReopening] = useState(false);
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const [historyOpen, setHistoryOpen] = useState(false);
  // The indicator of each value of the last body sent, so that an error naming `values.12` finds its field.
  const sentCodes = useRef<string[]>(report.indicators.map((i) => i.code));
  const save = useSaveReportValues(report.id);
  const submit = useSubmitReport(report.id);
  const approve = useApproveReport(report.id);
  const giveBack = useReturnReport(report.id);
  const reopen = useReopenReport(report.id);

  const ownUnits = (me.data?.units ?? []).map((u) => u.id);
  const { canEdit, canDecide, canReopen } = reportPermissions(report, session?.user.roles, ownUnits);
  const busy = save.isPending || submit.isPending || approve.isPending || giveBack.isPending || reopen.isPending;

  const showError = (error: unknown, fallback: string) => {
    if (isApiError(error) && error.code === 'REPORT_VERSION_CONFLICT') setConflict(true);
    const { byIndicator, general } = fieldErrorsByIndicator(isApiError(error) ? error.fieldErrors : [], sentCodes.current, language);
    setServerErrors(byIndicator);
    setFailure({ message: errorMessage(error, language, fallback), details: general });
    const first = [...byIndicator.keys()][0];
    if (first) formRef.current?.scrollTo(first);
  };

  const doSave = async (quiet = false): Promise<ReportDetail | null> => {
    const form = formRef.current;
    if (!form) return null;
    setFailure(null);
    setServerErrors(new Map());
    try {
      const body = form.body();
      sentCodes.current = body.values.map((v) => v.indicator);
      const saved = await save.mutateAsync(body);
      form.markSaved();
      if (!quiet) {
        const errors = saved.issues.filter((i) => i.severity === 'error').length;
        const warnings = saved.issues.length - errors;
        if (errors > 0) void message.warning(t('reports.savedWithErrors', { n: formatNumber(errors) }));
        else if (warnings > 0) void message.info(t('reports.savedWithWarnings', { n: formatNumber(warnings) }));
        else void message.success(t('reports.saved'));
      }
      return saved;
    } catch (error) {
      showError(error, t('reports.saveFailed'));
      return null;
    }
  };

  const doSubmit = async () => {
    const form = formRef.current;
    if (!form) return;
    // The API checks what is stored: save first (also stores the explanations of warnings).
    const saved = await doSave(true);
    if (!saved) return;
    if (hasErrors(saved.issues)) {
      setFailure({ message: t('reports.fixErrorsFirst'), details: [] });
      const first = saved.issues.find((i) => i.severity === 'error');
      if (first) form.scrollTo(first.indicator);
      return;
    }
    const missing = unexplainedWarnings(saved.issues, form.comments());
    if (missing.length > 0) {
      setShowMissingComments(true);
      setFailure({ message: t('reports.explainWarningsFirst', { n: formatNumber(missing.length) }), details: [] });
      form.scrollTo(missing[0]!);
      return;
    }
    try {
      await submit.mutateAsync(undefined);
      setFailure(null);
      void message.success(t('reports.submitted'));
    } catch (error) {
      setShowMissingComments(true);
      showError(error, t('reports.submitFailed'));
    }
  };

  const doApprove = async () => {
    try {
      await approve.mutateAsync(undefined);
      void message.success(t('reports.approved'));
    } catch (error) {
      showError(error, t('errors.generic'));
    }
  };

  const doReturn = async ({ comment }: { comment: string }) => {
    try {
      await giveBack.mutateAsync(comment.trim());
      setReturning(false);
      void message.success(t('reports.returnedDone'));
    } catch (error) {
      setReturning(false);
      showError(error, t('errors.generic'));
    }
  };

  const doReopen = async ({ reason }: { reason: string }) => {
    try {
      await reopen.mutateAsync(reason.trim());
      setReopening(false);
      void message.success(t('reportReopen.done'));
    } catch (error) {
      setReopening(false);
      showError(error, t('reportReopen.failed'));
    }
  };

  const title = `${report.unitName} — ${periodLabel(report.period, language)}`;

  return (
    <div className="page report-page">
      <Breadcrumb
        className="report-page__crumbs"
        items={[{ key: 'reports', title: <Link to="/reports">{t('reports.title')}</Link> }, { key: 'this', title: periodLabel(report.period, language) }]}
      />
      <div className="page__header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} className="page__title">
            {title}
          </Typography.Title>
          <Space size={[6, 6]} wrap>
            <ReportStatusTag status={report.status} />
            {report.late && <LateTag />}
            <Typography.Text type="secondary">{report.formName}</Typography.Text>
          </Space>
        </div>
        <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
          {t('reportHistory.open')}
        </Button>
      </div>

      {report.status === 'returned' && report.returnComment && (
        <Alert
          type="error"
          showIcon
          className="report-alert report-returned"
          data-testid="return-comment"
          message={t('reports.returnedWith')}
          description={
            <>
              <Typography.Text type="secondary">{t('reportReopen.reasonLabel')}</Typography.Text>
              <div className="report-returned__comment">{report.returnComment}</div>
              {canEdit && <Typography.Text type="secondary">{t('reportReopen.fixAndResubmit')}</Typography.Text>}
            </>
          }
        />
      )}

      <Card className="report-summary" size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }}
          items={[
            { key: 'unit', label: t('reports.fields.unit'), children: report.unitName },
            { key: 'period', label: t('reports.fields.period'), children: periodLabel(report.period, language) },
            { key: 'deadline', label: t('reports.fields.deadline'), children: formatDate(report.deadline) },
            { key: 'form', label: t('reports.fields.form'), children: <Typography.Text code>{report.formCode}</Typography.Text> },
            ...(report.submittedAt ? [{ key: 'submittedAt', label: t('reports.fields.submittedAt'), children: formatDateTime(report.submittedAt) }] : []),
            ...(report.approvedAt ? [{ key: 'approvedAt', label: t('reports.fields.approvedAt'), children: formatDateTime(report.approvedAt) }] : []),
          ]}
        />
      </Card>

      {conflict && (
        <Alert
          type="error"
          showIcon
          className="report-alert"
          message={t('reports.conflict')}
          action={
            <Button size="small" onClick={() => window.location.reload()}>
              {t('reports.reload')}
            </Button>
          }
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="report-alert"
          message={failure.message}
          description={failure.details.length > 0 ? failure.details.join('; ') : undefined}
          closable
          onClose={() => setFailure(null)}
        />
      )}
      {!canEdit && report.status !== 'approved' && report.status !== 'submitted' && (
        <Alert type="info" showIcon className="report-alert" message={t('reports.readOnly')} />
      )}

      <ReportEntryForm
        ref={formRef}
        report={report}
        readOnly={!canEdit}
        serverErrors={serverErrors}
        showMissingComments={showMissingComments}
        onDirty={() => failure && setFailure(null)}
      />

      {(canEdit || canDecide || canReopen) && (
        <div className={`report-actions${screens.md ? '' : ' report-actions--phone'}`}>
          {canEdit && (
            <>
              <Button icon={<SaveOutlined />} onClick={() => void doSave()} loading={save.isPending && !submit.isPending} disabled={busy}>
                {t('reports.actions.save')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} onClick={() => void doSubmit()} loading={submit.isPending} disabled={busy}>
                {t('reports.actions.submit')}
              </Button>
            </>
          )}
          {canDecide && (
            <>
              <Button icon={<RollbackOutlined />} danger onClick={() => setReturning(true)} disabled={busy}>
                {t('reports.actions.return')}
              </Button>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => void doApprove()} loading={approve.isPending} disabled={busy}>
                {t('reports.actions.approve')}
              </Button>
            </>
          )}
          {canReopen && (
            <Button icon={<UnlockOutlined />} onClick={() => setReopening(true)} disabled={busy}>
              {t('reportReopen.action')}
            </Button>
          )}
        </div>
      )}

      <Modal
        open={reopening}
        title={t('reportReopen.title')}
        okText={t('reportReopen.action')}
        cancelText={t('common.cancel')}
        onCancel={() => setReopening(false)}
        onOk={() => reopenForm.submit()}
        confirmLoading={reopen.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('reportReopen.explain')}</Typography.Paragraph>
        <Form form={reopenForm} layout="vertical" onFinish={(v) => void doReopen(v)}>
          <Form.Item
            name="reason"
            label={t('reportReopen.reason')}
            rules={[{ required: true, whitespace: true, message: t('reportReopen.reasonRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={4} autoFocus placeholder={t('reportReopen.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>

      <ReportHistoryDrawer report={report} open={historyOpen} onClose={() => setHistoryOpen(false)} />

      <Modal
        open={returning}
        title={t('reports.returnTitle')}
        okText={t('reports.actions.return')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onCancel={() => setReturning(false)}
        onOk={() => returnForm.submit()}
        confirmLoading={giveBack.isPending}
        destroyOnHidden
      >
        <Form form={returnForm} layout="vertical" onFinish={(v) => void doReturn(v)}>
          <Form.Item
            name="comment"
            label={t('reports.returnComment')}
            rules={[{ required: true, whitespace: true, message: t('reports.returnCommentRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={4} autoFocus placeholder={t('reports.returnCommentPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
