/**
 * The body the exporter writes: the plan's sections, plus generated sections for structured fields the
 * sections do not already express (a plan built in the app may have targets, activities, assignments …
 * but no sections). The importer reads the generated sections back into the same fields.
 */
import type { ActivityTime, Assignment, ImportedPlan, LegalBasis, PeriodKind, ReportingObligation, Section } from '../model/types';
import { deriveFromSections } from '../import/derive';
import { roleFromTasks } from '../import/assignments';
import { formatDateVi, parseIso } from '../time/dates';
import { capitalizeFirst, foldVietnamese, lowerFirst } from '../text/vietnamese';

const PERIOD_LABEL: Record<PeriodKind, string> = {
  month: 'báo cáo tháng',
  quarter: 'báo cáo quý',
  half: 'báo cáo 6 tháng',
  year: 'báo cáo năm',
};

function planYear(plan: ImportedPlan): number | null {
  if (plan.issuedOn) return parseIso(plan.issuedOn)?.year ?? null;
  const years = [...plan.title.matchAll(/năm\s+(\d{4})/giu)].map((m) => Number(m[1]));
  return years[years.length - 1] ?? null;
}

function dayMonth(deadline: string): string {
  const [d, m] = deadline.split('/');
  return `${Number(d)}/${Number(m)}`;
}

/** "Thực hiện chế độ báo cáo 6 tháng (trước ngày 13/6), báo cáo năm (trước ngày 30/10) gửi về …". */
export function obligationSentence(list: ReportingObligation[]): string {
  const parts = list.map((o) => (o.deadline ? `${PERIOD_LABEL[o.periodKind]} (trước ngày ${dayMonth(o.deadline)})` : PERIOD_LABEL[o.periodKind]));
  const to = list.find((o) => o.reportTo)?.reportTo;
  return `Thực hiện chế độ ${parts.join(', ')}${to ? ` gửi về ${to}` : ''}.`;
}

/** How an activity's time is written when the plan did not keep the text. */
export function timeText(time: ActivityTime): string {
  if (time.text) return time.text;
  if (time.from && time.to && time.from === time.to) return `ngày ${formatDateVi(time.from)}`;
  if (time.from && time.to) return `từ ngày ${formatDateVi(time.from)} đến ngày ${formatDateVi(time.to)}`;
  if (time.recurrence) return { month: 'Hằng tháng', quarter: 'Hằng quý', half: 'Định kỳ 6 tháng', year: 'Hằng năm' }[time.recurrence];
  return '';
}

function clone(s: Section): Section {
  return { ...s, items: [...s.items], children: s.children.map(clone) };
}

const section = (heading: string, items: string[] = [], children: Section[] = []): Section => ({
  heading,
  items,
  children: children.map((c) => ({ ...c, at: c.at ?? items.length })),
  marker: 'numbered',
});

function assignmentSection(a: Assignment): Section {
  const needsMark = a.role !== roleFromTasks(a.tasks, false);
  const heading = needsMark ? `${a.unit} (${a.role === 'cooperating' ? 'phối hợp' : 'chủ trì'})` : a.unit;
  return section(heading, [...a.tasks]);
}

function groupObligations(list: ReportingObligation[]): ReportingObligation[][] {
  const groups = new Map<string, ReportingObligation[]>();
  for (const o of list) {
    const key = `${o.reporter ?? ''}\u0000${o.reportTo ?? ''}`;
    const g = groups.get(key) ?? [];
    g.push(o);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Sections to write: the plan's own, completed with generated ones for fields they do not express. */
export function bodySections(plan: ImportedPlan): Section[] {
  const sections = plan.sections.map(clone);
  const derived = deriveFromSections(sections, { title: plan.title, year: planYear(plan) });
  const before: Section[] = [];
  const after: Section[] = [];

  if ((plan.purposes.length > 0 || plan.requirements.length > 0) && derived.purposes.length === 0 && derived.requirements.length === 0) {
    const children: Section[] = [];
    if (plan.purposes.length > 0) children.push(section('Mục đích', [...plan.purposes]));
    if (plan.requirements.length > 0) children.push(section('Yêu cầu', [...plan.requirements]));
    before.push(section('MỤC ĐÍCH, YÊU CẦU', [], children));
  }
  if (plan.targets.length > 0 && derived.targets.length === 0) {
    before.push(section('CHỈ TIÊU', plan.targets.map((t) => t.text)));
  }
  if (plan.activities.length > 0 && derived.activities.length === 0) {
    after.push(
      section(
        'NỘI DUNG HOẠT ĐỘNG',
        [],
        plan.activities.map((a) => {
          const items: string[] = [];
          const t = timeText(a.time);
          if (t) items.push(`Thời gian: ${t}`);
          if (a.venue) items.push(`Địa điểm: ${a.venue}`);
          if (a.leadUnits.length > 0) items.push(`Đơn vị chủ trì: ${a.leadUnits.join('; ')}`);
          if (a.cooperatingUnits.length > 0) items.push(`Đơn vị phối hợp: ${a.cooperatingUnits.join('; ')}`);
          // Its content items, as plans write them: "- Nội dung:" and one "+ …" line each.
          const programme: Section[] = a.items && a.items.length > 0 ? [{ heading: 'Nội dung', items: [...a.items], children: [], marker: '-', at: items.length }] : [];
          return section(a.name, items, programme);
        }),
      ),
    );
  }
  if (plan.fundingSources.length > 0 && derived.fundingSources.length === 0) {
    const details = plan.fundingDetails && plan.fundingDetails.length > 0 ? plan.fundingDetails : plan.fundingSources;
    after.push(section('KINH PHÍ THỰC HIỆN', [...details]));
  }
  const needAssignments = plan.assignments.length > 0 && derived.assignments.length === 0;
  const needReporting = plan.reportingObligations.length > 0 && derived.reportingObligations.length === 0;
  if (needAssignments || needReporting) {
    const children = needAssignments ? plan.assignments.map(assignmentSection) : [];
    const loose: string[] = [];
    // The assignments' own tasks may already state the reporting duties.
    const statedByTasks =
      needAssignments &&
      deriveFromSections([section('TỔ CHỨC THỰC HIỆN', [], children)], { title: plan.title, year: planYear(plan) }).reportingObligations.length > 0;
    if (needReporting && !statedByTasks) {
      for (const group of groupObligations(plan.reportingObligations)) {
        const reporter = group[0]?.reporter ?? null;
        const sentence = obligationSentence(group);
        const owner = reporter ? children.find((c) => foldVietnamese(c.heading).startsWith(foldVietnamese(reporter))) : undefined;
        if (owner) owner.items.push(sentence);
        else if (reporter) children.push(section(reporter, [sentence]));
        else loose.push(sentence);
      }
    }
    if (children.length > 0) after.push(section('TỔ CHỨC THỰC HIỆN', [], children));
    if (loose.length > 0) after.push(section('CHẾ ĐỘ BÁO CÁO', loose));
  }
  return [...before, ...sections, ...after];
}

/** One legal basis as a clause: "Quyết định số 4028/QĐ-UBND ngày 10/08/2023 của … về …". */
export function legalBasisClause(b: LegalBasis): string {
  const parts: string[] = [b.kind ?? 'Văn bản'];
  if (b.number) parts.push(`số ${b.number}`);
  if (b.date) parts.push(`ngày ${formatDateVi(b.date)}`);
  if (b.issuer) parts.push(`của ${b.issuer}`);
  if (b.title) parts.push(`về ${b.title}`);
  return parts.join(' ');
}

/** The preamble paragraph: legal bases, then "<issuer> xây dựng Kế hoạch <title>, cụ thể như sau:". */
export function preambleText(plan: ImportedPlan): string | null {
  const clauses: string[] = [];
  let verb: string | null = null;
  for (const b of plan.legalBases) {
    const v = b.introducedBy ?? (clauses.length === 0 ? 'Thực hiện' : null);
    const clause = legalBasisClause(b).replace(/;/g, ',');
    if (v && v !== verb) {
      clauses.push(`${v} ${clause}`);
      verb = v;
    } else clauses.push(clause);
  }
  const kindWord = { KH: 'Kế hoạch', CTr: 'Chương trình', ĐA: 'Đề án', HD: 'Hướng dẫn', PA: 'Phương án', DA: 'Dự án' }[plan.kind] ?? 'Kế hoạch';
  const issuer = plan.issuer ? capitalizeFirst(plan.issuer) : null;
  if (clauses.length === 0 && !issuer) return null;
  const main = `${issuer ?? 'Ban Thường vụ'} xây dựng ${kindWord}${plan.title ? ` ${lowerFirst(plan.title)}` : ''}, cụ thể như sau:`;
  return clauses.length > 0 ? `${clauses.join('; ')}, ${main}` : main;
}
