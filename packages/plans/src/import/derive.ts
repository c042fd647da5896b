/**
 * Everything that is derived from the section tree: purposes, requirements, targets, activities, funding,
 * assignments, reporting obligations and cited documents. The exporter runs the same derivation to know
 * which structured fields its body already expresses.
 */
import { excerpt } from '../text/vietnamese';
import type { Activity, Assignment, LegalBasis, ReportingObligation, Section, Target } from '../model/types';
import { extractActivities } from './activities';
import { extractAssignments } from './assignments';
import { fundingSourcesIn, mentionsFunding } from './funding';
import { findReferences } from './legal';
import { extractObligations } from './reporting';
import { sectionRole, type SectionRole } from './roles';
import { flattenItems, sectionContent } from './sections';
import { hasStrongCue, maskSpans, scanTargets, targetFromItem } from './targets';

export interface DeriveContext {
  title: string;
  /** The issuing body ("Ban Thường vụ Hội LHPN Hà Nội"): the level its own units work at. */
  issuer?: string | null;
  /** The plan's year: dates without a year fall in it. */
  year: number | null;
  /** Numbers of the legal bases (not repeated among references). */
  legalNumbers?: string[];
}

export interface Derived {
  purposes: string[];
  requirements: string[];
  targets: Target[];
  activities: Activity[];
  fundingSources: string[];
  fundingDetails: string[];
  assignments: Assignment[];
  reportingObligations: ReportingObligation[];
  references: LegalBasis[];
  warnings: string[];
}

const REQUIREMENT_CUE = /(?<![\p{L}])(?:cần|phải)(?![\p{L}])|^(?:Các\s+hoạt\s+động|Hoạt\s+động|Đảm\s+bảo|Bảo\s+đảm)(?![\p{L}])|được\s+(?:tổ\s+chức|tiến\s+hành|triển\s+khai)/u;

/** Items with the heading of the numbered section they sit in. */
function itemsWithHeadings(section: Section): { item: string; heading: string }[] {
  const out: { item: string; heading: string }[] = [];
  const walk = (s: Section, heading: string): void => {
    for (const c of sectionContent(s)) {
      if ('item' in c) out.push({ item: c.item, heading });
      else if (c.section.marker && c.section.marker !== 'numbered') {
        out.push({ item: c.section.heading, heading });
        walk(c.section, heading);
      } else walk(c.section, c.section.heading);
    }
  };
  walk(section, section.heading);
  return out;
}

/** Masks cited documents' numbers so they are not read as quantities or dates. */
export function maskReferences(text: string): string {
  return maskSpans(
    text,
    findReferences(text).map((r) => ({ start: r.start, end: r.endWithDate })),
  );
}

export function deriveFromSections(sections: Section[], ctx: DeriveContext): Derived {
  const warnings: string[] = [];
  const top = sections.map((s) => ({ s, role: sectionRole(s.heading) }));
  const byRole = (...roles: SectionRole[]): Section[] => top.filter((t) => roles.includes(t.role)).map((t) => t.s);

  // Purposes and requirements.
  const purposes: string[] = [];
  const requirements: string[] = [];
  for (const { s, role } of top) {
    if (role === 'purposes') purposes.push(...flattenItems(s));
    else if (role === 'requirements') requirements.push(...flattenItems(s));
    else if (role === 'purposesAndRequirements') {
      const subs = s.children.map((c) => ({ c, role: sectionRole(c.heading) }));
      if (subs.some((x) => x.role === 'purposes' || x.role === 'requirements')) {
        purposes.push(...s.items);
        for (const { c, role: r } of subs) {
          if (r === 'requirements') requirements.push(...flattenItems(c));
          else purposes.push(...flattenItems(c));
        }
      } else {
        let inRequirements = false;
        flattenItems(s).forEach((item, i) => {
          if (i > 0 && REQUIREMENT_CUE.test(item)) inRequirements = true;
          (inRequirements ? requirements : purposes).push(item);
        });
      }
    }
  }

  // Targets.
  const targets: Target[] = [];
  const targetSections: Section[] = [];
  const findTargetSections = (list: Section[]): void => {
    for (const s of list) {
      if (sectionRole(s.heading) === 'targets') targetSections.push(s);
      else findTargetSections(s.children);
    }
  };
  findTargetSections(sections);
  const thresholds: string[] = [];
  if (targetSections.length > 0) {
    for (const s of targetSections) {
      for (const { item, heading } of itemsWithHeadings(s)) targets.push(targetFromItem(item, heading, maskReferences));
    }
    for (const { s, role } of top) {
      if (targetSections.includes(s) || role === 'purposes' || role === 'purposesAndRequirements' || role === 'logistics') continue;
      for (const { item, heading } of itemsWithHeadings(s)) {
        const scan = scanTargets(item, heading, maskReferences);
        for (const t of scan.targets) {
          if (hasStrongCue(t)) warnings.push(`Có thể là chỉ tiêu nằm ngoài mục Chỉ tiêu: "${excerpt(t.text, 300)}".`);
        }
      }
    }
  } else {
    for (const s of byRole('content')) {
      for (const { item, heading } of itemsWithHeadings(s)) {
        const scan = scanTargets(item, heading, maskReferences);
        targets.push(...scan.targets);
        thresholds.push(...scan.thresholds);
      }
    }
  }
  for (const t of thresholds) warnings.push(`Ngưỡng rà soát (không phải chỉ tiêu): "${excerpt(t, 140)}".`);

  // Assignments.
  const assignmentRoots = byRole('assignments');
  const assigned = extractAssignments(assignmentRoots);
  warnings.push(...assigned.warnings);

  // Activities.
  const acts = extractActivities(byRole('content', 'logistics'), {
    title: ctx.title,
    defaultYear: ctx.year,
    assignments: assigned.assignments,
    mask: maskReferences,
    issuer: ctx.issuer ?? null,
  });
  warnings.push(...acts.warnings);

  // Reporting obligations: tasks (with the unit that reports) and every other paragraph.
  const entries: { text: string; reporter: string | null }[] = assigned.owners.map((o) => ({ text: o.task, reporter: o.unit }));
  for (const { s, role } of top) {
    if (role === 'assignments') continue;
    for (const item of flattenItems(s)) entries.push({ text: item, reporter: null });
  }
  const reporting = extractObligations(entries);
  warnings.push(...reporting.warnings);

  // Funding.
  const fundingDetails: string[] = [];
  for (const s of byRole('funding')) {
    for (const c of sectionContent(s)) {
      if ('item' in c) fundingDetails.push(c.item);
      else fundingDetails.push(...flattenItems(c.section).map((i) => i));
    }
  }
  const mentions = top
    .filter((t) => t.role !== 'funding')
    .flatMap((t) => flattenItems(t.s))
    .filter(mentionsFunding);
  let fundingSources = fundingSourcesIn([...fundingDetails, ...mentions]);
  if (fundingSources.length === 0 && fundingDetails.length > 0) fundingSources = [...fundingDetails];

  // Documents cited in the body.
  const references: LegalBasis[] = [];
  const seen = new Set(ctx.legalNumbers ?? []);
  const allTexts: string[] = [];
  const collect = (list: Section[]): void => {
    for (const s of list) {
      allTexts.push(s.heading, ...s.items);
      collect(s.children);
    }
  };
  collect(sections);
  for (const text of allTexts) {
    for (const r of findReferences(text, { sentenceMode: true })) {
      if (!r.basis.number || seen.has(r.basis.number)) continue;
      seen.add(r.basis.number);
      const { introducedBy: _ignored, ...basis } = r.basis;
      references.push(basis);
    }
  }

  return {
    purposes,
    requirements,
    targets,
    activities: acts.activities,
    fundingSources,
    fundingDetails,
    assignments: assigned.assignments,
    reportingObligations: reporting.obligations,
    references,
    warnings,
  };
}
