import { NARRATIVE_HEADINGS_EN } from '@sen/contracts';
import { Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { narrativeSections } from '../narrative';

/** The narrative part of the report: one text box per heading of the form (and any other heading written). */
export function NarrativeFields({ headings, stored, readOnly }: { headings: readonly string[]; stored: Record<string, string> | null; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  // The headings are the form's words; the usual ones have an English label.
  const label = (heading: string) => (i18n.language === 'en' ? NARRATIVE_HEADINGS_EN[heading] ?? heading : heading);
  // A report that cannot be edited shows the sections that were written, not empty boxes.
  const sections = narrativeSections(headings, stored).filter((s) => !readOnly || (stored?.[s.key] ?? '').trim().length > 0);
  return (
    <Card className="report-group report-narrative" size="small" title={t('reportNarrative.title')} id="report-narrative">
      {!readOnly && (
        <Typography.Paragraph type="secondary" className="report-group__help">
          {t('reportNarrative.help')}
        </Typography.Paragraph>
      )}
      {sections.length === 0 && <Typography.Text type="secondary">{t('reportNarrative.none')}</Typography.Text>}
      {sections.map((s, i) => (
        <Form.Item
          key={s.key}
          name={['narrative', s.key]}
          label={`${i + 1}. ${label(s.key)}`}
          className="report-narrative__section"
          // The narrative is read as a whole: label above the text whatever the width.
          labelCol={{ span: 24 }}
          wrapperCol={{ span: 24 }}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} maxLength={20000} readOnly={readOnly} variant={readOnly ? 'filled' : 'outlined'} />
        </Form.Item>
      ))}
    </Card>
  );
}
