import { Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { narrativeSections, type NarrativeSectionKey } from '../narrative';

/** The narrative part of the report: one text box per heading. */
export function NarrativeFields({ stored, readOnly }: { stored: Record<string, string> | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const titles: Record<NarrativeSectionKey, string> = {
    results: t('reportNarrative.results'),
    shortcomings: t('reportNarrative.shortcomings'),
    nextTasks: t('reportNarrative.nextTasks'),
    proposals: t('reportNarrative.proposals'),
  };
  const hints: Record<NarrativeSectionKey, string> = {
    results: t('reportNarrative.resultsHint'),
    shortcomings: t('reportNarrative.shortcomingsHint'),
    nextTasks: t('reportNarrative.nextTasksHint'),
    proposals: t('reportNarrative.proposalsHint'),
  };
  // A report that cannot be edited shows the sections that were written, not empty boxes.
  const sections = narrativeSections(stored).filter((s) => !readOnly || (stored?.[s.key] ?? '').trim().length > 0);
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
          label={s.standard ? `${i + 1}. ${titles[s.key as NarrativeSectionKey]}` : s.key}
          className="report-narrative__section"
          // The narrative is read as a whole: label above the text whatever the width.
          labelCol={{ span: 24 }}
          wrapperCol={{ span: 24 }}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 16 }}
            maxLength={20000}
            readOnly={readOnly}
            variant={readOnly ? 'filled' : 'outlined'}
            placeholder={readOnly ? undefined : s.standard ? hints[s.key as NarrativeSectionKey] : undefined}
          />
        </Form.Item>
      ))}
    </Card>
  );
}
