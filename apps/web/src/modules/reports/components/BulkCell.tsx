import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatViNumberText, parseViNumberText } from '../../../lib/number-input';
import type { CellMessage } from '../bulk-grid';

/**
 * One cell of the bulk-entry grid: a plain input (a grid holds thousands; antd's InputNumber is too heavy
 * for that), showing 2.500 when at rest and what the user types while editing. The messages of the cell
 * (the API's refusal, the national checks) are written under it.
 */
export const BulkCell = memo(function BulkCell({
  unitId,
  columnKey,
  value,
  label,
  messages,
  readOnly,
  dirty,
  onChange,
}: {
  unitId: string;
  columnKey: string;
  value: number | null;
  label: string;
  messages: CellMessage[] | undefined;
  readOnly: boolean;
  dirty: boolean;
  onChange: (unitId: string, columnKey: string, value: number | null) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const severity = invalid || messages?.some((m) => m.severity === 'error') ? 'error' : messages?.length ? 'warning' : undefined;

  const commit = () => {
    if (text === null) return;
    const trimmed = text.trim();
    setText(null);
    if (trimmed === '') {
      setInvalid(null);
      onChange(unitId, columnKey, null);
      return;
    }
    const parsed = Number(parseViNumberText(trimmed));
    if (!/\d/.test(trimmed) || !Number.isFinite(parsed) || parsed < 0) {
      setInvalid(trimmed);
      return;
    }
    setInvalid(null);
    onChange(unitId, columnKey, parsed);
  };

  const classes = ['bulk-cell', severity ? `bulk-cell--${severity}` : '', dirty ? 'bulk-cell--dirty' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`cell-${unitId}-${columnKey}`}>
      <input
        className="bulk-cell__input"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={severity === 'error' || undefined}
        readOnly={readOnly}
        value={text ?? invalid ?? formatViNumberText(value)}
        onFocus={(e) => {
          if (readOnly) return;
          setText(invalid ?? formatViNumberText(value));
          e.currentTarget.select();
        }}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            setText(null);
            setInvalid(null);
            e.currentTarget.blur();
          }
        }}
      />
      {(invalid || messages?.length) && (
        <ul className="bulk-cell__messages">
          {invalid && (
            <li className="bulk-cell__message bulk-cell__message--error" role="alert">
              {t('bulkEntry.notNumber', { text: invalid })}
            </li>
          )}
          {messages?.map((m) => (
            <li key={m.text} className={`bulk-cell__message bulk-cell__message--${m.severity}`} role={m.severity === 'error' ? 'alert' : undefined}>
              {m.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
