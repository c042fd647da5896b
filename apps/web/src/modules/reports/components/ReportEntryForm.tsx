import { forwardRef, useImperativeHandle, useMemo, useState } from 'react';
import { Card, Form, Grid, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@sen/contracts';
import { formatNumber } from '../../../lib/format';
import { toNarrativeBody } from '../narrative';
import {
  groupIndicators,
  issuesByIndicator,
  isRatio,
  toCategoryEntryValues,
  toCategoryValuesBody,
  toEntryValues,
  toValuesBody,
  unexplainedWarnings,
  type CategoryEntryValues,
  type EntryValues,
} from '../report-form';
import { IndicatorInput } from './IndicatorInput';
import { NarrativeFields } from './NarrativeFields';

export interface EntryFormValues {
  values: EntryValues;
  /** Values per category of the disaggregated indicators. */
  categories: CategoryEntryValues;
  comments: Record<string, string | undefined>;
  narrative: Record<string, string | undefined>;
}

export interface ReportEntryFormHandle {
  /** The PUT body for what the form holds now: the totals, then the categories, the explanations and the narrative. */
  body: () => ReturnType<typeof toValuesBody>;
  comments: () => Record<string, string | undefined>;
  dirty: () => boolean;
  markSaved: () => void;
  scrollTo: (code: string) => void;
}

/** The entry form of a report: one input per indicator, grouped, with the API's issues beside each. */
export const ReportEntryForm = forwardRef<
  ReportEntryFormHandle,
  {
    report: ReportDetail;
    readOnly: boolean;
    /** Errors of a refused save or submission, by indicator. */
    serverErrors: Map<string, string[]>;
    /** After a submission attempt: warnings without explanation are marked. */
    showMissingComments: boolean;
    onDirty: () => void;
  }
>(function ReportEntryForm({ report, readOnly, serverErrors, showMissingComments, onDirty }, ref) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EntryFormValues>();
  // Laptops: name on the left, inputs aligned in one column on the right; phones: one under the other.
  const wide = !!Grid.useBreakpoint().md;
  const [dirty, setDirty] = useState(false);
  const groups = useMemo(() => groupIndicators(report.indicators), [report.indicators]);
  const issues = useMemo(() => issuesByIndicator(report.issues), [report.issues]);
  const comments = Form.useWatch('comments', form) as Record<string, string | undefined> | undefined;
  const unexplained = new Set(showMissingComments ? unexplainedWarnings(report.issues, comments ?? report.warningComments) : []);
  // Taken once: later answers of the API (after a save) must not overwrite what is being typed.
  const [initial] = useState<EntryFormValues>(() => ({
    values: toEntryValues(report),
    categories: toCategoryEntryValues(report),
    comments: { ...(report.warningComments ?? {}) },
    narrative: { ...(report.narrative ?? {}) },
  }));

  useImperativeHandle(ref, () => ({
    body: () => {
      const v = form.getFieldsValue(true) as EntryFormValues;
      const body = toValuesBody(report.indicators, v.values, v.comments, report.version);
      body.values.push(...toCategoryValuesBody(report.indicators, v.categories, report.values));
      const narrative = toNarrativeBody(v.narrative, report.narrative);
      if (narrative !== undefined) body.narrative = narrative;
      return body;
    },
    comments: () => (form.getFieldsValue(true) as EntryFormValues).comments ?? {},
    dirty: () => dirty,
    markSaved: () => setDirty(false),
    scrollTo: (code: string) => {
      const el = document.getElementById(`indicator-${code}`);
      if (typeof el?.scrollIntoView === 'function') el.scrollIntoView({ behavior: 'smooth', block: 'center' });
      el?.querySelector<HTMLInputElement>('input, textarea')?.focus({ preventScroll: true });
    },
  }));

  const filled = report.indicators.filter((ind) => {
    const v = report.values.find((x) => x.indicator === ind.code && x.category === '');
    return v && (isRatio(ind) ? v.numerator !== null && v.denominator !== null : v.value !== null);
  }).length;

  return (
    <Form<EntryFormValues>
      form={form}
      layout={wide ? 'horizontal' : 'vertical'}
      labelAlign="left"
      labelWrap
      colon={false}
      labelCol={wide ? { flex: '1 1 0' } : undefined}
      wrapperCol={wide ? { flex: '0 0 440px' } : undefined}
      initialValues={initial}
      className="report-entry"
      onValuesChange={() => {
        if (!dirty) setDirty(true);
        onDirty();
      }}
      requiredMark={false}
    >
      <Typography.Text type="secondary" className="report-entry__progress">
        {t('reports.entry.progress', { filled: formatNumber(filled), total: formatNumber(report.indicators.length) })}
      </Typography.Text>
      {groups.map((group) => (
        <Card
          key={group.key}
          className="report-group"
          title={
            <span>
              {t(`reports.groups.${group.key}`)} <Tag>{formatNumber(group.items.length)}</Tag>
            </span>
          }
          size="small"
        >
          <Typography.Paragraph type="secondary" className="report-group__help">
            {t(`reports.groupsHelp.${group.key}`)}
          </Typography.Paragraph>
          <div className="report-group__rows">
            {group.items.map((ind) => (
              <IndicatorInput
                key={ind.code}
                indicator={ind}
                issues={issues.get(ind.code) ?? []}
                extraErrors={(issues.get(ind.code)?.length ?? 0) > 0 ? [] : (serverErrors.get(ind.code) ?? [])}
                readOnly={readOnly}
                commentMissing={unexplained.has(ind.code)}
              />
            ))}
          </div>
        </Card>
      ))}
      <NarrativeFields headings={report.narrativeSections} stored={report.narrative} readOnly={readOnly} />
    </Form>
  );
});
