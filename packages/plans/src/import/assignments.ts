/**
 * Assignments (Phân công thực hiện / Tổ chức thực hiện): unit + role + tasks, from unit headings
 * ("1.2. Ban Tuyên giáo") with their items, and from sentences naming units ("Giao Ban … chủ trì …",
 * "Ban Tổ chức - Kiểm tra phối hợp với …").
 */
import type { Assignment, Section } from '../model/types';
import { foldVietnamese, tokenString, excerpt } from '../text/vietnamese';
import { sectionContent, flattenItems } from './sections';
import { unitClause, unitHeading } from './units';

interface Entry {
  unit: string;
  key: string;
  tasks: string[];
  external: boolean;
  explicitRole: 'lead' | 'cooperating' | null;
}

export interface AssignmentExtraction {
  assignments: Assignment[];
  /** Each task with the unit it was given to (first unit when several share it). */
  owners: { task: string; unit: string }[];
  warnings: string[];
}

const key = (unit: string): string => tokenString(unit);

function sameUnits(a: string[], b: string[]): boolean {
  return a.some((x) => b.some((y) => key(x).includes(key(y)) || key(y).includes(key(x))));
}

/** Role from the tasks: "chủ trì"/"đầu mối" → lead; only "phối hợp" → cooperating. */
export function roleFromTasks(tasks: string[], external: boolean): 'lead' | 'cooperating' {
  if (tasks.some((t) => /chủ\s+trì|đầu\s+mối|tham\s+mưu\s+chính|chịu\s+trách\s+nhiệm\s+chính/iu.test(t))) return 'lead';
  const cooperating = (t: string): boolean =>
    /^(?:phối\s+hợp|phối\s+kết\s+hợp|tham\s+gia\s+phối\s+hợp)/iu.test(t) ||
    /có\s+trách\s+nhiệm\s+phối\s+hợp/iu.test(t) ||
    (external && /phối\s+hợp/iu.test(t));
  if (tasks.length > 0 && tasks.every(cooperating)) return 'cooperating';
  return 'lead';
}

export function extractAssignments(roots: Section[]): AssignmentExtraction {
  const entries = new Map<string, Entry>();
  const owners: { task: string; unit: string }[] = [];
  const warnings: string[] = [];

  const ensure = (unit: string, external = false, role: 'lead' | 'cooperating' | null = null): Entry => {
    const k = key(unit);
    let e = entries.get(k);
    if (!e) {
      e = { unit, key: k, tasks: [], external, explicitRole: role };
      entries.set(k, e);
    } else {
      e.external ||= external;
      e.explicitRole ??= role;
    }
    return e;
  };
  const addTask = (units: string[], task: string): void => {
    const t = task.trim();
    if (!t) return;
    for (const u of units) {
      const e = ensure(u);
      if (!e.tasks.includes(t)) e.tasks.push(t);
    }
    const first = units[0];
    if (first) owners.push({ task: t, unit: first });
  };

  const handleItem = (text: string, parent: string[] | null): void => {
    const clause = unitClause(text);
    if (clause && !(parent && sameUnits(clause.units, parent))) {
      addTask(clause.units, clause.task);
    } else if (parent) {
      addTask(parent, text);
    } else {
      warnings.push(`Nhiệm vụ chưa rõ đơn vị thực hiện: "${excerpt(text, 120)}".`);
    }
  };

  const walk = (section: Section, parent: string[] | null): void => {
    for (const c of sectionContent(section)) {
      if ('item' in c) {
        handleItem(c.item, parent);
        continue;
      }
      const sub = c.section;
      if (sub.marker && sub.marker !== 'numbered') {
        handleItem(`${sub.heading}: ${flattenItems(sub).join('; ')}`, parent);
        continue;
      }
      if (sub.items.length === 0 && sub.children.length === 0) {
        handleItem(sub.heading, parent); // a numbered sentence: "1.2. Ban Tổ chức - Kiểm tra phối hợp với …"
        continue;
      }
      const uh = unitHeading(sub.heading);
      if (uh && uh.units.length > 0) {
        for (const u of uh.units) ensure(u, uh.external, uh.role);
        walk(sub, uh.units);
      } else {
        if (parent) addTask(parent, sub.heading);
        walk(sub, parent);
      }
    }
  };
  for (const root of roots) walk(root, null);

  const assignments: Assignment[] = [];
  for (const e of entries.values()) {
    if (e.tasks.length === 0) continue;
    assignments.push({ unit: e.unit, role: e.explicitRole ?? roleFromTasks(e.tasks, e.external), tasks: e.tasks });
  }
  return { assignments, owners, warnings };
}

/** Folded comparison key of a unit name (exported for matching activities with assignments). */
export function unitKey(unit: string): string {
  return foldVietnamese(unit).replace(/[^\p{L}\d]+/gu, ' ').trim();
}
