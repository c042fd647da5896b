import { PLAN_LINK_PREFILL_CONFIDENCE, prefillIndicatorLinks, type IndicatorLink, type PlanCalendarItem, type PlanContent } from '@sen/contracts';

/** A deep copy (a plan is plain JSON). */
export function clonePlan(plan: PlanContent): PlanContent {
  return JSON.parse(JSON.stringify(plan)) as PlanContent;
}

/** A changed copy of the plan: `fn` edits the copy in place. */
export function editPlan(plan: PlanContent, fn: (draft: PlanContent) => void): PlanContent {
  const next = clonePlan(plan);
  fn(next);
  return next;
}

/** One item per line; blank lines dropped. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Suggestions per target, best first. */
export function linksByTarget(links: readonly IndicatorLink[]): Map<number, IndicatorLink[]> {
  const out = new Map<number, IndicatorLink[]>();
  for (const l of links) {
    const list = out.get(l.targetIndex) ?? [];
    list.push(l);
    out.set(l.targetIndex, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.confidence - a.confidence);
  return out;
}

/**
 * Targets without an indicator get their best suggestion when it is confident enough (PLAN_LINK_PREFILL_CONFIDENCE,
 * 0.8: the rule the demo data follows too); the others stay suggestions the user picks on the review screen.
 */
export function prefillIndicators(plan: PlanContent, links: readonly IndicatorLink[], min = PLAN_LINK_PREFILL_CONFIDENCE): PlanContent {
  return prefillIndicatorLinks(clonePlan(plan), links, min);
}

/** Suggestions shown to pick from: those of a target without an indicator that were not confident enough to pre-fill. */
export function pendingSuggestions(target: { indicatorCode?: string | null }, suggested: readonly IndicatorLink[], min = PLAN_LINK_PREFILL_CONFIDENCE): IndicatorLink[] {
  if (target.indicatorCode) return [];
  return suggested.filter((s) => s.confidence < min).slice(0, 3);
}

/** The months (1–12) of `year` an activity overlaps. */
export function monthsOf(item: Pick<PlanCalendarItem, 'dateFrom' | 'dateTo'>, year: number): number[] {
  const months: number[] = [];
  for (let m = 1; m <= 12; m++) {
    const first = `${year}-${String(m).padStart(2, '0')}-01`;
    const last = `${year}-${String(m).padStart(2, '0')}-31`;
    if (item.dateFrom <= last && item.dateTo >= first) months.push(m);
  }
  return months;
}

/** Activities grouped by the months they overlap (an activity over a quarter appears in its three months). */
export function byMonth<T extends Pick<PlanCalendarItem, 'dateFrom' | 'dateTo'>>(items: readonly T[], year: number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (let m = 1; m <= 12; m++) out.set(m, []);
  for (const item of items) for (const m of monthsOf(item, year)) out.get(m)!.push(item);
  return out;
}

/** A plan with nothing in it but a title, for a plan typed from scratch. */
export function blankPlan(title = ''): PlanContent {
  return {
    number: null,
    issuedOn: null,
    place: null,
    title,
    legalBases: [],
    purposes: [],
    targets: [],
    sections: [],
    activities: [],
    fundingSources: [],
    assignments: [],
    reportingObligations: [],
    recipients: [],
    signatory: { onBehalfOf: null, title: null, name: null },
    requirements: [],
    issuer: null,
    kind: 'KH',
    programme: null,
  };
}
