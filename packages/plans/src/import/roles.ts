/**
 * What a section is for, read from its heading. To add a section keyword, extend SECTION_KEYWORDS (the
 * first rule that matches wins; headings are compared without diacritics).
 */
import { foldVietnamese } from '../text/vietnamese';

export type SectionRole =
  | 'purposesAndRequirements'
  | 'purposes'
  | 'requirements'
  | 'targets'
  | 'funding'
  | 'assignments'
  | 'reporting'
  | 'logistics'
  | 'content';

export const SECTION_KEYWORDS: readonly [RegExp, SectionRole][] = [
  [/muc dich.*yeu cau|yeu cau.*muc dich/u, 'purposesAndRequirements'],
  [/^(?:\S+\s+)?muc dich|^muc tieu$/u, 'purposes'],
  [/^yeu cau/u, 'requirements'],
  [/chi tieu/u, 'targets'],
  [/kinh phi|nguon luc tai chinh|^tai chinh/u, 'funding'],
  [/to chuc thuc hien|phan cong|trach nhiem thuc hien|trach nhiem cua cac/u, 'assignments'],
  [/che do (?:thong tin )?bao cao|thong tin bao cao/u, 'reporting'],
  [/^(?:thoi gian|dia diem|thanh phan|so luong|chuong trinh hoi nghi|dai bieu|noi dung trong tam phat bieu)/u, 'logistics'],
];

export function sectionRole(heading: string): SectionRole {
  const f = foldVietnamese(heading).replace(/[^\p{L}\d\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  for (const [re, role] of SECTION_KEYWORDS) if (re.test(f)) return role;
  return 'content';
}
