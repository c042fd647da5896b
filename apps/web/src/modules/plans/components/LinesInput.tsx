import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { linesToList, sameList } from '../plan-edit';

interface LinesInputProps {
  value: string[];
  onChange: (next: string[]) => void;
  placeholder?: string;
  'aria-label'?: string;
  minRows?: number;
}

/** A list of texts edited as lines (one item per line); the typed text is kept while the list matches it. */
export function LinesInput({ value, onChange, placeholder, minRows = 2, ...rest }: LinesInputProps) {
  const [text, setText] = useState(() => value.join('\n'));
  useEffect(() => {
    setText((current) => (sameList(linesToList(current), value) ? current : value.join('\n')));
  }, [value]);
  return (
    <Input.TextArea
      value={text}
      aria-label={rest['aria-label']}
      placeholder={placeholder}
      autoSize={{ minRows, maxRows: 14 }}
      onChange={(e) => {
        setText(e.target.value);
        onChange(linesToList(e.target.value));
      }}
    />
  );
}
