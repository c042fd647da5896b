import { AggregationError } from '../shared/errors';
import type { AggregationId, AggregationMethod } from './aggregation-method';
import { averageMethod } from './average.method';
import { coverageMethod } from './coverage.method';
import { latestMethod } from './latest.method';
import { maxMethod } from './max.method';
import { minMethod } from './min.method';
import { ratioMethod } from './ratio.method';
import { sumMethod } from './sum.method';

/**
 * The methods shipped with the package. Adding a method = one new file in this folder + one line here.
 */
export const BUILT_IN_AGGREGATION_METHODS: readonly AggregationMethod[] = [
  sumMethod,
  ratioMethod,
  averageMethod,
  minMethod,
  maxMethod,
  coverageMethod,
  latestMethod,
];

const methods = new Map<string, AggregationMethod>(BUILT_IN_AGGREGATION_METHODS.map((m) => [m.id, m]));
const builtInIds = new Set(BUILT_IN_AGGREGATION_METHODS.map((m) => m.id as string));

const METHOD_ID = /^[a-z][a-z0-9_]*$/;

/**
 * Registers a method so indicators can name it. Throws when the id is taken, unless `replace` is set
 * (built-ins can never be replaced: stored rollups depend on their meaning).
 */
export function registerAggregationMethod(method: AggregationMethod, options: { replace?: boolean } = {}): void {
  if (!METHOD_ID.test(method.id)) {
    throw new AggregationError(
      `Invalid aggregation method id "${method.id}": expected lower_snake_case`,
      `Mã phương pháp tổng hợp "${method.id}" không hợp lệ: cần chữ thường, số và gạch dưới`,
      'id',
      'AGGREGATION_METHOD_INVALID',
    );
  }
  if (builtInIds.has(method.id)) {
    throw new AggregationError(
      `Aggregation method "${method.id}" is built in and cannot be replaced`,
      `Phương pháp tổng hợp "${method.id}" có sẵn, không thể thay thế`,
      'id',
      'AGGREGATION_METHOD_DUPLICATE',
    );
  }
  if (methods.has(method.id) && !options.replace) {
    throw new AggregationError(
      `Aggregation method "${method.id}" is already registered`,
      `Phương pháp tổng hợp "${method.id}" đã được đăng ký`,
      'id',
      'AGGREGATION_METHOD_DUPLICATE',
    );
  }
  methods.set(method.id, method);
}

/** Removes a method registered by `registerAggregationMethod` (tests, plug-ins being unloaded). */
export function unregisterAggregationMethod(id: AggregationId): boolean {
  if (builtInIds.has(id)) return false;
  return methods.delete(id);
}

export function hasAggregationMethod(id: string): boolean {
  return methods.has(id);
}

/** The method with this id; throws an `AggregationError` listing the known ids otherwise. */
export function getAggregationMethod(id: AggregationId): AggregationMethod {
  const method = methods.get(id);
  if (!method) {
    const known = [...methods.keys()].join(', ');
    throw new AggregationError(
      `Unknown aggregation method "${id}" (registered: ${known})`,
      `Không có phương pháp tổng hợp "${id}" (đã đăng ký: ${known})`,
      'aggregation',
      'AGGREGATION_METHOD_UNKNOWN',
    );
  }
  return method;
}

/** Every registered method, built-ins first. */
export function listAggregationMethods(): AggregationMethod[] {
  return [...methods.values()];
}
