/**
 * Activities: what a unit will do that can be done and reported as done. Read from the content sections:
 * 1. a section with a "Thời gian: …" line: the heading names the activity, its "Nội dung: + …" lines are its
 *    content items, "Địa điểm", "Chủ trì", "Phối hợp" lines its venue and units;
 * 2. a clause with a dated time expression ("… (Quý 4/2024)", "… từ ngày 15/11-15/12/2024");
 * 3. a clause that organises something (tổ chức, phát động, ra mắt, tập huấn, sơ kết, tổng kết, tham gia +
 *    a named event), after at most the one who acts and words of manner;
 * 4. a statement of doing: the first clause of a sentence, or a clause naming its own acting unit, that
 *    opens — after at most the one who acts ("Các huyện", "Thành hội", "Cấp Thành phố", "Hội LHPN các
 *    cấp") and words of manner ("tiếp tục", "tập trung", "tăng cường" …) — with a verb of doing
 *    (ACTION_VERBS: triển khai, thực hiện, xây dựng, thành lập, nhân rộng, duy trì, tuyên truyền, vận động,
 *    hỗ trợ, tham mưu, phối hợp, giám sát …).
 * Not activities: orientations saying how to work ("Tăng cường công tác …", "Đa dạng hóa …", "Ứng dụng …",
 * "Lồng ghép …": no verb of doing after them), descriptions ("Chương trình nhằm …"), labels ("Thời gian: …"),
 * a line introducing the numbered events that follow, and the items of an activity's own section.
 * Lead and cooperating units come from "Chủ trì:"/"Phối hợp:" lines, from the unit that opens the sentence,
 * or from the assignments whose tasks name the activity, its kind of event or its section ("Giao Ban …
 * tham mưu chính nhiệm vụ 3"); failing those, the issuing union. The level is the acting unit's
 * ("Cấp Thành phố", "Thành hội" → province; "Các huyện" → district; "cơ sở Hội" → grassroots; "chi hội" →
 * branch), else the lead units' (a department works at its union's level).
 */
import type { Activity, ActivityTime, Assignment, Section, UnitLevel } from '../model/types';
import { findTimeExpressions, parseTimeExpression } from '../time/expressions';
import { capitalizeFirst, excerpt, parseVietnameseNumber, tokenString } from '../text/vietnamese';
import { flattenItems, sectionContent } from './sections';
import { sectionRole } from './roles';
import { levelsIn, looksLikeUnit, splitUnitList, unitClause } from './units';

export interface ActivityContext {
  title: string;
  defaultYear: number | null;
  assignments: Assignment[];
  mask: (text: string) => string;
  /** The issuing body ("Ban Thường vụ Hội LHPN Hà Nội"): its union is the province level. */
  issuer?: string | null;
}

const TIME_ITEM = /^Thời\s+gian(?:\s+(?:tổ\s+chức|thực\s+hiện|dự\s+kiến))?\s*:\s*(.+)$/iu;
const PLACE_ITEM = /^Địa\s+điểm(?:\s+tổ\s+chức)?\s*:\s*(.+)$/iu;
const LEAD_ITEM = /^(?:Đơn\s+vị\s+)?(?:chủ\s+trì|Chủ\s+trì)(?:\s+thực\s+hiện)?\s*:\s*(.+)$/iu;
const COOP_ITEM = /^(?:Đơn\s+vị\s+)?(?:phối\s+hợp|Phối\s+hợp)(?:\s+thực\s+hiện)?\s*:\s*(.+)$/iu;
/** The heading of an event's programme: "CHƯƠNG TRÌNH HỘI NGHỊ". */
const AGENDA = /^chương\s+trình\s+(?:hội\s+nghị|hội\s+thảo|tọa\s+đàm|toạ\s+đàm|làm\s+việc|buổi)/iu;
const CONTENT_ITEM = /^Nội\s+dung(?:\s+chính)?\s*:\s*(\S.*)$/iu;
const COUNT_ITEM = /^(?:Số\s+lượng\s*:\s*)?(\d{1,3}(?:\.\d{3})*|\d+)\s+(?:đại\s+biểu|người|khách)/iu;

function cleanName(s: string): string {
  return s
    .replace(/\s*(?:\.{2,}|…)\s*$/u, '')
    .replace(/\(\s*$/u, '')
    .replace(/^\s*[,;:.)]+/u, '')
    .replace(/[\s,;:(]+$/u, '')
    .replace(/\s+(?:vào|trong|dự\s+kiến|từ|vào\s+dịp)$/iu, '')
    .replace(/\s*(?:\.{2,}|…)$/u, '')
    .replace(/\.\/\.$|\.$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function units(list: string): string[] {
  return list
    .split(/\s*;\s*/u)
    .flatMap((p) => splitUnitList(p))
    .map((u) => u.replace(/[.;]+$/u, '').trim())
    .filter((u) => u.length > 0);
}

/** Quoted names and the whole name, as folded token strings, for matching with assignment tasks. */
function activityKeys(name: string): string[] {
  const keys = [tokenString(name)];
  for (const m of name.matchAll(/[“"]([^”"]{3,200})[”"]/gu)) {
    const k = tokenString(m[1] ?? '');
    if (k.split(' ').length >= 3) keys.push(k);
  }
  return keys.filter((k) => k.split(' ').length >= 3);
}

/** A task cut into its clauses: one task often gives several duties ("Chủ trì …; Phối hợp …"). */
function taskClauses(task: string): string[] {
  return task
    .split(/;\s*|\.\s+(?=\p{Lu})/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

interface UnitRoles {
  lead: string[];
  cooperating: string[];
}

/** Units whose task clauses satisfy `matches`, lead or cooperating as the clause says. */
function unitsFromTasks(assignments: Assignment[], matches: (clause: string) => boolean): UnitRoles {
  const lead: string[] = [];
  const cooperating: string[] = [];
  for (const a of assignments) {
    for (const task of a.tasks) {
      const clause = taskClauses(task).find((c) => matches(tokenString(c)));
      if (!clause) continue;
      const t = tokenString(clause);
      const coop = /^phoi (?:ket )?hop/u.test(t) || (a.role === 'cooperating' && !/chu tri|tham muu|dau moi/u.test(t));
      const list = coop ? cooperating : lead;
      if (!list.includes(a.unit)) list.push(a.unit);
      // "Chủ trì phối hợp với Sở … tham mưu …": the partner named in the lead's own clause.
      if (!coop) {
        const partner = /phối\s+(?:kết\s+)?hợp\s+với\s+(.+?)\s+(?:tham\s+mưu|tổ\s+chức|triển\s+khai|thực\s+hiện|xây\s+dựng)(?![\p{L}])/u.exec(clause);
        if (partner?.[1] && looksLikeUnit(partner[1])) cooperating.push(...splitUnitList(partner[1]));
      }
      break;
    }
  }
  return { lead, cooperating: cooperating.filter((u) => !lead.includes(u)) };
}

/** Units whose tasks name the activity, with their role for it. */
function unitsFromAssignments(name: string, assignments: Assignment[], wholeNameOnly: boolean): UnitRoles {
  const keys = wholeNameOnly ? [tokenString(name)] : activityKeys(name);
  return unitsFromTasks(assignments, (t) => keys.some((k) => t.includes(k)));
}

/** Kinds of events specific enough for a task naming the kind to be about this activity. */
const EVENT_KINDS = ['toa dam', 'hoi thao', 'hoi nghi', 'hoi thi', 'cuoc thi', 'ngay hoi', 'le hoi', 'festival', 'hoi cho', 'dien dan', 'gap mat', 'tham quan', 'trung bay'];

function unitsByEvent(name: string, assignments: Assignment[]): UnitRoles {
  const folded = ` ${tokenString(name)} `;
  const kinds = EVENT_KINDS.filter((k) => folded.includes(` ${k} `));
  if (kinds.length === 0) return { lead: [], cooperating: [] };
  return unitsFromTasks(assignments, (t) => kinds.some((k) => ` ${t} `.includes(` ${k} `)));
}

/** Units whose tasks name a section the activity sits in ("nhiệm vụ 1", or the section's heading). */
function unitsBySection(path: Section[], assignments: Assignment[]): UnitRoles {
  for (const section of [...path].reverse()) {
    const label = /^(nhiem vu|noi dung|chuong trinh|muc tieu) (\d{1,2})(?!\d)/u.exec(tokenString(section.heading));
    const heading = tokenString(section.heading.replace(/^[^:]{0,30}:\s*/u, ''));
    const found = unitsFromTasks(assignments, (t) =>
      label ? new RegExp(`(?<![a-z])${label[1]} ${label[2]}(?!\\d)`, 'u').test(t) : heading.split(' ').length >= 4 && t.includes(heading),
    );
    if (found.lead.length > 0) return found;
  }
  return { lead: [], cooperating: [] };
}

/** The issuing union's own assignment ("1. Hội LHPN Thành phố"), which organises what no one else is given. */
function issuerAssignment(assignments: Assignment[]): Assignment | undefined {
  return assignments.find(
    (a) => a.role === 'lead' && /^(?:hoi (?:lhpn|lien hiep phu nu) (?:thanh pho|tinh|tp)(?: [a-z ]+)?|thanh hoi)$/u.test(tokenString(a.unit)),
  );
}

/** Where one clause of an item starts and ends (split at ";", sentence ends and "…: Tổ chức …"). */
function clauses(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /;\s*|\.\s+(?=[\p{Lu}“"])|:\s+(?=\p{Lu})/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push({ text: text.slice(last, m.index), start: last, end: m.index });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), start: last, end: text.length });
  return out.filter((c) => c.text.trim().length > 0);
}

/**
 * Verbs of organising something: "tổ chức" (not the noun: "tổ chức Hội", "các tổ chức, cá nhân", nor the
 * generic "tổ chức thực hiện"), "phát động", "ra mắt", "tập huấn", "sơ kết"/"tổng kết", and "tham gia"
 * followed by a named event ("Tham gia các hoạt động Lễ hội …").
 */
const ORGANISE = new RegExp(
  String.raw`(?<![\p{L}])(?:tổ\s+chức(?!\s*[,)]|\s+(?:và|thực\s+hiện|triển\s+khai\s+thực|Hội|bộ\s+máy|cơ\s+sở|chính\s+trị|xã\s+hội|thành\s+viên|kinh\s+tế|khoa\s+học|đoàn\s+thể|cá\s+nhân|liên\s+quan|đơn\s+vị)(?![\p{L}]))|phát\s+động|ra\s+mắt|tập\s+huấn|(?:đánh\s+giá\s+)?(?:sơ|tổng)\s+kết|tham\s+gia(?=\s+(?:\S+\s+){0,3}(?:lễ\s+hội|hội\s+thi|cuộc\s+thi|ngày\s+hội|festival|hội\s+chợ|hội\s+nghị)(?![\p{L}])))(?![\p{L}])`,
  'iu',
);
/** Words that may stand between the one who acts and the verb ("… chủ trì tổ chức", "Thường xuyên tổ chức"). */
const MANNER = /(?:^|[\s,])(?:chủ\s+trì|phối\s+(?:kết\s+)?hợp(?:\s+với\s+[^,;]{1,80})?|kết\s+hợp|tiếp\s+tục|thường\s+xuyên|chủ\s+động|tích\s+cực|tăng\s+cường|định\s+kỳ|tham\s+mưu|đề\s+xuất|và|cùng)[\s,]*$/iu;

/**
 * An organised activity in a clause: the verb must open the clause, after at most the one who acts
 * ("Thành hội", "Các huyện, thị xã", "Các cấp Hội") and words of manner. `at` is where the verb starts.
 */
export function organised(clause: string): { at: number; actor: string | null } | null {
  const m = ORGANISE.exec(clause);
  if (!m) return null;
  let before = clause.slice(0, m.index);
  for (let guard = 0; guard < 6 && before.trim().length > 0; guard++) {
    const manner = MANNER.exec(before);
    if (!manner) break;
    before = before.slice(0, manner.index);
  }
  const actor = before.replace(/[\s,:]+$/u, '').trim();
  if (actor.length === 0) return { at: m.index, actor: null };
  if (actor.split(/\s+/).length > 8) return null;
  if (!looksLikeUnit(actor) && !/^(?:các|mỗi|cấp)\s/iu.test(actor)) return null;
  return { at: m.index, actor };
}

/**
 * Verbs of doing something that can be done and reported: those of producing, implementing, communicating,
 * mobilising, supporting, advising and monitoring. "Tổ chức" is `organised`'s (it is also a noun: "các tổ
 * chức, cá nhân", and "tổ chức thực hiện" says nothing).
 */
export const ACTION_VERBS: readonly string[] = [
  'triển khai', 'thực hiện', 'xây dựng', 'biên soạn', 'thành lập', 'ra mắt', 'nhân rộng', 'duy trì', 'củng cố',
  'kiện toàn', 'tập huấn', 'bồi dưỡng', 'đào tạo', 'phát động', 'sơ kết', 'tổng kết', 'tham quan', 'thăm quan', 'khảo sát',
  'kiểm tra', 'giám sát', 'hướng dẫn', 'tuyên truyền', 'truyền thông', 'vận động', 'huy động', 'hỗ trợ', 'giúp đỡ', 'giúp',
  'tham mưu', 'phối hợp', 'chủ trì', 'kết nối', 'giới thiệu', 'trưng bày', 'quảng bá', 'biểu dương', 'khen thưởng', 'tôn vinh',
  'rà soát', 'theo dõi', 'phát triển', 'kết nạp', 'tư vấn', 'ban hành', 'đánh giá', 'thăm', 'tặng',
];
const ACTION = new RegExp(String.raw`(?<![\p{L}])(?:${ACTION_VERBS.map((v) => v.replace(/ /g, String.raw`\s+`)).join('|')})(?![\p{L}])`, 'iu');
/** Words of manner and time that may open a statement before its verb ("Tiếp tục", "Tập trung", "Hằng năm,"). */
const LEAD_IN = /(?:^|[\s,])(?:tiếp\s+tục|thường\s+xuyên|chủ\s+động|tích\s+cực|tăng\s+cường|đẩy\s+mạnh|tập\s+trung|chú\s+trọng|thúc\s+đẩy|kịp\s+thời|định\s+kỳ|hằng\s+năm|hàng\s+năm|hằng\s+quý|hằng\s+tháng|phấn\s+đấu|và|cùng)[\s,]*$/iu;
/** Who may act without being a unit name: "Các cấp Hội", "Cấp Thành phố", "Các huyện", "Mỗi cơ sở Hội". */
const GROUP_ACTOR = /^(?:các|mỗi|cấp)\s/iu;

/**
 * A statement of doing: a verb of ACTION_VERBS opening the clause after at most the one who acts and words
 * of manner or time. `at` is where the verb starts.
 */
export function actionStatement(clause: string): { at: number; actor: string | null } | null {
  const m = ACTION.exec(clause);
  if (!m) return null;
  let before = clause.slice(0, m.index);
  for (let guard = 0; guard < 6 && before.trim().length > 0; guard++) {
    const lead = LEAD_IN.exec(before);
    if (!lead) break;
    before = before.slice(0, lead.index);
  }
  const actor = before.replace(/[\s,:]+$/u, '').trim();
  if (actor.length === 0) return { at: m.index, actor: null };
  if (actor.split(/\s+/).length > 8) return null;
  if (!looksLikeUnit(actor) && !GROUP_ACTOR.test(actor) && !/^thành\s+hội$/iu.test(actor)) return null;
  return { at: m.index, actor };
}

/** The units of the whole union at every level ("Các cấp Hội", "Hội LHPN các cấp"): one acts for all. */
const ALL_LEVELS = /^(?:các\s+cấp\s+hội(?:\s+phụ\s+nữ)?|hội\s+(?:lhpn|liên\s+hiệp\s+phụ\s+nữ|phụ\s+nữ)\s+các\s+cấp)$/iu;

/** A department of a union ("Ban Tuyên giáo", "Văn phòng", "Trung tâm …", "Báo Phụ nữ Thủ đô"): it works at its union's level. */
const DEPARTMENT = /^(?:các\s+)?(?:Ban|Văn\s+phòng|Trung\s+tâm|Báo|Tạp\s+chí)(?![\p{L}])/iu;

/** The units behind the one who acts: a unit name, or an assignment it abbreviates ("Các huyện, thị xã"). */
function actorUnits(actor: string, assignments: Assignment[]): string[] {
  if (ALL_LEVELS.test(actor)) return [actor];
  if (looksLikeUnit(actor)) return splitUnitList(actor);
  const key = tokenString(actor).replace(/^(?:cac|moi) /u, '');
  // One word names a group only when it is a level ("Các huyện"); "Các ban" alone is too vague.
  if (key.split(' ').length < 2 && levelsIn(actor).length === 0) return [];
  const matches = assignments.filter((a) => ` ${tokenString(a.unit)} `.includes(` ${key} `));
  // "Các huyện" of a women's union plan are its district unions before the district people's committees.
  const match = matches.find((a) => /^hoi (?:lhpn|lien hiep phu nu|phu nu) /u.test(tokenString(a.unit))) ?? matches[0];
  return match ? [match.unit] : [];
}

interface Occasion {
  phrase: string;
  /** Where "nhân dịp" starts in the text. */
  phraseStart: number;
  time: ActivityTime;
}

/** "… nhân dịp kỷ niệm ngày Quốc tế phụ nữ 8/3, ngày Phụ nữ Việt Nam 20/10": each dated day named. */
function occasionDates(text: string, year: number | null): Occasion[] {
  const on = /(?<![\p{L}])(?:nhân|vào)\s+dịp\s+/iu.exec(text);
  if (!on) return [];
  const rest = text.slice(on.index + on[0].length);
  const out: Occasion[] = [];
  for (const m of rest.matchAll(/(?:kỷ\s+niệm\s+)?(ngày\s+[^,;.\d]{2,60}?\s*(\d{1,2})\/(\d{1,2}))(?![\d/-])/giu)) {
    const day = Number(m[2]);
    const month = Number(m[3]);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const iso = year !== null ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
    out.push({
      phrase: `${on[0].trim()} ${(m[1] ?? '').replace(/\s+/g, ' ')}`,
      phraseStart: on.index,
      time: { text: `ngày ${day}/${month}`, from: iso, to: iso, recurrence: null },
    });
  }
  return out;
}

/** The name of a dated activity: from its verb when one is found ("Hội LHPN Hà Nội tổ chức …" → "Tổ chức …"). */
function nameOf(text: string): string {
  const found = organised(text);
  return cleanName(capitalizeFirst(found ? text.slice(found.at) : text));
}

function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

export function extractActivities(roots: Section[], ctx: ActivityContext): { activities: Activity[]; warnings: string[] } {
  const activities: Activity[] = [];
  const warnings: string[] = [];
  const explicit = new Set<Activity>();
  const planLevelActivities = new Set<Activity>();
  let participants: number | null = null;

  const context = new Map<Activity, Section[]>();
  /** The one who acts, as the sentence names it ("Cấp Thành phố", "Các huyện"): it gives the level. */
  const actors = new Map<Activity, string>();
  const partners = new Map<Activity, string[]>();

  // Logistics sections (time and place, agenda, discussion topics) hold the event's own "Thời gian:" line,
  // never further activities.
  const visit = (section: Section, path: Section[], statements = true): void => {
    const content = sectionContent(section);
    const items = content.flatMap((c) => ('item' in c ? [c.item] : []));
    const timeItem = items.find((i) => TIME_ITEM.test(i));
    if (/^Số\s+lượng/iu.test(section.heading)) {
      for (const i of [section.heading, ...items]) {
        const m = /(\d{1,3}(?:\.\d{3})+|\d+)\s+(?:đại\s+biểu|người|khách)/iu.exec(i);
        if (m && m[1]) participants = parseVietnameseNumber(m[1]);
      }
    }
    for (const i of items) {
      const m = COUNT_ITEM.exec(i);
      if (m && m[1] && /^Số\s+lượng/iu.test(i)) participants = parseVietnameseNumber(m[1]);
    }
    if (timeItem) {
      const timeText = TIME_ITEM.exec(timeItem)?.[1] ?? '';
      const time = parseTimeExpression(timeText, { defaultYear: ctx.defaultYear });
      warnings.push(...time.warnings);
      const planLevel = section.heading.length === 0 || /^(?:thời\s+gian|địa\s+điểm)/iu.test(section.heading);
      const venue = items.map((i) => PLACE_ITEM.exec(i)?.[1]).find((v): v is string => !!v) ?? null;
      const lead = items.map((i) => LEAD_ITEM.exec(i)?.[1]).filter((v): v is string => !!v).flatMap(units);
      const coop = items.map((i) => COOP_ITEM.exec(i)?.[1]).filter((v): v is string => !!v).flatMap(units);
      // Its content items: "Nội dung: + Giải đi bộ …; + Trưng bày …", or one "Nội dung: Trình diễn áo dài …".
      const programme = [
        ...items.map((i) => CONTENT_ITEM.exec(i)?.[1]).filter((v): v is string => !!v),
        ...content.flatMap((c) => ('section' in c && c.section.marker !== 'numbered' && /^Nội\s+dung/iu.test(c.section.heading) ? flattenItems(c.section) : [])),
      ].map((i) => i.replace(/[;,.]+$/u, '').trim());
      const activity: Activity = {
        name: planLevel ? ctx.title || section.heading : section.heading,
        time: { text: time.text, from: time.from, to: time.to, recurrence: time.recurrence },
        leadUnits: lead,
        cooperatingUnits: coop,
        venue: venue ? cleanName(venue) : null,
        participants: null,
      };
      if (programme.length > 0) activity.items = programme;
      if (lead.length > 0 || coop.length > 0) explicit.add(activity);
      if (planLevel) planLevelActivities.add(activity);
      activities.push(activity);
    }
    if (timeItem) {
      // The items of an activity's own section are its programme, not further activities.
      for (const c of content) if ('section' in c && (c.section.marker ?? 'numbered') === 'numbered') visit(c.section, path, statements);
      return;
    }
    content.forEach((c, i) => {
      if ('section' in c) {
        // A bullet with sub-bullets states something itself ("+ Tiếp tục … Đánh giá tổng kết …").
        if (statements && c.section.marker && c.section.marker !== 'numbered') itemActivities(c.section.heading, path);
        visit(c.section, c.section.marker && c.section.marker !== 'numbered' ? path : [...path, c.section], statements);
        return;
      }
      // "Cấp thành phố tổ chức một số nội dung, sự kiện" introduces the numbered sections that follow.
      const next = content[i + 1];
      if (next && 'section' in next && (next.section.marker ?? 'numbered') === 'numbered') return;
      if (statements) itemActivities(c.item, path);
    });
  };

  const itemActivities = (item: string, path: Section[]): void => {
    if (TIME_ITEM.test(item) || PLACE_ITEM.test(item) || LEAD_ITEM.test(item) || COOP_ITEM.test(item)) return;
    const masked = ctx.mask(item);
    const itemSubject = unitClause(item);
    let inherited: string[] = itemSubject ? itemSubject.units : [];
    for (const clause of clauses(masked)) {
      const text = item.slice(clause.start, clause.end);
      const own = unitClause(text);
      const subjectUnits = own ? own.units : clause.start === 0 ? [] : inherited;
      const span = findTimeExpressions(clause.text, { defaultYear: ctx.defaultYear, includeRecurring: false }).find((x) => x.from !== null);
      if (span) {
        // A dated clause is an activity: the words before the time name it.
        const before = text.slice(0, span.start);
        const whole = text.slice(0, span.start) + text.slice(span.end);
        warnings.push(...span.warnings);
        const actor = (organised(clause.text) ?? actionStatement(clause.text))?.actor ?? null;
        activities.push(
          draft(nameOf(before.trim().split(/\s+/).length >= 4 ? before : whole) || cleanName(text), subjectUnits, path, {
            text: cleanName(span.text.replace(/^(?:dự\s+kiến|vào)\s+/iu, '')),
            from: span.from,
            to: span.to,
            recurrence: null,
          }, actor),
        );
        continue;
      }
      // A statement of doing counts where a reader would list it: opening a sentence, or naming its own
      // acting unit ("…; Hội LHPN các huyện, thị xã tập trung tuyên truyền, tập huấn …").
      const opensSentence = clause.start === 0 || /[.!?:]["”’)]*\s*$/u.test(masked.slice(0, clause.start));
      const found = organised(clause.text) ?? (opensSentence || (own && clause.start > 0) ? actionStatement(clause.text) : null);
      if (!found) continue;
      const actor = found.actor ? actorUnits(found.actor, ctx.assignments) : [];
      const leads = subjectUnits.length > 0 ? subjectUnits : actor;
      // "Các huyện, thị xã phối hợp tổ chức …; Phối hợp tổ chức …": the later clauses keep the one who acts.
      if (clause.start === 0 && !itemSubject && leads.length > 0) inherited = leads;
      let name = cleanName(capitalizeFirst(text.slice(found.at)));
      // "Thành lập 2 đoàn giám sát 2 chuyên đề: (1) …; (2) …": the numbered points are its content items.
      const listed = /^(.*?\S)\s*:\s*\(1\)\s*/u.exec(name);
      let points: string[] = [];
      if (listed?.[1]) {
        name = cleanName(listed[1]);
        const from = clause.start + found.at + listed[0].length;
        points = item
          .slice(from)
          .split(/\s*\(\d{1,2}\)\s*/u)
          .map((p) => cleanName(p))
          .filter((p) => p.length > 0);
      }
      if (name.split(/\s+/).length < 3) continue;
      const occasions = occasionDates(clause.text.slice(found.at), ctx.defaultYear);
      if (occasions.length > 1) {
        // "… nhân dịp ngày 8/3, ngày 20/10": one event on each occasion.
        const base = cleanName(name.slice(0, occasions[0]?.phraseStart ?? name.length));
        for (const o of occasions) activities.push(draft(`${base} ${o.phrase}`, leads, path, o.time, found.actor));
        continue;
      }
      const recurring = findTimeExpressions(clause.text, { defaultYear: ctx.defaultYear, includeRecurring: true, includeYearless: true })[0];
      const time: ActivityTime = occasions[0]
        ? occasions[0].time
        : recurring
          ? { text: cleanName(capitalizeFirst(recurring.text)), from: recurring.from, to: recurring.to, recurrence: recurring.recurrence }
          : { text: null, from: null, to: null, recurrence: null };
      const activity = draft(name, leads, path, time, found.actor);
      if (points.length > 0) activity.items = points;
      // "Phối hợp (chặt chẽ) với Hiệp hội … nhằm …": the partners named cooperate.
      const partner = /^Phối\s+(?:kết\s+)?hợp(?:\s+chặt\s+chẽ)?\s+với\s+(.+?)(?:\s+(?:nhằm|để|trong|tổ\s+chức|triển\s+khai|thực\s+hiện|tham\s+mưu)(?![\p{L}])|$)/u.exec(name);
      if (partner?.[1] && looksLikeUnit(partner[1])) partners.set(activity, splitUnitList(partner[1]));
      activities.push(activity);
      if (points.length > 0) break; // the rest of the item is the activity's points
    }
  };
  const draft = (name: string, leads: string[], path: Section[], time: ActivityTime, actor: string | null = null): Activity => {
    const a: Activity = { name, time, leadUnits: leads, cooperatingUnits: [], venue: null, participants: null };
    context.set(a, path);
    if (actor) actors.set(a, actor);
    return a;
  };

  for (const root of roots) visit(root, [root], sectionRole(root.heading) !== 'logistics');

  // The level of the issuing union: its own departments and its own name work at it.
  const ownLevel: UnitLevel = levelsIn(ctx.issuer ?? '')[0] ?? 'province';
  // "Ban Thường vụ Hội LHPN thành phố Hà Nội" → "Hội LHPN thành phố Hà Nội".
  const issuerUnion = /^(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Thường\s+trực|Đoàn\s+Chủ\s+tịch)\s+(Hội\s.+)$/iu.exec(ctx.issuer ?? '')?.[1] ?? null;
  const issuerKey = tokenString(issuerUnion ?? ctx.issuer ?? '');
  const levelOfUnit = (unit: string): UnitLevel | null | undefined => {
    if (ALL_LEVELS.test(unit.trim())) return null; // every level
    const named = levelsIn(unit)[0];
    if (named) return named;
    if (DEPARTMENT.test(unit) || /^(?:thành|tỉnh)\s+hội$/iu.test(unit.trim())) return ownLevel;
    const key = tokenString(unit);
    if (issuerKey.length > 0 && key.length > 0 && (issuerKey.includes(key) || key.includes(issuerKey))) return ownLevel;
    return undefined; // an outside body: says nothing
  };
  const levelOf = (a: Activity): UnitLevel | null => {
    const actor = actors.get(a);
    const fromActor = actor ? levelOfUnit(actor) : undefined;
    if (fromActor !== undefined) return fromActor;
    for (const unit of a.leadUnits) {
      const level = levelOfUnit(unit);
      if (level !== undefined) return level;
    }
    return null;
  };

  for (const a of activities) {
    const planLevel = planLevelActivities.has(a);
    if (planLevel) {
      a.participants = participants;
      // A plan of one event (a conference) states its programme in its own section.
      const agenda = roots.find((r) => AGENDA.test(r.heading));
      if (agenda && !a.items) {
        const items = flattenItems(agenda).map((i) => i.replace(/[;,.]+$/u, '').trim());
        if (items.length > 0) a.items = items;
      }
    }
    if (ctx.defaultYear !== null) {
      const y1 = yearOf(a.time.from);
      const y2 = yearOf(a.time.to);
      if ((y1 !== null && y1 !== ctx.defaultYear) || (y2 !== null && y2 !== ctx.defaultYear)) {
        warnings.push(`Thời gian "${a.time.text ?? ''}" của hoạt động "${excerpt(a.name, 80)}" nằm ngoài năm kế hoạch ${ctx.defaultYear}.`);
      }
    }
    if (explicit.has(a)) {
      a.level = levelOf(a);
      continue;
    }
    let fromTasks = unitsFromAssignments(a.name, ctx.assignments, planLevel);
    if (!planLevel) {
      // The tasks name the kind of event ("… các hoạt động Hội thảo, toạ đàm …") rather than the event itself;
      // when names quoted in the activity also appear in other tasks, the unit given the kind of event wins.
      const byEvent = unitsByEvent(a.name, ctx.assignments);
      const both = fromTasks.lead.filter((u) => byEvent.lead.includes(u));
      if (both.length > 0) fromTasks = { lead: both, cooperating: [...fromTasks.cooperating, ...byEvent.cooperating] };
      else if (fromTasks.lead.length === 0) fromTasks = { lead: byEvent.lead, cooperating: [...fromTasks.cooperating, ...byEvent.cooperating] };
    }
    // The department given the task refines the issuing union ("Hội LHPN Hà Nội tổ chức …" → its Ban …);
    // a lower level named as the one who acts ("Các huyện tiếp tục tuyên truyền …") keeps the lead, and the
    // department guiding it cooperates.
    const actedBelow =
      a.leadUnits.length > 0 &&
      a.leadUnits.every((u) => {
        const level = levelOfUnit(u);
        return level !== undefined && level !== null && level !== ownLevel;
      });
    if (actedBelow && !planLevel) {
      const guide = fromTasks.lead.length > 0 ? fromTasks : unitsBySection(context.get(a) ?? [], ctx.assignments);
      fromTasks = { lead: a.leadUnits, cooperating: [...guide.lead, ...guide.cooperating, ...fromTasks.cooperating] };
    }
    if (fromTasks.lead.length > 0) a.leadUnits = fromTasks.lead;
    if (a.leadUnits.length === 0 && !planLevel) {
      // "Giao Ban … tham mưu chính nhiệm vụ 1 …": the task names the section the activity sits in.
      const bySection = unitsBySection(context.get(a) ?? [], ctx.assignments);
      a.leadUnits = bySection.lead;
      fromTasks = { lead: fromTasks.lead, cooperating: [...fromTasks.cooperating, ...bySection.cooperating] };
    }
    if (a.leadUnits.length === 0) {
      // Nobody named: the issuing union itself organises it.
      const organiser = planLevel ? ctx.assignments.find((x) => x.role === 'lead') : issuerAssignment(ctx.assignments);
      if (organiser) a.leadUnits = [organiser.unit];
      else if (issuerUnion) a.leadUnits = [issuerUnion];
    }
    a.cooperatingUnits = [...new Set([...(partners.get(a) ?? []), ...fromTasks.cooperating])].filter((u) => !a.leadUnits.includes(u));
    a.level = levelOf(a);
  }
  return { activities, warnings };
}
