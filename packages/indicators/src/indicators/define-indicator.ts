import { getAggregationMethod, hasAggregationMethod, listAggregationMethods } from '../aggregation/registry';
import { DefinitionProblem, IndicatorDefinitionError } from '../shared/errors';
import type { IndicatorDefinition, IndicatorKind, ValueType } from './indicator-definition';

/** UPPER_SNAKE: a letter, then letters/digits, words joined by single underscores. */
export const INDICATOR_CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** The rollup and report tables store codes in a VARCHAR(64). */
export const INDICATOR_CODE_MAX_LENGTH = 64;

const VALUE_TYPES: readonly ValueType[] = ['integer', 'decimal', 'percentage', 'boolean'];
const KINDS: readonly IndicatorKind[] = ['flow', 'stock'];
/** Methods whose total over categories means something (deriveTotal). */
const DISAGGREGATABLE = ['sum', 'ratio', 'average'];

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function isIndicatorCode(code: unknown): code is string {
  return typeof code === 'string' && code.length <= INDICATOR_CODE_MAX_LENGTH && INDICATOR_CODE_PATTERN.test(code);
}

/**
 * Checks a definition and returns every problem found (empty when it is valid). `defineIndicator`
 * throws them; an admin screen can show them all next to their fields.
 */
export function checkIndicatorDefinition(def: IndicatorDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (field: string, reason: string, reasonVi: string): void => {
    problems.push({ field, reason, reasonVi });
  };

  if (!isIndicatorCode(def.code)) {
    add(
      'code',
      `must be UPPER_SNAKE (A–Z, 0–9, single underscores, starting with a letter, at most ${INDICATOR_CODE_MAX_LENGTH} characters), got "${String(def.code)}"`,
      `phải viết HOA_GẠCH_DƯỚI không dấu (A–Z, 0–9, bắt đầu bằng chữ, tối đa ${INDICATOR_CODE_MAX_LENGTH} ký tự), nhận "${String(def.code)}"`,
    );
  }
  if (!isNonEmptyString(def.name)) add('name', 'the Vietnamese name is required', 'cần tên tiếng Việt');
  if (!isNonEmptyString(def.nameEn)) add('nameEn', 'the English name is required', 'cần tên tiếng Anh');
  if (!isNonEmptyString(def.unit)) add('unit', 'the unit of measure is required (người, hộ, %, …)', 'cần đơn vị tính (người, hộ, %, …)');
  if (!VALUE_TYPES.includes(def.valueType)) {
    add('valueType', `must be one of ${VALUE_TYPES.join(', ')}, got "${String(def.valueType)}"`, `phải là một trong ${VALUE_TYPES.join(', ')}, nhận "${String(def.valueType)}"`);
  }
  if (!KINDS.includes(def.kind)) {
    add('kind', `must be "flow" or "stock", got "${String(def.kind)}"`, `phải là "flow" (phát sinh trong kỳ) hoặc "stock" (số tại thời điểm), nhận "${String(def.kind)}"`);
  }
  if (typeof def.national !== 'boolean') add('national', 'must be true or false', 'phải là true hoặc false');

  const aggregation = def.aggregation;
  if (!hasAggregationMethod(aggregation)) {
    const known = listAggregationMethods().map((m) => m.id).join(', ');
    add('aggregation', `unknown method "${String(aggregation)}" (registered: ${known})`, `phương pháp tổng hợp "${String(aggregation)}" chưa được đăng ký (đã có: ${known})`);
  } else if (def.valueType === 'percentage' && getAggregationMethod(aggregation).additive) {
    // The classic mistake: adding up the communes' percentages.
    add('aggregation', `a percentage cannot be added up with "${aggregation}": use "ratio" with numerator and denominator`, `không thể cộng dồn tỷ lệ phần trăm bằng "${aggregation}": dùng "ratio" với tử số và mẫu số`);
  }

  if (aggregation === 'average') {
    if (def.weightIndicator === undefined) {
      add('weightIndicator', 'required for "average": name the indicator that weights each unit (an unweighted mean of units misleads)', 'bắt buộc với "average": cần chỉ số làm trọng số cho từng đơn vị');
    }
  } else if (def.weightIndicator !== undefined) {
    add('weightIndicator', `only used by "average", not by "${String(aggregation)}"`, `chỉ dùng cho "average", không dùng cho "${String(aggregation)}"`);
  }
  if (def.weightIndicator !== undefined) {
    if (!isIndicatorCode(def.weightIndicator)) {
      add('weightIndicator', `must be an indicator code (UPPER_SNAKE), got "${String(def.weightIndicator)}"`, `phải là mã chỉ số (HOA_GẠCH_DƯỚI), nhận "${String(def.weightIndicator)}"`);
    } else if (def.weightIndicator === def.code) {
      add('weightIndicator', 'an indicator cannot weight itself', 'chỉ số không thể làm trọng số cho chính nó');
    }
  }

  if (aggregation === 'coverage') {
    if (def.coverage === undefined) {
      add('coverage', 'required for "coverage": give the level and the minimum each unit must reach', 'bắt buộc với "coverage": cần cấp đơn vị và mức tối thiểu mỗi đơn vị phải đạt');
    }
  } else if (def.coverage !== undefined) {
    add('coverage', `only used by "coverage", not by "${String(aggregation)}"`, `chỉ dùng cho "coverage", không dùng cho "${String(aggregation)}"`);
  }
  if (def.coverage !== undefined) {
    if (!isNonEmptyString(def.coverage.level)) add('coverage.level', 'the level is required (e.g. "grassroots")', 'cần cấp đơn vị (ví dụ "grassroots")');
    if (!isFiniteNumber(def.coverage.minimum)) {
      add('coverage.minimum', `must be a finite number, got ${String(def.coverage.minimum)}`, `phải là một số, nhận ${String(def.coverage.minimum)}`);
    }
  }

  if (def.bounds !== undefined) {
    const { min, max } = def.bounds;
    if (min !== undefined && !isFiniteNumber(min)) add('bounds.min', `must be a finite number, got ${String(min)}`, `phải là một số, nhận ${String(min)}`);
    if (max !== undefined && !isFiniteNumber(max)) add('bounds.max', `must be a finite number, got ${String(max)}`, `phải là một số, nhận ${String(max)}`);
    if (isFiniteNumber(min) && isFiniteNumber(max) && min > max) {
      add('bounds', `min (${min}) is greater than max (${max})`, `giá trị nhỏ nhất (${min}) lớn hơn giá trị lớn nhất (${max})`);
    }
  }

  if (def.disaggregations !== undefined) {
    if (!DISAGGREGATABLE.includes(aggregation)) {
      add('disaggregations', `a total over categories is only defined for ${DISAGGREGATABLE.join(', ')}, not "${String(aggregation)}"`, `chỉ phân tổ được chỉ số tính theo ${DISAGGREGATABLE.join(', ')}, không phải "${String(aggregation)}"`);
    }
    const seen = new Set<string>();
    def.disaggregations.forEach((d, i) => {
      const field = `disaggregations[${i}]`;
      if (!isIndicatorCode(d.code)) add(`${field}.code`, `must be UPPER_SNAKE, got "${String(d.code)}"`, `phải viết HOA_GẠCH_DƯỚI, nhận "${String(d.code)}"`);
      else if (seen.has(d.code)) add(`${field}.code`, `duplicate disaggregation "${d.code}"`, `phân tổ "${d.code}" bị trùng`);
      seen.add(d.code);
      if (!isNonEmptyString(d.name)) add(`${field}.name`, 'the Vietnamese name is required', 'cần tên tiếng Việt');
      if (!Array.isArray(d.categories) || d.categories.length < 2) {
        add(`${field}.categories`, 'at least two categories are needed', 'cần ít nhất hai nhóm');
        return;
      }
      const cats = new Set<string>();
      d.categories.forEach((c, j) => {
        if (!isIndicatorCode(c.code)) add(`${field}.categories[${j}].code`, `must be UPPER_SNAKE, got "${String(c.code)}"`, `phải viết HOA_GẠCH_DƯỚI, nhận "${String(c.code)}"`);
        else if (cats.has(c.code)) add(`${field}.categories[${j}].code`, `duplicate category "${c.code}"`, `nhóm "${c.code}" bị trùng`);
        cats.add(c.code);
        if (!isNonEmptyString(c.name)) add(`${field}.categories[${j}].name`, 'the Vietnamese name is required', 'cần tên tiếng Việt');
      });
    });
  }
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * Checks a definition and returns a frozen copy; throws an `IndicatorDefinitionError` listing every
 * problem (field + reason, in English and Vietnamese) otherwise. Definitions are shared by every
 * request and job, so they are frozen to keep one caller from changing them under another.
 */
export function defineIndicator(def: IndicatorDefinition): IndicatorDefinition {
  const problems = checkIndicatorDefinition(def);
  if (problems.length > 0) throw new IndicatorDefinitionError(String(def.code), problems);
  return deepFreeze(structuredClone(def));
}
