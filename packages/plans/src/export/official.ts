/**
 * The parts every official document shares (Nghị định 30/2020/NĐ-CP), whatever its kind — a plan, a
 * summary report: the two-column header (parent and issuing body, number; national name, motto, place
 * and date), "Nơi nhận" and the signature block. Plans and reports lay themselves out with these, so both
 * look the same and a change to the official layout is made once.
 */
import { upperVietnamese } from '../text/vietnamese';

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

export interface Block {
  runs: Run[];
  align: 'left' | 'center' | 'justify';
  /** Font size in points. */
  size: number;
  /** First-line indent (body paragraphs). */
  indent?: boolean;
  /** A short centred rule under the block (under the issuing body, the motto and the title). */
  ruleAfter?: 'short' | 'motto';
  spaceBefore?: number;
  spaceAfter?: number;
  keepNext?: boolean;
}

export interface DocumentLayout {
  headerLeft: Block[];
  headerRight: Block[];
  title: Block[];
  body: Block[];
  recipients: Block[];
  signature: Block[];
}

/** One paragraph of a single run; body text (justified, 14 pt) unless told otherwise. */
export const block = (text: string, extra: Partial<Block> & { bold?: boolean; italics?: boolean } = {}): Block => {
  const { bold, italics, ...rest } = extra;
  return { runs: [{ text, bold, italics }], align: 'justify', size: 14, ...rest };
};

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface OfficialHeader {
  /** The body above the issuer ("HỘI LHPN VIỆT NAM"), upper-cased here. */
  parentBody?: string | null;
  /** The issuing body, bold and underlined ("BAN THƯỜNG VỤ HỘI LHPN HÀ NỘI"), upper-cased here. */
  issuingBody?: string | null;
  /** "Số: 31/KH-BTV". */
  numberLine: string;
  /** "Hà Nội, ngày 07 tháng 02 năm 2024". */
  dateLine: string;
}

/** The header: issuing body and number on the left, national name, motto and place/date on the right. */
export function officialHeader(h: OfficialHeader): Pick<DocumentLayout, 'headerLeft' | 'headerRight'> {
  const headerLeft: Block[] = [];
  if (h.parentBody) headerLeft.push(block(upperVietnamese(h.parentBody), { align: 'center', size: 12 }));
  if (h.issuingBody) headerLeft.push(block(upperVietnamese(h.issuingBody), { align: 'center', size: 12, bold: true, ruleAfter: 'short' }));
  headerLeft.push(block(h.numberLine, { align: 'center', size: 13, spaceBefore: 6 }));
  const headerRight: Block[] = [
    block(NATIONAL_NAME, { align: 'center', size: 12, bold: true }),
    block(NATIONAL_MOTTO, { align: 'center', size: 14, bold: true, ruleAfter: 'motto' }),
    block(h.dateLine, { align: 'center', size: 14, italics: true, spaceBefore: 6 }),
  ];
  return { headerLeft, headerRight };
}

/** "Nơi nhận:" and one line per recipient, the last ending with a full stop. */
export function recipientBlocks(recipients: readonly string[]): Block[] {
  const out: Block[] = [];
  if (recipients.length === 0) return out;
  out.push(block('Nơi nhận:', { align: 'left', size: 12, bold: true, italics: true }));
  recipients.forEach((r, i) => {
    const end = i === recipients.length - 1 ? '.' : ';';
    out.push(block(`- ${r}${end}`, { align: 'left', size: 11 }));
  });
  return out;
}

export interface OfficialSignatory {
  /** "TM. BAN THƯỜNG VỤ". */
  onBehalfOf?: string | null;
  /** "PHÓ CHỦ TỊCH". */
  title?: string | null;
  name?: string | null;
}

/** The signature block: on behalf of, title, room to sign, then the name. */
export function signatureBlocks(sig: OfficialSignatory): Block[] {
  const out: Block[] = [];
  if (sig.onBehalfOf) out.push(block(upperVietnamese(sig.onBehalfOf), { align: 'center', bold: true }));
  if (sig.title) out.push(block(upperVietnamese(sig.title), { align: 'center', bold: true }));
  if (sig.name) {
    for (let i = 0; i < 4; i++) out.push(block('', { align: 'center' }));
    out.push(block(sig.name, { align: 'center', bold: true }));
  }
  return out;
}
