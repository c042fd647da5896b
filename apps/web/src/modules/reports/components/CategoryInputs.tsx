import { Button, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Disaggregation } from '@sen/indicators';
import { formatNumber, formatPercent } from '../../../lib/format';
import { viNumberInputProps } from '../../../lib/number-input';
import { currentLanguage } from '../../../i18n';
import { categoriesTotal, reportIndicatorName } from '../catalogue';
import { isRatio, ratioPercent, type EntryValue, type ReportIndicator } from '../report-form';

/**
 * The per-category inputs of a disaggregated indicator, under its total: one input (or numerator and
 * denominator) per category of each breakdown, the categories' total by the indicator's method, and — when it
 * differs from the total typed above — a button that takes it as the total.
 */
export function CategoryInputs({ indicator, disaggregations, readOnly }: { indicator: ReportIndicator; disaggregations: Disaggregation[]; readOnly: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const ratio = isRatio(indicator);
  const name = reportIndicatorName(indicator, currentLanguage());
  const values = Form.useWatch(['categories', indicator.code], form) as Record<string, EntryValue | undefined> | undefined;
  const total = Form.useWatch(['values', indicator.code], form) as EntryValue | undefined;
  const totalValue = ratio ? ratioPercent(total?.numerator, total?.denominator) : (total?.value ?? null);
  const common = {
    ...viNumberInputProps,
    min: 0,
    readOnly,
    controls: false,
    size: 'small' as const,
    variant: readOnly ? ('filled' as const) : ('outlined' as const),
    inputMode: indicator.valueType === 'integer' ? ('numeric' as const) : ('decimal' as const),
  };

  return (
    <div className="indicator-categories" data-testid={`categories-${indicator.code}`}>
      {disaggregations.map((d) => {
        const sum = categoriesTotal(indicator.code, d, values);
        const shown = ratio ? formatPercent(sum, 1) : formatNumber(sum);
        const differs = sum !== null && (totalValue === null || Math.abs(sum - totalValue) > 1e-9);
        return (
          <div key={d.code} className="indicator-categories__group" role="group" aria-labelledby={`categories-${indicator.code}-${d.code}`}>
            <div className="indicator-categories__legend" id={`categories-${indicator.code}-${d.code}`}>
              {t('reportCategories.by', { name: d.name })}
            </div>
            {d.categories.map((c) => {
              const id = `categories_${indicator.code}_${c.code}`;
              return (
                <div key={c.code} className="indicator-categories__row">
                  <label htmlFor={id} className="indicator-categories__name">
                    {c.name}
                  </label>
                  {ratio ? (
                    <span className="indicator-categories__ratio">
                      <Form.Item name={['categories', indicator.code, c.code, 'numerator']} noStyle>
                        <InputNumber<number> {...common} id={id} placeholder={t('reports.entry.numerator')} aria-label={`${name} — ${c.name} — ${t('reports.entry.numerator')}`} />
                      </Form.Item>
                      <span aria-hidden>/</span>
                      <Form.Item name={['categories', indicator.code, c.code, 'denominator']} noStyle>
                        <InputNumber<number> {...common} placeholder={t('reports.entry.denominator')} aria-label={`${name} — ${c.name} — ${t('reports.entry.denominator')}`} />
                      </Form.Item>
                    </span>
                  ) : (
                    <Form.Item name={['categories', indicator.code, c.code, 'value']} noStyle>
                      <InputNumber<number> {...common} id={id} className="indicator-categories__input" aria-label={`${name} — ${c.name}`} />
                    </Form.Item>
                  )}
                </div>
              );
            })}
            <div className="indicator-categories__total" aria-live="polite">
              <Typography.Text type="secondary">{t('reportCategories.total')}</Typography.Text>{' '}
              <Typography.Text strong data-testid={`categories-total-${indicator.code}-${d.code}`}>
                {shown}
              </Typography.Text>
              {/* Shown to the approver too; only who may edit gets the button. */}
              {differs && !ratio && (
                <>
                  <Typography.Text type="warning" className="indicator-categories__differs">
                    {totalValue === null ? t('reportCategories.noTotal') : t('reportCategories.differs', { total: formatNumber(totalValue) })}
                  </Typography.Text>
                  {!readOnly && (
                    <Button size="small" type="link" onClick={() => form.setFieldValue(['values', indicator.code, 'value'], sum)}>
                      {t('reportCategories.useAsTotal')}
                    </Button>
                  )}
                </>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
