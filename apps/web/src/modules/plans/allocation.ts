import type { PlanContent } from '@sen/contracts';

type Target = PlanContent['targets'][number];

/** Targets that can be split between units: a numeric total (not a ratio nor a per-unit minimum). */
export function allocatableTargets(targets: Target[]): { index: number; target: Target & { value: number } }[] {
  return targets.flatMap((target, index) =>
    target.value !== null && target.unit !== '%' && target.aggregation !== 'ratio' && target.aggregation !== 'perUnitMinimum'
      ? [{ index, target: target as Target & { value: number } }]
      : [],
  );
}

export interface AllocationSum {
  allocated: number;
  /** allocated − total: negative when short, positive when over. */
  difference: number;
  balanced: boolean;
}

/** The running sum of the inputs against the target; empty inputs count as nothing allocated. */
export function allocationSum(total: number, values: (number | null | undefined)[]): AllocationSum {
  // Integers in thousandths: 0.1 + 0.2 adds up to 0.3 exactly, as the API checks it.
  const milli = values.reduce<number>((sum, v) => sum + (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1000) : 0), 0);
  const difference = (milli - Math.round(total * 1000)) / 1000;
  return { allocated: milli / 1000, difference, balanced: difference === 0 };
}
