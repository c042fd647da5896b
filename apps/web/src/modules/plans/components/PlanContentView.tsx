import { Card, Col, Descriptions, Empty, List, Row, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorListItem, PlanActivityProgress, PlanAllocation, PlanContent } from '@sen/contracts';
import { formatDate, formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { COMPARATOR_SYMBOLS, periodKindLabel } from '../labels';
import { ActivityStatusControl } from './ActivityStatusControl';
import { SectionEditor } from './SectionEditor';

interface Props {
  plan: PlanContent;
  indicators?: IndicatorListItem[];
  allocations?: PlanAllocation[];
  unitNames?: Record<string, string>;
  /** An issued plan's activities: their level and progress (by index), and whether the user may record it. */
  execution?: { planId: string; progress: PlanActivityProgress[]; canRecord: boolean };
}

/** A plan's structure, read-only: what the importer found or the user entered. */
export function PlanContentView({ plan, indicators = [], allocations = [], execution }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const indicatorName = (code: string | null | undefined) => (code ? (indicators.find((i) => i.code === code)?.name ?? code) : null);
  const allocated = (i: number) => allocations.filter((a) => a.targetIndex === i);

  return (
    <div className="plan-view">
      <Card size="small" title={t('plans.review.general')} className="plan-view__card">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('plans.fields.number')}>{plan.number ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.issuedOn')}>
            {plan.place ? `${plan.place}, ` : ''}
            {formatDate(plan.issuedOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.issuer')}>{plan.issuer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.programme')}>{plan.programme ?? '—'}</Descriptions.Item>
        </Descriptions>
        {plan.legalBases.length > 0 && (
          <>
            <Typography.Title level={5}>{t('plans.fields.legalBases')}</Typography.Title>
            <ul className="plan-view__list">
              {plan.legalBases.map((b, i) => (
                <li key={i}>
                  {[b.introducedBy, b.kind, b.number ? `số ${b.number}` : null, b.date ? `ngày ${formatDate(b.date)}` : null, b.issuer ? `của ${b.issuer}` : null, b.title ? `về ${b.title}` : null]
                    .filter(Boolean)
                    .join(' ')}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      {(plan.purposes.length > 0 || plan.requirements.length > 0) && (
        <Card size="small" title={t('plans.review.purposes')} className="plan-view__card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Typography.Text strong>{t('plans.fields.purposes')}</Typography.Text>
              <ul className="plan-view__list">{plan.purposes.map((p, i) => <li key={i}>{p}</li>)}</ul>
            </Col>
            <Col xs={24} md={12}>
              <Typography.Text strong>{t('plans.fields.requirements')}</Typography.Text>
              <ul className="plan-view__list">{plan.requirements.map((p, i) => <li key={i}>{p}</li>)}</ul>
            </Col>
          </Row>
        </Card>
      )}

      <Card size="small" title={t('plans.fields.targets')} className="plan-view__card">
        {plan.targets.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.review.noTargets')} />
        ) : (
          <List
            dataSource={plan.targets.map((target, i) => ({ target, i }))}
            renderItem={({ target, i }) => (
              <List.Item>
                <div className="plan-view__target">
                  <div>{target.text}</div>
                  <div className="plan-view__target-meta">
                    {target.value !== null && (
                      <Tag color="magenta">
                        {target.comparator ? `${COMPARATOR_SYMBOLS[target.comparator]} ` : ''}
                        {formatNumber(target.value)} {target.unit ?? ''}
                      </Tag>
                    )}
                    {target.level && <Tag>{t(`plans.levels.${target.level}`, { defaultValue: target.level })}</Tag>}
                    {target.indicatorCode && <Tag color="cyan">{indicatorName(target.indicatorCode)}</Tag>}
                    {allocated(i).length > 0 && (
                      <Typography.Text type="secondary">{t('plans.detail.allocatedTo', { count: allocated(i).length })}</Typography.Text>
                    )}
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>

      {plan.sections.length > 0 && (
        <Card size="small" title={t('plans.fields.sections')} className="plan-view__card">
          <SectionEditor sections={plan.sections} onChange={() => undefined} readOnly />
        </Card>
      )}

      <Card size="small" title={t('plans.fields.activities')} className="plan-view__card">
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={plan.activities}
          onRow={() => ({ 'data-testid': 'plan-activity-row' }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('plans.review.noActivities') }}
          scroll={{ x: 600 }}
          columns={[
            {
              key: 'name',
              title: t('plans.fields.activity'),
              render: (_v, a) => (
                <>
                  <div>{a.name}</div>
                  {a.items && a.items.length > 0 && (
                    <ul className="plan-view__items">
                      {a.items.map((item, j) => (
                        <li key={j}>{item}</li>
                      ))}
                    </ul>
                  )}
                </>
              ),
            },
            {
              key: 'time',
              title: t('plans.fields.time'),
              width: 200,
              render: (_v, a) => (
                <>
                  <div>{a.time.text ?? '—'}</div>
                  {a.time.from && (
                    <Typography.Text type="secondary">
                      {formatDate(a.time.from)} – {formatDate(a.time.to)}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            { key: 'lead', title: t('plans.fields.lead'), width: 220, render: (_v, a) => [...a.leadUnits, ...a.cooperatingUnits.map((u) => `${u} (${t('plans.roles.cooperating').toLowerCase()})`)].join('; ') || '—' },
            {
              key: 'level',
              title: t('plans.fields.level'),
              width: 120,
              render: (_v, a, i) => {
                const level = execution?.progress.find((p) => p.idx === i)?.level ?? a.level ?? null;
                return level ? t(`plans.levels.${level}`, { defaultValue: level }) : '—';
              },
            },
            ...(execution
              ? [
                  {
                    key: 'status',
                    title: t('plans.progress.status'),
                    width: 220,
                    render: (_v: unknown, a: PlanContent['activities'][number], i: number) => {
                      const p = execution.progress.find((x) => x.idx === i);
                      return (
                        <ActivityStatusControl
                          planId={execution.planId}
                          idx={i}
                          name={a.name}
                          status={p?.status ?? 'planned'}
                          doneOn={p?.doneOn ?? null}
                          note={p?.note ?? null}
                          dateTo={a.time.to ?? a.time.from}
                          canRecord={execution.canRecord}
                        />
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {plan.assignments.length > 0 && (
        <Card size="small" title={t('plans.fields.assignments')} className="plan-view__card">
          {plan.assignments.map((a, i) => (
            <div key={i} className="plan-view__assignment">
              <Typography.Text strong>
                {a.unit} {a.role === 'cooperating' && <Tag>{t('plans.roles.cooperating')}</Tag>}
              </Typography.Text>
              <ul className="plan-view__list">{a.tasks.map((task, k) => <li key={k}>{task}</li>)}</ul>
            </div>
          ))}
        </Card>
      )}

      <Card size="small" title={t('plans.fields.obligations')} className="plan-view__card">
        {plan.reportingObligations.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.review.noObligations')} />
        ) : (
          <ul className="plan-view__list">
            {plan.reportingObligations.map((o, i) => (
              <li key={i}>
                <Typography.Text strong>{periodKindLabel(o.periodKind, language)}</Typography.Text>
                {o.deadline ? ` — ${t('plans.fields.before').toLowerCase()} ${o.deadline}` : ''}
                {o.reportTo ? ` — ${t('plans.fields.reportTo').toLowerCase()} ${o.reportTo}` : ''}
                {o.reporter ? <Typography.Text type="secondary"> ({o.reporter})</Typography.Text> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card size="small" title={t('plans.review.tail')} className="plan-view__card">
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Typography.Text strong>{t('plans.fields.recipients')}</Typography.Text>
            <ul className="plan-view__list">{plan.recipients.map((r, i) => <li key={i}>{r}</li>)}</ul>
          </Col>
          <Col xs={24} md={10} className="plan-view__signature">
            <div>{plan.signatory.onBehalfOf}</div>
            <div>{plan.signatory.title}</div>
            <div className="plan-view__signer">{plan.signatory.name}</div>
          </Col>
        </Row>
      </Card>
    </div>
  );
}
