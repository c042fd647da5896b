import type { UnitSpec } from '@sen/db';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Thị', 'Thị', 'Thị Thanh', 'Thị Minh', 'Thị Thu', 'Thị Kim', 'Ngọc'];
const GIVEN = ['Hoa', 'Lan', 'Hương', 'Mai', 'Thu', 'Hằng', 'Nga', 'Liên', 'Hạnh', 'Thủy', 'Yến', 'Phương', 'Linh', 'Trang', 'Hà', 'Oanh', 'Nhung', 'Hiền', 'Loan', 'Tuyết', 'Dung', 'Huệ', 'Ngân', 'Vân'];
/** Mobile prefixes in use in Việt Nam (Viettel, VinaPhone, MobiFone). */
const MOBILE = ['086', '096', '097', '098', '032', '035', '038', '088', '091', '094', '083', '089', '090', '093', '070', '079'];

/** FNV-1a: the same unit always gets the same contact, whatever else the seed holds. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface DemoContact {
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

const NONE: DemoContact = { contactName: null, contactPhone: null, contactEmail: null };

/**
 * A plausible, made-up contact (the chairwoman of the union) for the current unions above the branches; about
 * one commune in twenty has none on record, as in real life. E-mail addresses use the reserved example.org.
 */
export function demoContact(u: UnitSpec): DemoContact {
  if (u.validTo || u.kind !== 'union' || u.level === 'branch' || u.level === 'group') return NONE;
  const h = hash(u.key);
  if (u.level === 'grassroots' && h % 20 === 7) return NONE;
  const name = `${FAMILY[h % FAMILY.length]} ${MIDDLE[(h >>> 4) % MIDDLE.length]} ${GIVEN[(h >>> 8) % GIVEN.length]}`;
  const digits = String((h >>> 3) % 10_000_000).padStart(7, '0');
  const phone = `${MOBILE[(h >>> 12) % MOBILE.length]} ${digits.slice(0, 3)} ${digits.slice(3)}`;
  const mailbox = `hoiphunu.${(u.code ?? u.key).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return { contactName: name, contactPhone: phone, contactEmail: `${mailbox}@example.org` };
}
