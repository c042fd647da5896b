/**
 * Reporting obligations: "báo cáo 6 tháng (trước ngày 13/6) và báo cáo năm (trước 30/10) gửi về … thông qua
 * Ban …", "báo cáo … hằng tháng, quý, năm". Each period named becomes an obligation; a deadline applies to
 * the period named just before it. The deadline is the plan's own, not the end of the period.
 */
import { excerpt } from '../text/vietnamese';
import type { PeriodKind, ReportingObligation } from '../model/types';
import { formatDayMonth } from '../time/dates';

interface Token {
  at: number;
  kind: PeriodKind;
  deadline: string | null;
}

const WORD_KIND: Record<string, PeriodKind> = { tháng: 'month', quý: 'quarter', năm: 'year' };

const UNIT_WORDS = String.raw`(?:Ban|Văn\s+phòng|Trung\s+tâm|Hội|Thường\s+trực|Đoàn\s+Chủ\s+tịch|Sở|UBND|Ủy\s+ban|Uỷ\s+ban|Thành\s+hội|Tỉnh\s+hội|Thành\s+ủy|Thành\s+uỷ|Cơ\s+quan|Phòng)`;
const STOP = String.raw`(?=\s+(?:để|trước|theo|nhằm|thông\s+qua|qua|và\s+báo\s+cáo|đồng\s+thời)\s|[,;.(]|$)`;
const VIA = new RegExp(String.raw`thông\s+qua\s+(${UNIT_WORDS}[^,;.(]*?)${STOP}`, 'u');
const TO = new RegExp(String.raw`(?:gửi\s+về|gửi\s+lên|gửi|về|lên|cho)\s+(${UNIT_WORDS}[^,;.(]*?)${STOP}`, 'u');

function periodTokens(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (at: number, kind: PeriodKind): void => {
    if (!tokens.some((t) => t.kind === kind)) tokens.push({ at, kind, deadline: null });
  };
  for (const m of text.matchAll(/(?<![\p{L}\d])(?:6|sáu)\s+tháng(?![\p{L}])/giu)) push(m.index, 'half');
  for (const m of text.matchAll(/(?:hằng|hàng|định\s+kỳ)\s+((?:tháng|quý|năm)(?:\s*(?:,|và|\/)\s*(?:tháng|quý|năm))*)(?![\p{L}])/giu)) {
    const list = m[1] ?? '';
    const base = m.index + m[0].length - list.length;
    for (const w of list.matchAll(/tháng|quý|năm/giu)) {
      const kind = WORD_KIND[w[0].toLowerCase()];
      if (kind) push(base + w.index, kind);
    }
  }
  for (const m of text.matchAll(/báo\s+cáo\s+(tháng|quý|năm)(?![\p{L}])(?!\s*\d)/giu)) {
    const kind = WORD_KIND[(m[1] ?? '').toLowerCase()];
    if (kind) push(m.index + m[0].length - (m[1] ?? '').length, kind);
  }
  return tokens.sort((a, b) => a.at - b.at);
}

export function reportTarget(text: string): string | null {
  const plain = text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ');
  const via = VIA.exec(plain);
  if (via && via[1]) return via[1].trim();
  const to = TO.exec(plain);
  return to && to[1] ? to[1].trim() : null;
}

export function extractObligations(entries: { text: string; reporter: string | null }[]): {
  obligations: ReportingObligation[];
  warnings: string[];
} {
  const obligations: ReportingObligation[] = [];
  const warnings: string[] = [];
  for (const { text, reporter } of entries) {
    const at = text.search(/báo\s+cáo/iu);
    if (at < 0) continue;
    const tokens = periodTokens(text);
    if (tokens.length === 0) {
      if (/chế\s+độ|định\s+kỳ|thường\s+xuyên\s+báo\s+cáo/iu.test(text)) {
        warnings.push(`Chế độ báo cáo chưa rõ kỳ báo cáo (tháng, quý, 6 tháng, năm): "${excerpt(text, 140)}".`);
      }
      continue;
    }
    for (const d of text.matchAll(/(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót)\s*(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?!\s*\/\s*\d)/giu)) {
      const deadline = formatDayMonth(Number(d[1]), Number(d[2]));
      const owner = [...tokens].reverse().find((t) => t.at < d.index && t.deadline === null);
      if (owner && deadline) owner.deadline = deadline;
    }
    const to = reportTarget(text.slice(at));
    for (const t of tokens) {
      obligations.push({ periodKind: t.kind, deadline: t.deadline, reportTo: to, reporter });
    }
  }
  return { obligations, warnings };
}
