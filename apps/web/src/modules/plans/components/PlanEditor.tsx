import { useMemo, type ReactNode } from 'react';
import { Badge, Button, Card, Col, Collapse, DatePicker, Empty, Form, Input, InputNumber, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PLAN_COMPARATORS, PLAN_LEVELS, PLAN_LINK_PREFILL_CONFIDENCE, PLAN_PERIOD_KINDS, type IndicatorLink, type IndicatorListItem, type PlanContent } from '@sen/contracts';
import { DATE_FORMAT, formatNumber, toIsoDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { indicatorName } from '../../../lib/labels';
import { COMPARATOR_SYMBOLS, periodKindLabel } from '../labels';
import { editPlan, linksByTarget, pendingSuggestions } from '../plan-edit';
import { LinesInput } from './LinesInput';
import { SectionEditor } from './SectionEditor';

const LEVELS = PLAN_LEVELS;

interface PlanEditorProps {
  value: PlanContent;
  onChange: (next: PlanContent) => void;
  /** Indicators suggested for the targets (POST /plans/suggest-links). */
  links?: IndicatorLink[];
  indicators?: IndicatorListItem[];
  /** Panels opened at first. */
  defaultOpen?: string[];
  /** Shown at the top of the general panel (e.g. the issuing unit picker). */
  extraGeneral?: ReactNode;
}

const date = (iso: string | null | undefined) => (iso ? dayjs(iso) : null);

/** Every part of a plan, editable: the review screen after an import and the editor of a draft. */
export function PlanEditor({ value: plan, onChange, links = [], indicators = [], defaultOpen = ['general', 'targets'], extraGeneral }: PlanEditorProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const edit = (fn: (d: PlanContent) => void) => onChange(editPlan(plan, fn));
  const suggestions = useMemo(() => linksByTarget(links), [links]);
  const indicatorByCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const levelOptions = LEVELS.map((l) => ({ value: l, label: t(`plans.levels.${l}`) }));
  const count = (n: number) => <Badge count={n} showZero color={n ? '#c41d7f' : '#bfbfbf'} overflowCount={999} />;

  const general = (
    <Row gutter={[16, 0]}>
      {extraGeneral && <Col span={24}>{extraGeneral}</Col>}
      <Col xs={24} md={8}>
        <Form.Item label={t('plans.fields.number')} htmlFor="plan-number" extra={t('plans.review.numberHelp')}>
          <Input id="plan-number" value={plan.number ?? ''} placeholder="31/KH-BTV" allowClear onChange={(e) => edit((d) => void (d.number = e.target.value.trim() ? e.target.value : null))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label={t('plans.fields.issuedOn')} htmlFor="plan-issued-on">
          <DatePicker id="plan-issued-on" value={date(plan.issuedOn)} format={DATE_FORMAT} style={{ width: '100%' }} onChange={(v) => edit((d) => void (d.issuedOn = v ? toIsoDate(v) : null))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label={t('plans.fields.place')} htmlFor="plan-place">
          <Input id="plan-place" value={plan.place ?? ''} onChange={(e) => edit((d) => void (d.place = e.target.value || null))} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label={t('plans.fields.title')} htmlFor="plan-title" required>
          <Input.TextArea id="plan-title" value={plan.title} autoSize={{ minRows: 2, maxRows: 5 }} onChange={(e) => edit((d) => void (d.title = e.target.value))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('plans.fields.issuer')} htmlFor="plan-issuer">
          <Input id="plan-issuer" value={plan.issuer ?? ''} onChange={(e) => edit((d) => void (d.issuer = e.target.value || null))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('plans.fields.programme')} htmlFor="plan-programme">
          <Input id="plan-programme" value={plan.programme ?? ''} onChange={(e) => edit((d) => void (d.programme = e.target.value || null))} />
        </Form.Item>
      </Col>
    </Row>
  );

  const legalBases = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {plan.legalBases.map((b, i) => (
        <Card size="small" key={i} className="plan-card" extra={<RemoveButton onClick={() => edit((d) => void d.legalBases.splice(i, 1))} />} title={`${i + 1}. ${b.kind ?? ''} ${b.number ?? ''}`}>
          <Row gutter={[8, 8]}>
            <Col xs={12} md={6}>
              <Input addonBefore={t('plans.fields.kind')} value={b.kind ?? ''} onChange={(e) => edit((d) => void (d.legalBases[i]!.kind = e.target.value || null))} />
            </Col>
            <Col xs={12} md={6}>
              <Input addonBefore={t('plans.fields.numberShort')} value={b.number ?? ''} onChange={(e) => edit((d) => void (d.legalBases[i]!.number = e.target.value || null))} />
            </Col>
            <Col xs={24} md={12}>
              <DatePicker value={date(b.date)} format={DATE_FORMAT} placeholder={t('plans.fields.date')} style={{ width: '100%' }} onChange={(v) => edit((d) => void (d.legalBases[i]!.date = v ? toIsoDate(v) : null))} />
            </Col>
            <Col span={24}>
              <Input addonBefore={t('plans.fields.issuedBy')} value={b.issuer ?? ''} onChange={(e) => edit((d) => void (d.legalBases[i]!.issuer = e.target.value || null))} />
            </Col>
            <Col span={24}>
              <Input.TextArea value={b.title ?? ''} placeholder={t('plans.fields.about')} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => edit((d) => void (d.legalBases[i]!.title = e.target.value || null))} />
            </Col>
          </Row>
        </Card>
      ))}
      <AddButton label={t('plans.review.addLegalBasis')} onClick={() => edit((d) => void d.legalBases.push({ kind: 'Kế hoạch', number: null, date: null, issuer: null, title: null }))} />
    </Space>
  );

  const purposes = (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label={t('plans.fields.purposes')}>
          <LinesInput value={plan.purposes} aria-label={t('plans.fields.purposes')} placeholder={t('plans.review.onePerLine')} onChange={(v) => edit((d) => void (d.purposes = v))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('plans.fields.requirements')}>
          <LinesInput value={plan.requirements} aria-label={t('plans.fields.requirements')} placeholder={t('plans.review.onePerLine')} onChange={(v) => edit((d) => void (d.requirements = v))} />
        </Form.Item>
      </Col>
    </Row>
  );

  const targets = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {plan.targets.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.review.noTargets')} />}
      {plan.targets.map((target, i) => {
        const suggested = suggestions.get(i) ?? [];
        const chosen = target.indicatorCode ? suggested.find((s) => s.code === target.indicatorCode) : undefined;
        const suggestedCodes = new Set(suggested.map((s) => s.code));
        const options = [
          ...(suggested.length
            ? [
                {
                  label: t('plans.review.suggested'),
                  options: suggested.map((s) => ({
                    value: s.code,
                    label: `${(indicatorByCode.get(s.code) ? indicatorName(indicatorByCode.get(s.code)!, language) : undefined) ?? s.code} · ${formatNumber(s.confidence * 100, 0)}%`,
                  })),
                },
              ]
            : []),
          {
            label: t('plans.review.allIndicators'),
            options: indicators.filter((ind) => !suggestedCodes.has(ind.code)).map((ind) => ({ value: ind.code, label: indicatorName(ind, language) })),
          },
        ];
        return (
          <Card
            size="small"
            key={i}
            className="plan-card plan-target"
            data-testid="plan-target"
            title={`${t('plans.fields.target')} ${i + 1}`}
            extra={<RemoveButton onClick={() => edit((d) => void d.targets.splice(i, 1))} />}
          >
            <Space direction="vertical" style={{ width: '100%' }} size={8}>
              <Input.TextArea value={target.text} aria-label={`${t('plans.fields.target')} ${i + 1}`} autoSize={{ minRows: 1, maxRows: 6 }} onChange={(e) => edit((d) => void (d.targets[i]!.text = e.target.value))} />
              <Row gutter={[8, 8]}>
                <Col xs={8} md={4}>
                  <Select
                    aria-label={t('plans.fields.comparator')}
                    value={target.comparator ?? ''}
                    style={{ width: '100%' }}
                    options={[{ value: '', label: '—' }, ...PLAN_COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_SYMBOLS[c] }))]}
                    onChange={(v: string) => edit((d) => void (d.targets[i]!.comparator = (v || null) as (typeof d.targets)[number]['comparator']))}
                  />
                </Col>
                <Col xs={16} md={6}>
                  <InputNumber
                    aria-label={t('plans.fields.value')}
                    value={target.value}
                    style={{ width: '100%' }}
                    decimalSeparator=","
                    placeholder={t('plans.fields.value')}
                    onChange={(v) => edit((d) => void (d.targets[i]!.value = typeof v === 'number' ? v : null))}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Input aria-label={t('plans.fields.unit')} placeholder={t('plans.fields.unit')} value={target.unit ?? ''} onChange={(e) => edit((d) => void (d.targets[i]!.unit = e.target.value || null))} />
                </Col>
                <Col xs={12} md={8}>
                  <Select
                    aria-label={t('plans.fields.level')}
                    allowClear
                    placeholder={t('plans.fields.level')}
                    value={target.level ?? undefined}
                    style={{ width: '100%' }}
                    options={levelOptions}
                    onChange={(v?: string) => edit((d) => void (d.targets[i]!.level = v ?? null))}
                  />
                </Col>
                <Col span={24}>
                  <div className="plan-indicator">
                    <Select
                      aria-label={t('plans.fields.indicator')}
                      className="plan-indicator__select"
                      showSearch
                      allowClear
                      optionFilterProp="label"
                      placeholder={t('plans.review.pickIndicator')}
                      value={target.indicatorCode ?? undefined}
                      options={options}
                      onChange={(v?: string) => edit((d) => void (d.targets[i]!.indicatorCode = v ?? null))}
                    />
                    {chosen && (
                      <Tooltip title={t('plans.review.confidenceHelp')}>
                        <Tag color={chosen.confidence >= PLAN_LINK_PREFILL_CONFIDENCE ? 'green' : chosen.confidence >= 0.5 ? 'gold' : 'default'} data-testid="plan-confidence">
                          {t('plans.review.confidence', { value: formatNumber(chosen.confidence * 100, 0) })}
                        </Tag>
                      </Tooltip>
                    )}
                  </div>
                  {pendingSuggestions(target, suggested).length > 0 && (
                    <div className="plan-indicator__suggestions" data-testid="plan-suggestions">
                      <Typography.Text type="secondary">{t('plans.review.suggestionsToPick')}</Typography.Text>{' '}
                      {pendingSuggestions(target, suggested).map((sug) => (
                        <Button
                          key={sug.code}
                          size="small"
                          className="plan-indicator__suggestion"
                          onClick={() => edit((d) => void (d.targets[i]!.indicatorCode = sug.code))}
                        >
                          {indicatorByCode.get(sug.code)?.name ?? sug.code} · {formatNumber(sug.confidence * 100, 0)}%
                        </Button>
                      ))}
                    </div>
                  )}
                </Col>
              </Row>
            </Space>
          </Card>
        );
      })}
      <AddButton label={t('plans.review.addTarget')} onClick={() => edit((d) => void d.targets.push({ text: '', value: null, unit: null, comparator: null, level: null }))} />
    </Space>
  );

  const activities = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {plan.activities.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.review.noActivities')} />}
      {plan.activities.length > 0 && <Typography.Text type="secondary">{t('plans.review.activityLevelHelp')}</Typography.Text>}
      {plan.activities.map((a, i) => (
        <Card size="small" key={i} className="plan-card" data-testid="plan-activity" title={`${t('plans.fields.activity')} ${i + 1}`} extra={<RemoveButton onClick={() => edit((d) => void d.activities.splice(i, 1))} />}>
          <Space direction="vertical" style={{ width: '100%' }} size={8}>
            <Input.TextArea value={a.name} aria-label={`${t('plans.fields.activity')} ${i + 1}`} autoSize={{ minRows: 1, maxRows: 5 }} onChange={(e) => edit((d) => void (d.activities[i]!.name = e.target.value))} />
            <Row gutter={[8, 8]}>
              <Col xs={24} md={10}>
                <Input addonBefore={t('plans.fields.time')} value={a.time.text ?? ''} onChange={(e) => edit((d) => void (d.activities[i]!.time.text = e.target.value || null))} />
              </Col>
              <Col xs={24} md={14}>
                <DatePicker.RangePicker
                  format={DATE_FORMAT}
                  style={{ width: '100%' }}
                  value={[date(a.time.from), date(a.time.to)]}
                  allowEmpty={[true, true]}
                  onChange={(range) =>
                    edit((d) => {
                      d.activities[i]!.time.from = range?.[0] ? toIsoDate(range[0]) : null;
                      d.activities[i]!.time.to = range?.[1] ? toIsoDate(range[1]) : null;
                    })
                  }
                />
              </Col>
              <Col xs={24} md={10}>
                <Select
                  aria-label={`${t('plans.fields.level')} (${t('plans.fields.activity')} ${i + 1})`}
                  allowClear
                  placeholder={t('plans.review.activityLevel')}
                  value={a.level ?? undefined}
                  style={{ width: '100%' }}
                  options={levelOptions}
                  onChange={(v?: (typeof LEVELS)[number]) => edit((d) => void (d.activities[i]!.level = v ?? null))}
                />
              </Col>
              <Col xs={24} md={12}>
                <Select mode="tags" aria-label={t('plans.fields.lead')} placeholder={t('plans.fields.lead')} value={a.leadUnits} style={{ width: '100%' }} onChange={(v: string[]) => edit((d) => void (d.activities[i]!.leadUnits = v))} open={false} />
              </Col>
              <Col xs={24} md={12}>
                <Select mode="tags" aria-label={t('plans.fields.cooperating')} placeholder={t('plans.fields.cooperating')} value={a.cooperatingUnits} style={{ width: '100%' }} onChange={(v: string[]) => edit((d) => void (d.activities[i]!.cooperatingUnits = v))} open={false} />
              </Col>
              <Col span={24}>
                <LinesInput
                  value={a.items ?? []}
                  aria-label={`${t('plans.fields.activityItems')} (${t('plans.fields.activity')} ${i + 1})`}
                  placeholder={t('plans.review.activityItems')}
                  minRows={1}
                  onChange={(v) =>
                    edit((d) => {
                      if (v.length > 0) d.activities[i]!.items = v;
                      else delete d.activities[i]!.items;
                    })
                  }
                />
              </Col>
            </Row>
          </Space>
        </Card>
      ))}
      <AddButton label={t('plans.review.addActivity')} onClick={() => edit((d) => void d.activities.push({ name: '', time: { text: null, from: null, to: null }, leadUnits: [], cooperatingUnits: [] }))} />
    </Space>
  );

  const assignments = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {plan.assignments.map((a, i) => (
        <Card size="small" key={i} className="plan-card" extra={<RemoveButton onClick={() => edit((d) => void d.assignments.splice(i, 1))} />} title={a.unit || `${t('plans.fields.assignment')} ${i + 1}`}>
          <Space direction="vertical" style={{ width: '100%' }} size={8}>
            <Row gutter={8}>
              <Col flex="auto">
                <Input aria-label={t('plans.fields.unitName')} value={a.unit} placeholder={t('plans.fields.unitName')} onChange={(e) => edit((d) => void (d.assignments[i]!.unit = e.target.value))} />
              </Col>
              <Col flex="150px">
                <Select
                  value={a.role}
                  style={{ width: '100%' }}
                  options={[
                    { value: 'lead', label: t('plans.roles.lead') },
                    { value: 'cooperating', label: t('plans.roles.cooperating') },
                  ]}
                  onChange={(v: 'lead' | 'cooperating') => edit((d) => void (d.assignments[i]!.role = v))}
                />
              </Col>
            </Row>
            <LinesInput value={a.tasks} aria-label={t('plans.fields.tasks')} placeholder={t('plans.review.onePerLine')} onChange={(v) => edit((d) => void (d.assignments[i]!.tasks = v))} />
          </Space>
        </Card>
      ))}
      <AddButton label={t('plans.review.addAssignment')} onClick={() => edit((d) => void d.assignments.push({ unit: '', role: 'lead', tasks: [] }))} />
    </Space>
  );

  const obligations = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {plan.reportingObligations.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.review.noObligations')} />}
      {plan.reportingObligations.map((o, i) => (
        <Card size="small" key={i} className="plan-card" data-testid="plan-obligation" extra={<RemoveButton onClick={() => edit((d) => void d.reportingObligations.splice(i, 1))} />} title={periodKindLabel(o.periodKind, language)}>
          <Row gutter={[8, 8]}>
            <Col xs={12} md={6}>
              <Select
                aria-label={t('plans.fields.periodKind')}
                value={o.periodKind}
                style={{ width: '100%' }}
                options={PLAN_PERIOD_KINDS.map((k) => ({ value: k, label: periodKindLabel(k, language) }))}
                onChange={(v: (typeof PLAN_PERIOD_KINDS)[number]) => edit((d) => void (d.reportingObligations[i]!.periodKind = v))}
              />
            </Col>
            <Col xs={12} md={6}>
              <Input
                aria-label={t('plans.fields.deadline')}
                addonBefore={t('plans.fields.before')}
                placeholder="13/06"
                value={o.deadline ?? ''}
                status={o.deadline && !/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])$/.test(o.deadline) ? 'error' : undefined}
                onChange={(e) => edit((d) => void (d.reportingObligations[i]!.deadline = e.target.value.trim() || null))}
              />
            </Col>
            <Col xs={24} md={12}>
              <Input addonBefore={t('plans.fields.reportTo')} value={o.reportTo ?? ''} onChange={(e) => edit((d) => void (d.reportingObligations[i]!.reportTo = e.target.value || null))} />
            </Col>
            <Col span={24}>
              <Input addonBefore={t('plans.fields.reporter')} value={o.reporter ?? ''} onChange={(e) => edit((d) => void (d.reportingObligations[i]!.reporter = e.target.value || null))} />
            </Col>
          </Row>
        </Card>
      ))}
      <AddButton label={t('plans.review.addObligation')} onClick={() => edit((d) => void d.reportingObligations.push({ periodKind: 'half', deadline: null, reportTo: null, reporter: null }))} />
    </Space>
  );

  const tail = (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label={t('plans.fields.fundingSources')}>
          <LinesInput value={plan.fundingSources} aria-label={t('plans.fields.fundingSources')} placeholder={t('plans.review.onePerLine')} onChange={(v) => edit((d) => void (d.fundingSources = v))} minRows={1} />
        </Form.Item>
        <Form.Item label={t('plans.fields.recipients')}>
          <LinesInput value={plan.recipients} aria-label={t('plans.fields.recipients')} placeholder={t('plans.review.onePerLine')} onChange={(v) => edit((d) => void (d.recipients = v))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('plans.fields.onBehalfOf')} htmlFor="plan-sign-behalf">
          <Input id="plan-sign-behalf" value={plan.signatory.onBehalfOf ?? ''} placeholder="TM. BAN THƯỜNG VỤ" onChange={(e) => edit((d) => void (d.signatory.onBehalfOf = e.target.value || null))} />
        </Form.Item>
        <Form.Item label={t('plans.fields.signTitle')} htmlFor="plan-sign-title">
          <Input id="plan-sign-title" value={plan.signatory.title ?? ''} placeholder="PHÓ CHỦ TỊCH" onChange={(e) => edit((d) => void (d.signatory.title = e.target.value || null))} />
        </Form.Item>
        <Form.Item label={t('plans.fields.signName')} htmlFor="plan-sign-name">
          <Input id="plan-sign-name" value={plan.signatory.name ?? ''} onChange={(e) => edit((d) => void (d.signatory.name = e.target.value || null))} />
        </Form.Item>
      </Col>
    </Row>
  );

  const sectionCount = (list: PlanContent['sections']): number => list.reduce((n, s) => n + 1 + sectionCount(s.children), 0);

  return (
    <Form layout="vertical" component="div" className="plan-editor">
      <Collapse
        defaultActiveKey={defaultOpen}
        items={[
          { key: 'general', label: t('plans.review.general'), children: general },
          { key: 'legal', label: <PanelLabel text={t('plans.fields.legalBases')} badge={count(plan.legalBases.length)} />, children: legalBases },
          { key: 'purposes', label: <PanelLabel text={t('plans.review.purposes')} badge={count(plan.purposes.length + plan.requirements.length)} />, children: purposes },
          { key: 'targets', label: <PanelLabel text={t('plans.fields.targets')} badge={count(plan.targets.length)} />, children: targets },
          {
            key: 'sections',
            label: <PanelLabel text={t('plans.fields.sections')} badge={count(sectionCount(plan.sections))} />,
            children: <SectionEditor sections={plan.sections} onChange={(sections) => edit((d) => void (d.sections = sections))} />,
          },
          { key: 'activities', label: <PanelLabel text={t('plans.fields.activities')} badge={count(plan.activities.length)} />, children: activities },
          { key: 'assignments', label: <PanelLabel text={t('plans.fields.assignments')} badge={count(plan.assignments.length)} />, children: assignments },
          { key: 'obligations', label: <PanelLabel text={t('plans.fields.obligations')} badge={count(plan.reportingObligations.length)} />, children: obligations },
          { key: 'tail', label: t('plans.review.tail'), children: tail },
        ]}
      />
    </Form>
  );
}

function PanelLabel({ text, badge }: { text: string; badge: ReactNode }) {
  return (
    <span className="plan-panel-label">
      <Typography.Text strong>{text}</Typography.Text> {badge}
    </span>
  );
}

function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('plans.review.remove')} title={t('plans.review.remove')} onClick={onClick} />;
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="dashed" icon={<PlusOutlined />} onClick={onClick} block>
      {label}
    </Button>
  );
}
