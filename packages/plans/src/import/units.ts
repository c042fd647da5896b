/**
 * Recognising organisational units in plan text ("Ban Tuyên giáo", "Văn phòng", "Hội LHPN các quận, huyện,
 * thị xã", "Sở Du lịch") and the hierarchy levels named in a phrase ("Cấp Thành phố" → province).
 *
 * To recognise another kind of unit, add its first word(s) to UNIT_START; to add a level word, extend LEVELS.
 */
import type { UnitLevel } from '../model/types';
import { capitalizeFirst } from '../text/vietnamese';

/** How unit names begin (first words). Followed by a negative list of common non-unit phrases. */
const UNIT_START =
  /^(?:các\s+|Các\s+)?(?:Ban|Văn\s+phòng|Trung\s+tâm|Báo|Tạp\s+chí|Hội|Thành\s+hội|Tỉnh\s+hội|Sở|sở|ban|Ủy\s+ban|Uỷ\s+ban|UBND|HĐND|Đoàn|Liên\s+minh|Liên\s+đoàn|Chi\s+nhánh|Cơ\s+quan|Công\s+an|Bộ|Cục|Phòng|Thường\s+trực|Thường\s+vụ|Đảng\s+ủy|Đảng\s+uỷ|Thành\s+ủy|Thành\s+uỷ|Huyện\s+ủy|Cấp\s+ủy|Mặt\s+trận|MTTQ|Hiệp\s+hội|Câu\s+lạc\s+bộ|CLB|đơn\s+vị|Đơn\s+vị|Bệnh\s+viện|Trường|Ngân\s+hàng|Chi\s+hội|Cơ\s+sở\s+Hội|cơ\s+sở\s+Hội|tổ\s+chức\s+thành\s+viên)(?![\p{L}])/u;

const NOT_UNIT =
  /^(?:các\s+|Các\s+)?(?:Hội\s+(?:nghị|thảo|thi|chợ|diễn|trường|viên|phí|nhập|ý)|Ban\s+hành|ban\s+hành|Báo\s+cáo|Đoàn\s+kết|Phòng\s*,|Phòng\s+(?:ngừa|chống|tránh)|Bộ\s+(?:tiêu\s+chí|máy|phận)|Trường\s+hợp|Hội\s+LHPN\s+đang)(?![\p{L}])/u;

/** Lower-case verbs that end a unit name at the start of a sentence ("Ban Tuyên giáo chủ trì …"). */
const VERBS = [
  'chủ trì',
  'phối hợp',
  'phối kết hợp',
  'tham mưu',
  'là',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'căn cứ',
  'xây dựng',
  'thực hiện',
  'tổ chức',
  'theo dõi',
  'triển khai',
  'hướng dẫn',
  'tham gia',
  'chỉ đạo',
  'phê duyệt',
  'đảm bảo',
  'bảo đảm',
  'phụ trách',
  'cung cấp',
  'thường xuyên',
  'tập trung',
  'chủ động',
  'kiểm tra',
  'đôn đốc',
  'nghiên cứu',
  'rà soát',
  'tiếp tục',
  'đề xuất',
  'vận động',
  'tuyên truyền',
  'giám sát',
  'hỗ trợ tổ chức',
  'báo cáo',
  'tích cực',
];
const VERB_RE = new RegExp(String.raw`(?<![\p{L}])(?<!(?:các|những|Các|Những|mọi)\s)(?:${VERBS.map((v) => v.replace(/ /g, String.raw`\s+`)).join('|')})(?![\p{L}])`, 'u');

/** Words that start another unit in a list ("Ban A, Ban B và Văn phòng"); capitalised on purpose. */
const LIST_UNIT_START = /^(?:Ban|Văn\s+phòng|Trung\s+tâm|Báo|Sở|Hội|Ủy\s+ban|Uỷ\s+ban|UBND|Liên\s+minh|Chi\s+nhánh|Thành\s+hội|Cơ\s+quan|Phòng|Tạp\s+chí)(?![\p{L}])/u;

export function looksLikeUnit(text: string): boolean {
  const t = text.trim();
  return UNIT_START.test(t) && !NOT_UNIT.test(t);
}

/** Splits "Ban A, Ban B và Văn phòng" into units; "Hội LHPN các quận, huyện, thị xã" stays whole. */
export function splitUnitList(text: string): string[] {
  const t = text.replace(/\s+/g, ' ').trim();
  const colon = /^(?:các|Các)\s+(Sở|sở|Ban|ban)\s*:\s*(.+)$/u.exec(t);
  if (colon && colon[1] !== undefined && colon[2] !== undefined) {
    const noun = capitalizeFirst(colon[1]);
    return colon[2]
      .split(/\s*[,;]\s*/u)
      .map((p) => p.trim())
      .filter((p) => p.length > 0)
      .map((p) => (LIST_UNIT_START.test(p) ? p : `${noun} ${p}`));
  }
  const parts: string[] = [];
  let current = '';
  const tokens = t.split(/(\s*,\s*|\s+và\s+)/u);
  for (let i = 0; i < tokens.length; i += 2) {
    const piece = tokens[i] ?? '';
    const sep = i > 0 ? (tokens[i - 1] ?? '') : '';
    if (i > 0 && LIST_UNIT_START.test(piece)) {
      parts.push(current.trim());
      current = piece;
    } else {
      current += sep + piece;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts.map((p) => capitalizeFirst(p.replace(/[\s,;.:]+$/u, ''))).filter((p) => p.length > 0);
}

export interface UnitClause {
  units: string[];
  /** The rest of the sentence, from the verb on, capitalised. */
  task: string;
}

/**
 * "Giao Ban Tuyên giáo chủ trì …", "Giao cho Văn phòng … chủ trì …", "Ban Tổ chức - Kiểm tra phối hợp …":
 * the units named at the start and the task that follows. Null when the sentence does not start with a unit.
 */
export function unitClause(text: string): UnitClause | null {
  const giao = /^(?:Giao\s+(?:cho\s+)?|Đề\s+nghị\s+|Trân\s+trọng\s+đề\s+nghị\s+)/u.exec(text);
  const body = giao ? text.slice(giao[0].length) : text;
  if (!looksLikeUnit(body)) return null;
  // "Hội LHPN thành phố: Chủ trì giám sát …": the label before the colon is the unit.
  const label = /^([^:;.]{3,120}?)\s*:\s+(\p{Lu}.*)$/u.exec(body);
  if (label?.[1] && label[2] && looksLikeUnit(label[1]) && !VERB_RE.test(label[1])) {
    return { units: splitUnitList(label[1]), task: capitalizeFirst(label[2].trim()) };
  }
  const verb = VERB_RE.exec(body);
  if (!verb || verb.index === 0) return null;
  const head = body.slice(0, verb.index).trim().replace(/[,:]$/u, '');
  if (head.split(/\s+/).length > 22) return null;
  const task = body.slice(verb.index).trim();
  if (!task) return null;
  return { units: splitUnitList(head), task: capitalizeFirst(task) };
}

/** A heading naming units: "1.2. Ban Tuyên giáo", "Giao Trung tâm …", "Trân trọng đề nghị các sở, ngành Thành phố". */
export function unitHeading(heading: string): { units: string[]; external: boolean; role: 'lead' | 'cooperating' | null } | null {
  let h = heading.trim();
  let role: 'lead' | 'cooperating' | null = null;
  const roleMark = /\s*\((phối hợp|chủ trì)\)\s*$/iu.exec(h);
  if (roleMark) {
    role = (roleMark[1] ?? '').toLowerCase() === 'phối hợp' ? 'cooperating' : 'lead';
    h = h.slice(0, roleMark.index);
  }
  const external = /^(?:Trân\s+trọng\s+đề\s+nghị|Đề\s+nghị|Kính\s+đề\s+nghị)\s/iu.test(h);
  h = h.replace(/^(?:Giao\s+(?:cho\s+)?|Trân\s+trọng\s+đề\s+nghị\s+|Kính\s+đề\s+nghị\s+|Đề\s+nghị\s+)/iu, '');
  if (!looksLikeUnit(h) || h.split(/\s+/).length > 30) return null;
  if (VERB_RE.test(h) && !/^(?:các|Các)\s+(?:Sở|sở|Ban|ban)\s*:/u.test(h)) {
    const clause = unitClause(h);
    if (clause && clause.task.split(/\s+/).length >= 5) return null; // a sentence, not a heading
  }
  return { units: splitUnitList(h), external, role };
}

const LEVEL_PATTERNS: readonly [UnitLevel, RegExp][] = [
  [
    'province',
    /(?<![\p{L}])(?:cấp\s+(?:thành\s+phố|tỉnh)|thành\s+hội|tỉnh\s+hội|hội\s+(?:lhpn|liên\s+hiệp\s+phụ\s+nữ|phụ\s+nữ)\s+(?:thành\s+phố|tỉnh|tp))(?![\p{L}])/iu,
  ],
  ['district', /(?<![\p{L}])(?:cấp\s+huyện|quận|huyện|thị\s+xã)(?![\p{L}])/iu],
  ['grassroots', /(?<![\p{L}])(?:cơ\s+sở\s+hội|cấp\s+cơ\s+sở|mỗi\s+cơ\s+sở|phường|(?<!(?:thị|tác)\s)xã(?!\s+hội)|thị\s+trấn)(?![\p{L}])/iu],
  ['branch', /(?<![\p{L}])chi\s+hội(?!\s+trưởng)(?![\p{L}])/iu],
  ['group', /(?<![\p{L}])tổ\s+phụ\s+nữ(?![\p{L}])/iu],
];

/** Levels named in a phrase, in order of first mention. */
export function levelsIn(text: string): UnitLevel[] {
  const found: { level: UnitLevel; at: number }[] = [];
  for (const [level, re] of LEVEL_PATTERNS) {
    const m = re.exec(text);
    if (m) found.push({ level, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.level);
}
