/**
 * Cascading plans down the hierarchy: a child unit's plan derived from its parent's, and checks that
 * allocations of a target to units add up to the total.
 */
import type { Assignment, ImportedPlan, LegalBasis, Section, UnitLevel } from '../model/types';
import { formatVietnameseNumber, tokenize, tokenString } from '../text/vietnamese';
import { levelsIn } from '../import/units';
import { sectionRole } from '../import/roles';

export interface DeriveOptions {
  /** Issuer of the child plan; default "Ban Thường vụ <child unit>". */
  issuer?: string;
  /** Place of the child plan's date line; default the parent's. */
  place?: string | null;
  /** The child's level when the caller knows it (the unit tree does); default: read from its name. */
  childLevel?: UnitLevel | null;
}

const LEVEL_ORDER: readonly UnitLevel[] = ['province', 'district', 'grassroots', 'branch', 'group'];

function cloneSection(s: Section): Section {
  return { ...s, items: [...s.items], children: s.children.map(cloneSection) };
}

/** A women's union or a group of them, however spelled: "Hội LHPN …", "Hội Liên hiệp Phụ nữ …", "cơ sở Hội", "Chi hội …". */
function isUnion(name: string): boolean {
  return /^(?:cac )?(?:hoi (?:lhpn|lien hiep phu nu|phu nu)|co so hoi|chi hoi|to phu nu|thanh hoi|tinh hoi)(?: |$)|^cac cap hoi(?: |$)/u.test(tokenString(name));
}

/** "Hội LHPN các cấp", "Các cấp Hội": every level. */
function allLevels(name: string): boolean {
  return /^(?:cac cap hoi|hoi (?:lhpn|lien hiep phu nu|phu nu) cac cap)(?: |$)/u.test(tokenString(name));
}

/**
 * Does an assignment addressed to `unit` concern the child unit `child`? When it names the child ("Ban Tuyên
 * giáo" for "Ban Tuyên giáo"), or when it addresses the child's level among the women's unions ("Hội LHPN các
 * quận, huyện, thị xã" for "Hội LHPN huyện Đông Anh"; "… và cơ sở Hội" for "Hội LHPN phường Hồng Hà"; "Các
 * cấp Hội" for every union).
 */
export function assignmentConcerns(unit: string, child: string, childLevel: UnitLevel | null = levelsIn(child)[0] ?? null): boolean {
  const u = new Set(tokenize(unit));
  const c = tokenize(child);
  if (c.length > 0 && c.every((t) => u.has(t))) return true;
  if (!isUnion(unit) || !isUnion(child)) return false;
  if (allLevels(unit)) return true;
  return childLevel !== null && levelsIn(unit).includes(childLevel);
}

/**
 * The parent's assignments that become the child's own tasks:
 * 1. those that name the child or address its level (assignmentConcerns);
 * 2. failing those, the women's unions addressed one level above the child's — the child's union stands where
 *    they stood: on 1 July 2025 Vietnam abolished the districts, and the commune unions took over the tasks a
 *    2024 city plan gave "Hội LHPN các huyện, thị xã".
 * The other assignments (the parent's departments, outside bodies) are not the child's duties and are left
 * out: the child's plan cites the parent's ("Căn cứ Kế hoạch số …"), which keeps them, and the inherited
 * reporting obligations keep whom to report to.
 */
export function childAssignments(parent: ImportedPlan, child: string, childLevel: UnitLevel | null = levelsIn(child)[0] ?? null): Assignment[] {
  const direct = parent.assignments.filter((a) => assignmentConcerns(a.unit, child, childLevel));
  if (direct.length > 0 || childLevel === null) return direct;
  const above = LEVEL_ORDER[LEVEL_ORDER.indexOf(childLevel) - 1];
  if (!above || above === 'province') return [];
  return parent.assignments.filter((a) => isUnion(a.unit) && !allLevels(a.unit) && levelsIn(a.unit).includes(above));
}

/**
 * A child unit's plan from its parent's: the parent plan is added as a legal basis ("Căn cứ Kế hoạch số …
 * của …"), purposes, requirements, targets, activities and reporting obligations are inherited, and the
 * parent's tasks for the child (childAssignments) become the child's own assignments, one per role. The
 * activities addressed to the child's level are the child's to lead. The result is an unnumbered draft.
 */
export function derivePlan(parent: ImportedPlan, childUnitName: string, options: DeriveOptions = {}): ImportedPlan {
  const childLevel = options.childLevel !== undefined ? options.childLevel : (levelsIn(childUnitName)[0] ?? null);
  const parentBasis: LegalBasis = {
    kind: 'Kế hoạch',
    number: parent.number,
    date: parent.issuedOn,
    issuer: parent.issuer,
    title: parent.title ? parent.title.charAt(0).toLocaleLowerCase('vi') + parent.title.slice(1) : null,
    introducedBy: 'Căn cứ',
  };
  const assignments: Assignment[] = [];
  for (const a of childAssignments(parent, childUnitName, childLevel)) {
    const own = assignments.find((x) => x.role === a.role);
    if (own) own.tasks.push(...a.tasks.filter((t) => !own.tasks.includes(t)));
    else assignments.push({ unit: childUnitName, role: a.role, tasks: [...a.tasks] });
  }
  const groups = new Set(childAssignments(parent, childUnitName, childLevel).map((a) => a.unit));
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
    activities: parent.activities.map((a) => {
      const copy = { ...a, time: { ...a.time }, leadUnits: [...a.leadUnits], cooperatingUnits: [...a.cooperatingUnits] };
      if (a.items) copy.items = [...a.items];
      // "Các huyện … tổ chức …" in the city's plan is the district's own activity in the district's plan.
      if (a.leadUnits.length > 0 && a.leadUnits.every((u) => groups.has(u) || (childLevel !== null && a.level === childLevel && isUnion(u)))) {
        copy.leadUnits = [childUnitName];
      }
      return copy;
    }),
    fundingSources: [...parent.fundingSources],
    assignments,
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
