/**
 * The end of the document: closing paragraph ("Trên đây là Kế hoạch …./."), "Nơi nhận:" with its list,
 * and the signature block ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", name).
 */
import type { Signatory } from '../model/types';
import { isUpperCaseText, excerpt } from '../text/vietnamese';
import type { Paragraph } from './normalize';

export const RECIPIENTS_LINE = /^Nơi\s+nhận\s*:?\s*(.*)$/iu;
export const CLOSING_LINE = /^Trên\s+đây\s+là\s/iu;
export const ON_BEHALF_LINE = /^(TM|KT|Q|TL|TUQ|T\/M)\s*\.\s*(\p{Lu}[\p{Lu}\s,.-]*)$/u;
const TITLE = String.raw`(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|TRƯỞNG\s+BAN|GIÁM\s+ĐỐC|BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG|TỔNG\s+BIÊN\s+TẬP|TRƯỞNG\s+PHÒNG|ỦY\s+VIÊN|UỶ\s+VIÊN)(?:\s+THƯỜNG\s+TRỰC)?`;
export const TITLE_LINE = new RegExp(String.raw`^${TITLE}$`, 'u');
const TITLE_AT_END = new RegExp(String.raw`\s(${TITLE})$`, 'u');
const NAME_LINE = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;

/** True when the paragraph starts the tail (closing, recipients, signature). */
export function startsTail(text: string): boolean {
  return RECIPIENTS_LINE.test(text) || CLOSING_LINE.test(text) || ON_BEHALF_LINE.test(text);
}

export interface TailInfo {
  closing: string | null;
  recipients: string[];
  signatory: Signatory;
  warnings: string[];
}

function cleanRecipient(s: string): string {
  return s.replace(/^[-–—•+]\s*/u, '').replace(/[\s;,.]+$/u, '').trim();
}

export function parseTail(paragraphs: Paragraph[], start: number): TailInfo {
  const warnings: string[] = [];
  const recipients: string[] = [];
  const signatory: Signatory = { onBehalfOf: null, title: null, name: null };
  let closing: string | null = null;
  let state: 'body' | 'recipients' | 'signature' = 'body';
  let sawRecipients = false;

  const acceptSignatureLine = (text: string): boolean => {
    const ob = ON_BEHALF_LINE.exec(text);
    if (ob && ob[1] && ob[2] && signatory.onBehalfOf === null) {
      let rest = ob[2].trim();
      const t = TITLE_AT_END.exec(rest);
      if (t && t[1] && t.index > 0) {
        signatory.title = t[1];
        rest = rest.slice(0, t.index).trim();
      }
      signatory.onBehalfOf = `${ob[1]}. ${rest}`.replace(/\s+/g, ' ');
      state = 'signature';
      return true;
    }
    if (TITLE_LINE.test(text) && signatory.title === null && (state === 'signature' || state === 'recipients' || state === 'body')) {
      signatory.title = text.replace(/\s+/g, ' ');
      state = 'signature';
      return true;
    }
    if (state === 'signature' && signatory.name === null && NAME_LINE.test(text) && !isUpperCaseText(text)) {
      signatory.name = text;
      return true;
    }
    return false;
  };

  for (let i = start; i < paragraphs.length; i++) {
    const text = paragraphs[i]?.text ?? '';
    if (CLOSING_LINE.test(text) && closing === null && state === 'body') {
      closing = text.replace(/\s*\.\/\.\s*$/u, '.').trim();
      continue;
    }
    const r = RECIPIENTS_LINE.exec(text);
    if (r) {
      state = 'recipients';
      sawRecipients = true;
      const rest = r[1] ?? '';
      for (const part of rest.split(/\s*(?:^|\s)[-–—]\s+/u)) {
        const c = cleanRecipient(part);
        if (c) recipients.push(c);
      }
      continue;
    }
    if (acceptSignatureLine(text)) continue;
    if (state === 'recipients' && /^[-–—•+]\s*\S/u.test(text)) {
      const c = cleanRecipient(text);
      if (c) recipients.push(c);
      continue;
    }
    warnings.push(`Nội dung cuối văn bản chưa được xếp vào mục nào: "${excerpt(text, 120)}".`);
  }
  if (!sawRecipients) warnings.push('Không tìm thấy mục "Nơi nhận".');
  if (signatory.onBehalfOf === null && signatory.title === null && signatory.name === null) {
    warnings.push('Không tìm thấy chữ ký (TM. …, chức vụ, họ tên người ký).');
  }
  return { closing, recipients, signatory, warnings };
}
