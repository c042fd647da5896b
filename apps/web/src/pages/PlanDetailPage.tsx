import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Dropdown, Form, Modal, Popconfirm, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import {
  CalendarOutlined,
  CheckCircleOutlined,
  CopyOutlined,
  DownloadOutlined,
  EditOutlined,
  MoreOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  BranchesOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PlanContent, PlanDetail } from '@sen/contracts';
import { useApiClient } from '../lib/api-context';
import { errorMessage, isApiError } from '../lib/api-error';
import { formatDate } from '../lib/format';
import { levelLabel } from '../lib/labels';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { UnitPicker } from '../modules/org-units/components/UnitPicker';
import { downloadPlanDocx } from '../modules/plans/api/plans.api';
import { AllocationEditor } from '../modules/plans/components/AllocationEditor';
import { BoundUnits } from '../modules/plans/components/BoundUnits';
import { PlanContentView } from '../modules/plans/components/PlanContentView';
import { PlanEditor } from '../modules/plans/components/PlanEditor';
import { PlanStatusTag } from '../modules/plans/components/PlanStatusTag';
import { VersionList } from '../modules/plans/components/VersionList';
import { useDerivePlan, usePlan, usePlanVersions, useRevisePlan, useTransitionPlan, useUpdatePlan } from '../modules/plans/hooks/usePlans';
import { clonePlan } from '../modules/plans/plan-edit';
import '../modules/plans/plans.css';

/** One plan: its structure, status and actions (review, issue, Word file, new version), and its versions. */
export function PlanDetailPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const client = useApiClient();
  const { message } = AntApp.useApp();
  const me = useMe();
  const plan = usePlan(planId);
  const versions = usePlanVersions(planId);
  const indicators = useIndicators();
  const transition = useTransitionPlan(planId);
  const revise = useRevisePlan(planId);
  const update = useUpdatePlan(planId);
  const derive = useDerivePlan(planId);
  const [editing, setEditing] = useState<PlanContent | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [deriveOpen, setDeriveOpen] = useState(false);
  const [deriveUnit, setDeriveUnit] = useState<string | undefined>();
  const [tab, setTab] = useState('content');
  const initialUnits = useMemo(() => (me.data?.units ?? []).map((u) => ({ id: u.id, name: u.name, level: u.level })), [me.data]);

  if (plan.isLoading) return <Skeleton active className="page" />;
  if (plan.isError || !plan.data) {
    const notFound = isApiError(plan.error) && plan.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={notFound ? t('plans.detail.notFound') : errorMessage(plan.error, language, t('errors.generic'))}
        extra={<Button onClick={() => navigate('/plans')}>{t('plans.detail.backToList')}</Button>}
      />
    );
  }
  const p: PlanDetail = plan.data;
  const can = (to: string) => p.canWrite && p.allowedTransitions.includes(to as never);

  const fail = (e: unknown) => message.error(errorMessage(e, language, t('errors.generic')), 6);
  const move = async (to: 'draft' | 'in_review' | 'issued' | 'closed', done: string) => {
    try {
      const next = await transition.mutateAsync(to);
      message.success(to === 'issued' ? t('plans.detail.issuedAs', { symbol: next.symbol ?? '' }) : done);
    } catch (e) {
      fail(e);
    }
  };
  const onRevise = async () => {
    try {
      const next = await revise.mutateAsync();
      message.success(t('plans.detail.revised'));
      navigate(`/plans/${next.id}`);
    } catch (e) {
      fail(e);
    }
  };
  const onDownload = async () => {
    setDownloading(true);
    try {
      await downloadPlanDocx(client, p.id);
    } catch (e) {
      fail(e);
    } finally {
      setDownloading(false);
    }
  };
  const onSave = async () => {
    if (!editing) return;
    try {
      await update.mutateAsync({ plan: editing, expectedVersion: p.currentVersion });
      setEditing(null);
      message.success(t('plans.detail.saved'));
    } catch (e) {
      fail(e);
    }
  };
  const onDerive = async () => {
    if (!deriveUnit) return;
    try {
      const child = await derive.mutateAsync(deriveUnit);
      setDeriveOpen(false);
      navigate(`/plans/${child.id}`);
    } catch (e) {
      fail(e);
    }
  };

  const actions = (
    <Space wrap className="plan-actions">
      {p.canWrite && p.editable && !editing && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(clonePlan(p.content))}>
          {t('plans.actions.edit')}
        </Button>
      )}
      {can('in_review') && !editing && (
        <Button type="primary" icon={<SendOutlined />} loading={transition.isPending} onClick={() => void move('in_review', t('plans.detail.sentForReview'))}>
          {t('plans.actions.submit')}
        </Button>
      )}
      {can('draft') && (
        <Button icon={<RollbackOutlined />} loading={transition.isPending} onClick={() => void move('draft', t('plans.detail.backToDraft'))}>
          {t('plans.actions.backToDraft')}
        </Button>
      )}
      {can('issued') && (
        <Popconfirm
          title={t('plans.actions.issueConfirmTitle')}
          description={p.symbol ? t('plans.actions.issueConfirmNumbered', { symbol: p.symbol }) : t('plans.actions.issueConfirm')}
          okText={t('plans.actions.issue')}
          cancelText={t('common.cancel')}
          onConfirm={() => move('issued', '')}
          overlayStyle={{ maxWidth: 380 }}
        >
          <Button type="primary" icon={<CheckCircleOutlined />} loading={transition.isPending}>
            {t('plans.actions.issue')}
          </Button>
        </Popconfirm>
      )}
      <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void onDownload()}>
        {t('plans.actions.download')}
      </Button>
      {p.canWrite && (p.status === 'issued' || p.status === 'closed') && !p.revisedById && (
        <Button icon={<CopyOutlined />} loading={revise.isPending} onClick={() => void onRevise()}>
          {t('plans.actions.revise')}
        </Button>
      )}
      {(p.status === 'issued' || p.status === 'closed') && (
        <Button icon={<BranchesOutlined />} onClick={() => setDeriveOpen(true)}>
          {t('plans.actions.derive')}
        </Button>
      )}
      {can('closed') && (
        <Dropdown
          menu={{
            items: [{ key: 'close', icon: <StopOutlined />, label: t('plans.actions.close') }],
            onClick: () => void move('closed', t('plans.detail.closed')),
          }}
        >
          <Button icon={<MoreOutlined />} aria-label={t('plans.actions.more')} />
        </Dropdown>
      )}
    </Space>
  );

  return (
    <div className="page plan-detail" data-testid="plan-detail">
      <div className="page__header plan-detail__header">
        <div className="plan-detail__heading">
          <Space wrap size={8}>
            <Typography.Text strong className="plan-detail__symbol" data-testid="plan-symbol">
              {p.symbol ?? t('plans.list.noNumber')}
            </Typography.Text>
            <PlanStatusTag status={p.status} />
            <Typography.Text type="secondary">{t('plans.detail.version', { n: p.currentVersion })}</Typography.Text>
          </Space>
          <Typography.Title level={3} className="plan-detail__title">
            {p.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {p.unitName} · {t('plans.fields.year')} {p.year}
            {p.issuedOn ? ` · ${t('plans.fields.issuedOn')} ${formatDate(p.issuedOn)}` : ''}
          </Typography.Text>
        </div>
        {actions}
      </div>

      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {p.revisedById && (
          <Alert type="warning" showIcon message={<span>{t('plans.detail.supersededBy')} <Link to={`/plans/${p.revisedById}`}>{t('plans.detail.openRevision')}</Link></span>} />
        )}
        {p.revisionOfId && (
          <Alert type="info" showIcon message={<span>{t('plans.detail.revisionOf')} <Link to={`/plans/${p.revisionOfId}`}>{t('plans.detail.openPrevious')}</Link></span>} />
        )}
        {p.parentPlanId && (
          <Alert type="info" showIcon message={<span>{t('plans.detail.derivedFrom')} <Link to={`/plans/${p.parentPlanId}`}>{t('plans.detail.openParent')}</Link></span>} />
        )}
        {!p.editable && p.canWrite && p.status !== 'superseded' && (
          <Alert type="info" message={p.status === 'in_review' ? t('plans.detail.readOnlyReview') : t('plans.detail.readOnly')} />
        )}

        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'content',
              label: t('plans.detail.content'),
              children: editing ? (
                <Card
                  title={t('plans.detail.editing')}
                  extra={
                    <Space>
                      <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
                      <Button type="primary" loading={update.isPending} disabled={!editing.title.trim()} onClick={() => void onSave()}>
                        {t('common.save')}
                      </Button>
                    </Space>
                  }
                >
                  <PlanEditor value={editing} onChange={setEditing} indicators={indicators.data?.items ?? []} />
                </Card>
              ) : (
                <PlanContentView
                  plan={p.content}
                  indicators={indicators.data?.items ?? []}
                  allocations={p.allocations}
                  execution={p.status === 'issued' || p.status === 'closed' ? { planId: p.id, progress: p.activityProgress, canRecord: p.canRecordProgress } : undefined}
                />
              ),
            },
            {
              key: 'allocations',
              label: t('plans.allocation.tab'),
              children: <AllocationEditor plan={p} />,
            },
            ...(p.status === 'issued' || p.status === 'closed' || p.status === 'superseded'
              ? [
                  {
                    key: 'units',
                    label: t('plans.boundUnits.tab'),
                    children: <BoundUnits planId={p.id} active={tab === 'units'} />,
                  },
                ]
              : []),
            {
              key: 'versions',
              label: t('plans.detail.versions', { count: versions.data?.total ?? 0 }),
              children: versions.data ? <VersionList items={versions.data.items} currentPlanId={p.id} /> : <Skeleton active />,
            },
          ]}
          tabBarExtraContent={
            p.status === 'issued' || p.status === 'closed' ? (
              <Button type="link" icon={<CalendarOutlined />} onClick={() => navigate(`/plans/calendar?year=${p.year}`)}>
                {t('plans.detail.onCalendar')}
              </Button>
            ) : null
          }
        />
      </Space>

      <Modal
        open={deriveOpen}
        title={t('plans.actions.derive')}
        okText={t('plans.actions.deriveOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !deriveUnit, loading: derive.isPending }}
        onOk={() => void onDerive()}
        onCancel={() => setDeriveOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t('plans.actions.deriveHelp')}</Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={t('plans.fields.unitName')} htmlFor="derive-unit">
            <UnitPicker
              id="derive-unit"
              value={deriveUnit}
              onChange={(v) => setDeriveUnit(Array.isArray(v) ? v[0] : v)}
              initialUnits={initialUnits.filter((u) => u.id !== p.unitId)}
              levelLabel={(code) => levelLabel(code, me.data?.tenant.levels, language, t)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
