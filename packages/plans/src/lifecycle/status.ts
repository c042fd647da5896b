/**
 * Plan statuses: draft → in_review → issued → closed, and superseded (a newer plan replaces an issued or
 * closed one). A plan in review can go back to draft. Only drafts are editable: an issued plan is read-only.
 */
import diff from 'microdiff';
import type { ImportedPlan } from '../model/types';

export type PlanStatus = 'draft' | 'in_review' | 'issued' | 'closed' | 'superseded';

export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'in_review', 'issued', 'closed', 'superseded'];

export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, { vi: string; en: string }>> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  in_review: { vi: 'Đang xem xét', en: 'In review' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
};

const TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['in_review'],
  in_review: ['draft', 'issued'],
  issued: ['closed', 'superseded'],
  closed: ['superseded'],
  superseded: [],
};

export function isPlanStatus(value: unknown): value is PlanStatus {
  return typeof value === 'string' && (PLAN_STATUSES as readonly string[]).includes(value);
}

/** Statuses reachable from `from` in one step. */
export function allowedTransitions(from: PlanStatus): readonly PlanStatus[] {
  return TRANSITIONS[from] ?? [];
}

export function canTransition(from: PlanStatus, to: PlanStatus): boolean {
  return isPlanStatus(from) && isPlanStatus(to) && allowedTransitions(from).includes(to);
}

export class PlanTransitionError extends Error {
  readonly from: string;
  readonly to: string;

  constructor(from: string, to: string) {
    const label = (s: string): string => (isPlanStatus(s) ? `"${PLAN_STATUS_LABELS[s].vi}" (${s})` : `"${s}"`);
    const allowed = isPlanStatus(from) ? allowedTransitions(from) : [];
    const hint =
      allowed.length > 0
        ? `Chỉ có thể chuyển sang: ${allowed.map((s) => label(s)).join(', ')}.`
        : 'Kế hoạch ở trạng thái này không thể chuyển tiếp.';
    super(`Không thể chuyển kế hoạch từ ${label(from)} sang ${label(to)}. ${hint}`);
    this.name = 'PlanTransitionError';
    this.from = from;
    this.to = to;
  }
}

/** Throws a PlanTransitionError naming the allowed next statuses when the step is not allowed. */
export function assertTransition(from: PlanStatus, to: PlanStatus): void {
  if (!canTransition(from, to)) throw new PlanTransitionError(from, to);
}

/** Only drafts can be edited; a plan in review goes back to draft first, an issued plan is read-only. */
export function isEditable(status: PlanStatus): boolean {
  return status === 'draft';
}

export interface PlanChange {
  /** "targets[2].value", "signatory.name", "sections[1].items[0]". */
  path: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
}

function pathString(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/**
 * Changes between two versions of a plan, field by field (arrays compared by position). `before` is
 * undefined for an added value, `after` for a removed one.
 */
export function diffPlans(a: ImportedPlan, b: ImportedPlan): PlanChange[] {
  return diff(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>).map((d) => {
    if (d.type === 'CREATE') return { path: pathString(d.path), before: undefined, after: d.value, kind: 'added' as const };
    if (d.type === 'REMOVE') return { path: pathString(d.path), before: d.oldValue, after: undefined, kind: 'removed' as const };
    return { path: pathString(d.path), before: d.oldValue, after: d.value, kind: 'changed' as const };
  });
}
