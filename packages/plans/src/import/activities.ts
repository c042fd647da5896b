/**
 * Activities: sections with a "Thời gian: …" line (the section heading names the activity) and items that
 * carry a dated time expression ("… (Quý 4/2024)", "… từ ngày 15/11-15/12/2024"). Lead and cooperating units
 * come from "Chủ trì:"/"Phối hợp:" lines, from the unit that starts the sentence, or from the assignments
 * whose tasks name the activity.
 */
import type { Activity, Assignment, Section } from '../model/types';
import { findTimeExpressions, parseTimeExpression } from '../time/expressions';
import { parseVietnameseNumber, tokenString, excerpt } from '../text/vietnamese';
import { sectionContent } from './sections';
import { splitUnitList, unitClause } from './units';

export interface ActivityContext {
  title: string;
  defaultYear: number | null;
  assignments: Assignment[];
  mask: (text: string) => string;
}

const TIME_ITEM = /^Thời\s+gian(?:\s+(?:tổ\s+chức|thực\s+hiện|dự\s+kiến))?\s*:\s*(.+)$/iu;
const PLACE_ITEM = /^Địa\s+điểm(?:\s+tổ\s+chức)?\s*:\s*(.+)$/iu;
const LEAD_ITEM = /^(?:Đơn\s+vị\s+)?(?:chủ\s+trì|Chủ\s+trì)(?:\s+thực\s+hiện)?\s*:\s*(.+)$/iu;
const COOP_ITEM = /^(?:Đơn\s+vị\s+)?(?:phối\s+hợp|Phối\s+hợp)(?:\s+thực\s+hiện)?\s*:\s*(.+)$/iu;
const COUNT_ITEM = /^(?:Số\s+lượng\s*:\s*)?(\d{1,3}(?:\.\d{3})*|\d+)\s+(?:đại\s+biểu|người|khách)/iu;

function cleanName(s: string): string {
  return s
    .replace(/\(\s*$/u, '')
    .replace(/^\s*[,;:.)]+/u, '')
    .replace(/[\s,;:(]+$/u, '')
    .replace(/\s+(?:vào|trong|dự\s+kiến|từ|vào\s+dịp)$/iu, '')
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

/** Units whose tasks name the activity, with their role for it. */
function unitsFromAssignments(name: string, assignments: Assignment[], wholeNameOnly: boolean): { lead: string[]; cooperating: string[] } {
  const keys = wholeNameOnly ? [tokenString(name)] : activityKeys(name);
  const lead: string[] = [];
  const cooperating: string[] = [];
  for (const a of assignments) {
    for (const task of a.tasks) {
      const t = tokenString(task);
      if (!keys.some((k) => t.includes(k))) continue;
      const coop = /^phoi (?:ket )?hop/u.test(t) || (a.role === 'cooperating' && !/chu tri|tham muu|dau moi/u.test(t));
      const list = coop ? cooperating : lead;
      if (!list.includes(a.unit)) list.push(a.unit);
      break;
    }
  }
  return { lead, cooperating: cooperating.filter((u) => !lead.includes(u)) };
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

  const visit = (section: Section): void => {
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
      const activity: Activity = {
        name: planLevel ? ctx.title || section.heading : section.heading,
        time: { text: time.text, from: time.from, to: time.to, recurrence: time.recurrence },
        leadUnits: lead,
        cooperatingUnits: coop,
        venue: venue ? cleanName(venue) : null,
        participants: null,
      };
      if (lead.length > 0 || coop.length > 0) explicit.add(activity);
      if (planLevel) planLevelActivities.add(activity);
      activities.push(activity);
    }
    for (const c of content) {
      if ('section' in c) {
        visit(c.section);
        continue;
      }
      const item = c.item;
      if (TIME_ITEM.test(item) || PLACE_ITEM.test(item) || LEAD_ITEM.test(item) || COOP_ITEM.test(item)) continue;
      const masked = ctx.mask(item);
      const span = findTimeExpressions(masked, { defaultYear: ctx.defaultYear, includeRecurring: false }).find((s) => s.from !== null);
      if (!span) continue;
      // The clause (between semicolons) holding the time names the activity.
      const segStart = masked.lastIndexOf(';', span.start) + 1;
      const nextSemi = masked.indexOf(';', span.end);
      const segEnd = nextSemi < 0 ? masked.length : nextSemi;
      const before = item.slice(segStart, span.start);
      const whole = item.slice(segStart, span.start) + item.slice(span.end, segEnd);
      const name = cleanName(before.trim().split(/\s+/).length >= 4 ? before : whole);
      warnings.push(...span.warnings);
      const subject = unitClause(item);
      activities.push({
        name: name || cleanName(item),
        time: { text: cleanName(span.text.replace(/^(?:dự\s+kiến|vào)\s+/iu, '')), from: span.from, to: span.to, recurrence: null },
        leadUnits: subject ? subject.units : [],
        cooperatingUnits: [],
        venue: null,
        participants: null,
      });
    }
  };
  for (const root of roots) visit(root);

  for (const a of activities) {
    const planLevel = planLevelActivities.has(a);
    if (planLevel) a.participants = participants;
    if (ctx.defaultYear !== null) {
      const y1 = yearOf(a.time.from);
      const y2 = yearOf(a.time.to);
      if ((y1 !== null && y1 !== ctx.defaultYear) || (y2 !== null && y2 !== ctx.defaultYear)) {
        warnings.push(`Thời gian "${a.time.text ?? ''}" của hoạt động "${excerpt(a.name, 80)}" nằm ngoài năm kế hoạch ${ctx.defaultYear}.`);
      }
    }
    if (explicit.has(a)) continue;
    const fromTasks = unitsFromAssignments(a.name, ctx.assignments, planLevel);
    if (fromTasks.lead.length > 0) a.leadUnits = fromTasks.lead;
    else if (a.leadUnits.length === 0 && planLevel) {
      const organiser = ctx.assignments.find((x) => x.role === 'lead');
      if (organiser) a.leadUnits = [organiser.unit];
    }
    a.cooperatingUnits = fromTasks.cooperating.filter((u) => !a.leadUnits.includes(u));
  }
  return { activities, warnings };
}
