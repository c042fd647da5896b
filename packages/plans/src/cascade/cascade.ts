/**
 * Cascading plans down the hierarchy: a child unit's plan derived from its parent's, and checks that
 * allocations of a target to units add up to the total.
 */
import type { ImportedPlan, LegalBasis, Section } from '../model/types';
import { formatVietnameseNumber, tokenize } from '../text/vietnamese';
import { levelsIn } from '../import/units';
import { sectionRole } from '../import/roles';

export interface DeriveOptions {
  /** Issuer of the child plan; default "Ban Thường vụ <child unit>". */
  issuer?: string;
  /** Place of the child plan's date line; default the parent's. */
  place?: string | null;
}

function cloneSection(s: Section): Section {
  return { ...s, items: [...s.items], children: s.children.map(cloneSection) };
}

/** Does an assignment addressed to `unit` ("Hội LHPN các quận, huyện, thị xã") concern `child` ("Hội LHPN quận Ba Đình")? */
export function assignmentConcerns(unit: string, child: string): boolean {
  const u = new Set(tokenize(unit));
  const c = tokenize(child);
  if (c.length > 0 && c.every((t) => u.has(t))) return true;
  const childLevels = levelsIn(child);
  const unitLevels = levelsIn(unit);
  if (childLevels.length === 0 || !childLevels.some((l) => unitLevels.includes(l))) return false;
  const org = (s: string): string => (tokenize(s).slice(0, 2).join(' ') === 'hoi lhpn' ? 'hoi lhpn' : tokenize(s)[0] ?? '');
  return org(unit) === org(child);
}

/**
 * A child unit's plan from its parent's: the parent plan is added as a legal basis ("Căn cứ Kế hoạch số …
 * của …"), purposes, requirements, targets, activities and reporting obligations are inherited, and the
 * parent's tasks for the child's level become the child's own assignment. The result is an unnumbered draft.
 */
export function derivePlan(parent: ImportedPlan, childUnitName: string, options: DeriveOptions = {}): ImportedPlan {
  const parentBasis: LegalBasis = {
    kind: 'Kế hoạch',
    number: parent.number,
    date: parent.issuedOn,
    issuer: parent.issuer,
    title: parent.title ? parent.title.charAt(0).toLocaleLowerCase('vi') + parent.title.slice(1) : null,
    introducedBy: 'Căn cứ',
  };
  const inheritedTasks = parent.assignments.filter((a) => assignmentConcerns(a.unit, childUnitName)).flatMap((a) => a.tasks);
  return {
    number: null,
    issuedOn: null,
    place: options.place !== undefined ? options.place : parent.place,
    title: parent.title,
    legalBases: [...parent.legalBases.map((b) => ({ ...b })), parentBasis],
    purposes: [...parent.purposes],
    requirements: [...parent.requirements],
    targets: parent.targets.map((t) => ({ ...t, levels: t.levels ? [...t.levels] : undefined })),
    // The parent's own assignments are not the child's: the child's assignment is regenerated on export.
    sections: parent.sections.filter((s) => sectionRole(s.heading) !== 'assignments').map(cloneSection),
    activities: parent.activities.map((a) => ({ ...a, time: { ...a.time }, leadUnits: [...a.leadUnits], cooperatingUnits: [...a.cooperatingUnits] })),
    fundingSources: [...parent.fundingSources],
    assignments: inheritedTasks.length > 0 ? [{ unit: childUnitName, role: 'lead', tasks: inheritedTasks }] : [],
    reportingObligations: parent.reportingObligations.map((o) => ({ ...o, reporter: childUnitName })),
    recipients: [],
    signatory: { onBehalfOf: null, title: null, name: null },
    issuer: options.issuer ?? `Ban Thường vụ ${childUnitName}`,
    kind: parent.kind,
    programme: parent.programme,
    parentBody: null,
    issuingBody: null,
  };
}

export interface Allocation {
  unitId: string;
  value: number;
}

export interface AllocationCheck {
  valid: boolean;
  total: number;
  allocated: number;
  /** allocated − total: negative when short, positive when over. */
  difference: number;
  errors: string[];
}

/**
 * Checks that allocations of a target to units add up to its total. Errors name the difference
 * ("thiếu 50"), duplicated units and negative or non-numeric values.
 */
export function validateAllocation(total: number, allocations: Allocation[], options: { tolerance?: number } = {}): AllocationCheck {
  const errors: string[] = [];
  const f = formatVietnameseNumber;
  if (!Number.isFinite(total)) errors.push(`Chỉ tiêu tổng không hợp lệ: ${String(total)}.`);
  const seen = new Set<string>();
  let allocated = 0;
  for (const a of allocations) {
    if (seen.has(a.unitId)) errors.push(`Đơn vị ${a.unitId} được phân bổ nhiều lần.`);
    seen.add(a.unitId);
    if (!Number.isFinite(a.value)) errors.push(`Giá trị phân bổ của đơn vị ${a.unitId} không hợp lệ: ${String(a.value)}.`);
    else if (a.value < 0) errors.push(`Giá trị phân bổ của đơn vị ${a.unitId} âm: ${f(a.value)}.`);
    else allocated += a.value;
  }
  const difference = allocated - (Number.isFinite(total) ? total : 0);
  const tolerance = options.tolerance ?? 1e-9 * Math.max(1, Math.abs(total));
  if (Number.isFinite(total) && Math.abs(difference) > tolerance) {
    errors.push(
      difference < 0
        ? `Tổng phân bổ ${f(allocated)} nhỏ hơn chỉ tiêu ${f(total)}: thiếu ${f(-difference)}.`
        : `Tổng phân bổ ${f(allocated)} lớn hơn chỉ tiêu ${f(total)}: thừa ${f(difference)}.`,
    );
  }
  return { valid: errors.length === 0, total, allocated, difference: Math.abs(difference) <= tolerance ? 0 : difference, errors };
}
