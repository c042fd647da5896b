import { Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValidationIssueDto } from '@sen/contracts';
import { formatPercent } from '../../../lib/format';
import { viNumberInputProps } from '../../../lib/number-input';
import { currentLanguage } from '../../../i18n';
import { disaggregationsOf, reportIndicatorName } from '../catalogue';
import { isRatio, ratioPercent, type ReportIndicator } from '../report-form';
import { CategoryInputs } from './CategoryInputs';

type Issue = ValidationIssueDto & { indicators?: string[] };

function IssueList({ issues, extra }: { issues: Issue[]; extra: string[] }) {
  const language = currentLanguage();
  if (issues.length === 0 && extra.length === 0) return null;
  return (
    <ul className="indicator-issues">
      {issues.map((i) => (
        <li key={`${i.rule}:${i.severity}`} className={`indicator-issue indicator-issue--${i.severity}`} role={i.severity === 'error' ? 'alert' : undefined}>
          {language === 'en' ? i.messageEn || i.message : i.message}
        </li>
      ))}
      {extra.map((m) => (
        <li key={m} className="indicator-issue indicator-issue--error">
          {m}
        </li>
      ))}
    </ul>
  );
}

/** The label of an indicator: its name, then its unit of measure and code in grey. */
function IndicatorLabel({ indicator }: { indicator: ReportIndicator }) {
  return (
    <span className="indicator-label">
      <span className="indicator-label__name">{reportIndicatorName(indicator, currentLanguage())}</span>
      <Typography.Text type="secondary" className="indicator-label__meta">
        {indicator.unit} · {indicator.code}
      </Typography.Text>
    </span>
  );
}

function RatioPercent({ code }: { code: string }) {
  const { t } = useTranslation();
  const numerator = Form.useWatch(['values', code, 'numerator']) as number | null | undefined;
  const denominator = Form.useWatch(['values', code, 'denominator']) as number | null | undefined;
  const pct = ratioPercent(numerator, denominator);
  return (
    <span className="ratio-result" aria-live="polite" title={t('reports.entry.rate')}>
      <span aria-hidden>= </span>
      <span className="ratio-result__value" data-testid={`ratio-${code}`}>
        {formatPercent(pct, 1)}
      </span>
    </span>
  );
}

/**
 * One indicator of the entry form: a number (or yes/no), or numerator and denominator for a ratio with the
 * rate beside them; the API's issues below, and a box to explain a warning.
 */
export function IndicatorInput({
  indicator,
  issues,
  extraErrors,
  readOnly,
  commentMissing,
}: {
  indicator: ReportIndicator;
  issues: Issue[];
  extraErrors: string[];
  readOnly: boolean;
  commentMissing: boolean;
}) {
  const { t } = useTranslation();
  const severity: 'error' | 'warning' | undefined =
    issues.some((i) => i.severity === 'error') || extraErrors.length > 0 ? 'error' : issues.length > 0 ? 'warning' : undefined;
  const warnings = issues.filter((i) => i.severity === 'warning');
  const percent = indicator.valueType === 'percentage';
  const name = reportIndicatorName(indicator, currentLanguage());
  const disaggregations = disaggregationsOf(indicator.code);
  const categories = disaggregations.length > 0 && <CategoryInputs indicator={indicator} disaggregations={disaggregations} readOnly={readOnly} />;
  const common = {
    ...viNumberInputProps,
    min: 0,
    status: severity,
    readOnly,
    controls: false,
    variant: readOnly ? ('filled' as const) : ('outlined' as const),
    inputMode: indicator.valueType === 'integer' ? ('numeric' as const) : ('decimal' as const),
  };

  const comment = warnings.length > 0 && (
    <Form.Item
      name={['comments', indicator.code]}
      label={t('reports.entry.explain')}
      className="indicator-comment"
      validateStatus={commentMissing ? 'error' : undefined}
      help={commentMissing ? t('reports.entry.explainRequired') : undefined}
    >
      <Input.TextArea rows={2} maxLength={2000} readOnly={readOnly} placeholder={t('reports.entry.explainPlaceholder')} />
    </Form.Item>
  );
  const help = severity ? <IssueList issues={issues} extra={extraErrors} /> : undefined;
  const className = `indicator${severity ? ` indicator--${severity}` : ''}`;

  if (isRatio(indicator)) {
    const numeratorId = `values_${indicator.code}_numerator`;
    return (
      <div className={className} id={`indicator-${indicator.code}`}>
        <Form.Item label={<IndicatorLabel indicator={indicator} />} htmlFor={numeratorId} className="indicator__item" validateStatus={severity} help={help}>
          <div className="ratio-inputs">
            <Form.Item name={['values', indicator.code, 'numerator']} noStyle>
              <InputNumber<number>
                {...common}
                id={numeratorId}
                placeholder={t('reports.entry.numerator')}
                aria-label={`${name} — ${t('reports.entry.numerator')}`}
                className="ratio-inputs__part"
              />
            </Form.Item>
            <span className="ratio-inputs__sep" aria-hidden>
              /
            </span>
            <Form.Item name={['values', indicator.code, 'denominator']} noStyle>
              <InputNumber<number>
                {...common}
                placeholder={t('reports.entry.denominator')}
                aria-label={`${name} — ${t('reports.entry.denominator')}`}
                className="ratio-inputs__part"
              />
            </Form.Item>
            <RatioPercent code={indicator.code} />
          </div>
        </Form.Item>
        {categories}
        {comment}
      </div>
    );
  }

  return (
    <div className={className} id={`indicator-${indicator.code}`}>
      <Form.Item name={['values', indicator.code, 'value']} label={<IndicatorLabel indicator={indicator} />} className="indicator__item" validateStatus={severity} help={help}>
        {indicator.valueType === 'boolean' ? (
          <Radio.Group
            disabled={readOnly}
            options={[
              { value: 1, label: t('reports.entry.yes') },
              { value: 0, label: t('reports.entry.no') },
            ]}
          />
        ) : (
          <InputNumber<number>
            {...common}
            max={percent ? 100 : undefined}
            suffix={percent ? '%' : indicator.unit.length <= 12 ? <span className="indicator__unit">{indicator.unit}</span> : undefined}
            aria-label={name}
            className="indicator__number"
          />
        )}
      </Form.Item>
      {categories}
      {comment}
    </div>
  );
}
