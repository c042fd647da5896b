/**
 * Number formatting for messages. Vietnamese writes 2.500 and 1.000,5 (DOMAIN.md, "Language"); English
 * writes 2,500 and 1,000.5. Hand-written rather than Intl so messages do not depend on the ICU data a
 * Node build happens to ship.
 */
function format(n: number, group: string, decimal: string, maxFractionDigits: number): string {
  if (!Number.isFinite(n)) return String(n);
  const factor = 10 ** maxFractionDigits;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  const [intPart = '0', fracPart] = rounded.toFixed(maxFractionDigits).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const frac = (fracPart ?? '').replace(/0+$/, '');
  const sign = n < 0 && rounded !== 0 ? '-' : '';
  return sign + grouped + (frac ? decimal + frac : '');
}

/** `formatNumberVi(2500)` → "2.500"; `formatNumberVi(1000.5)` → "1.000,5". */
export function formatNumberVi(n: number, maxFractionDigits = 2): string {
  return format(n, '.', ',', maxFractionDigits);
}

/** `formatNumberEn(2500)` → "2,500"; `formatNumberEn(1000.5)` → "1,000.5". */
export function formatNumberEn(n: number, maxFractionDigits = 2): string {
  return format(n, ',', '.', maxFractionDigits);
}
