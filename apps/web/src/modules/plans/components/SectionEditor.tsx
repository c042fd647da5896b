import { Button, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PlanSection } from '@sen/contracts';
import { LinesInput } from './LinesInput';

interface SectionEditorProps {
  sections: PlanSection[];
  onChange: (next: PlanSection[]) => void;
  readOnly?: boolean;
  /** Numbering of the parent ("II." → children "1.", "2."). */
  depth?: number;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

function marker(depth: number, index: number, section: PlanSection, parentPrefix: string): string {
  if (section.marker && section.marker !== 'numbered') return section.marker;
  if (depth === 0) return `${ROMAN[index] ?? index + 1}.`;
  return `${parentPrefix}${index + 1}.`;
}

/** The nested sections (I. → 1. → 1.1. → bullets) as a tree: headings and items editable, sections added or removed. */
export function SectionEditor({ sections, onChange, readOnly, depth = 0, prefix = '' }: SectionEditorProps & { prefix?: string }) {
  const { t } = useTranslation();
  const set = (i: number, next: PlanSection) => onChange(sections.map((s, k) => (k === i ? next : s)));
  return (
    <ol className={`plan-sections plan-sections--d${Math.min(depth, 3)}`}>
      {sections.map((s, i) => {
        const mark = marker(depth, i, s, prefix);
        const childPrefix = depth === 0 ? '' : `${prefix}${i + 1}.`;
        return (
          <li key={i} className="plan-section">
            {readOnly ? (
              <div>
                <Typography.Text strong>
                  {mark} {s.heading}
                </Typography.Text>
                {s.items.length > 0 && (
                  <ul className="plan-section__items">
                    {s.items.map((item, k) => (
                      <li key={k}>{item}</li>
                    ))}
                  </ul>
                )}
              </div>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }} size={6}>
                <div className="plan-section__head">
                  <span className="plan-section__mark">{mark}</span>
                  <Input value={s.heading} aria-label={t('plans.review.sectionHeading')} onChange={(e) => set(i, { ...s, heading: e.target.value })} />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('plans.review.removeSection')}
                    title={t('plans.review.removeSection')}
                    onClick={() => onChange(sections.filter((_, k) => k !== i))}
                  />
                </div>
                <LinesInput value={s.items} aria-label={t('plans.review.sectionItems')} placeholder={t('plans.review.onePerLine')} onChange={(items) => set(i, { ...s, items })} minRows={1} />
              </Space>
            )}
            {(s.children.length > 0 || !readOnly) && (
              <div className="plan-section__children">
                <SectionEditor sections={s.children} onChange={(children) => set(i, { ...s, children })} readOnly={readOnly} depth={depth + 1} prefix={childPrefix} />
              </div>
            )}
          </li>
        );
      })}
      {!readOnly && (
        <li className="plan-section plan-section--add">
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...sections, { heading: '', items: [], children: [], marker: 'numbered' }])}>
            {depth === 0 ? t('plans.review.addSection') : t('plans.review.addSubsection')}
          </Button>
        </li>
      )}
    </ol>
  );
}
