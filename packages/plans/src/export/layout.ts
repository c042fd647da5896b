/**
 * The official document laid out as blocks (Nghị định 30/2020/NĐ-CP): a two-column header (issuing body and
 * number left; national name, motto and place/date right), the kind and title centred, the body, then
 * "Nơi nhận" left and the signature right. The docx and text renderers both draw this layout, so what the
 * text export shows is what the importer will read back from the Word file.
 */
import type { ExportablePlan, Section } from '../model/types';
import { toRoman } from '../import/classify';
import { formatDocumentDate } from '../time/dates';
import { upperVietnamese } from '../text/vietnamese';
import { bodySections, preambleText } from './compose';
import { block, officialHeader, recipientBlocks, signatureBlocks, type Block, type DocumentLayout } from './official';

export type { Run, Block, DocumentLayout } from './official';

export const KIND_TITLES: Record<string, string> = {
  KH: 'KẾ HOẠCH',
  CTr: 'CHƯƠNG TRÌNH',
  ĐA: 'ĐỀ ÁN',
  HD: 'HƯỚNG DẪN',
  PA: 'PHƯƠNG ÁN',
  DA: 'DỰ ÁN',
};

/** "Số: 31/KH-BTV"; an unnumbered draft keeps the blank for the number: "Số:      /KH". */
export function numberLine(plan: ExportablePlan): string {
  return plan.number ? `Số: ${plan.number}` : `Số:      /${plan.kind}`;
}

/** "Hà Nội, ngày 07 tháng 02 năm 2024". */
export function dateLine(plan: ExportablePlan): string {
  const date = plan.issuedOn ? formatDocumentDate(plan.issuedOn) : null;
  const place = plan.place ?? '';
  if (!date) return `${place ? `${place}, ` : ''}ngày      tháng      năm`;
  return place ? `${place}, ${date}` : date;
}

function sectionNumber(depth: number, path: number[]): string {
  if (depth === 0) return `${toRoman(path[0] ?? 1)}.`;
  if (depth <= 3) return `${path.slice(1).join('.')}.`;
  return `${String.fromCharCode(96 + Math.min(26, path[path.length - 1] ?? 1))})`;
}

const NEXT_BULLET: Record<string, '-' | '+' | '•'> = { numbered: '-', '-': '+', '+': '•', '•': '•' };

function writeSection(s: Section, depth: number, path: number[], out: Block[]): void {
  const marker = s.marker ?? 'numbered';
  if (marker === 'numbered') {
    if (s.heading) {
      const text = `${sectionNumber(depth, path)} ${s.heading}`;
      out.push(block(text, { bold: depth <= 1, italics: depth >= 2, indent: true, keepNext: true, spaceBefore: depth === 0 ? 6 : 3 }));
    }
  } else {
    out.push(block(`${marker} ${s.heading}:`, { indent: true, keepNext: true }));
  }
  const itemMarker = NEXT_BULLET[marker] ?? '-';
  const children = [...s.children].sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
  let childNo = 0;
  let ci = 0;
  const writeChild = (c: Section): void => {
    if ((c.marker ?? 'numbered') === 'numbered') {
      childNo++;
      writeSection(c, depth + 1, [...path, childNo], out);
    } else writeSection(c, depth + 1, path, out);
  };
  for (let i = 0; i <= s.items.length; i++) {
    while (ci < children.length && (children[ci]?.at ?? s.items.length) <= i) {
      const c = children[ci++];
      if (c) writeChild(c);
    }
    const item = s.items[i];
    if (item !== undefined) out.push(block(`${itemMarker} ${item}`, { indent: true }));
  }
  while (ci < children.length) {
    const c = children[ci++];
    if (c) writeChild(c);
  }
}

/** Lays the plan out as the official document. */
export function layoutPlan(plan: ExportablePlan): DocumentLayout {
  const issuingBody = plan.issuingBody ?? (plan.issuer ? upperVietnamese(plan.issuer) : null);
  const { headerLeft, headerRight } = officialHeader({ parentBody: plan.parentBody, issuingBody, numberLine: numberLine(plan), dateLine: dateLine(plan) });

  const title: Block[] = [block(KIND_TITLES[plan.kind] ?? 'KẾ HOẠCH', { align: 'center', bold: true, spaceBefore: 18 })];
  if (plan.title) title.push(block(plan.title, { align: 'center', bold: true, ruleAfter: 'short', spaceAfter: 12 }));

  const body: Block[] = [];
  const preamble = preambleText(plan);
  if (preamble) body.push(block(preamble, { indent: true }));
  const sections = bodySections(plan);
  let top = 0;
  for (const s of sections) {
    if (!s.heading && (s.marker ?? 'numbered') === 'numbered') {
      writeSection(s, 0, [0], body);
      continue;
    }
    top++;
    writeSection(s, 0, [top], body);
  }
  if (plan.closing) body.push(block(plan.closing.replace(/\.?\s*$/u, './.'), { indent: true, spaceBefore: 6 }));

  const recipients = recipientBlocks(plan.recipients);
  const signature = signatureBlocks(plan.signatory);
  return { headerLeft, headerRight, title, body, recipients, signature };
}

/** The layout as plain text, one paragraph per block, in the order a reader (or mammoth) meets them. */
export function layoutToText(layout: DocumentLayout): string {
  const all = [...layout.headerLeft, ...layout.headerRight, ...layout.title, ...layout.body, ...layout.recipients, ...layout.signature];
  return all.map((b) => b.runs.map((r) => r.text).join('')).join('\n\n') + '\n';
}
