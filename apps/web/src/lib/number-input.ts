/**
 * Vietnamese number entry: "2.500" is two thousand five hundred and "1.000,5" has a decimal comma.
 * antd's InputNumber keeps its value as a plain number; these are its `formatter` and `parser`.
 */

/** "2500" → "2.500"; "1000.5" → "1.000,5"; "-12" → "-12"; "" → "". */
export function formatViNumberText(value: string | number | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  const negative = text.startsWith('-');
  const [int = '', frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

/**
 * What the user typed → a plain number text for InputNumber. Dots group thousands and the comma is the
 * decimal mark ("1.000,5" → "1000.5"). A lone dot not followed by exactly three digits is taken as a decimal
 * mark, as typed on an English keyboard ("90.5" → "90.5"; "2.500" → "2500").
 */
export function parseViNumberText(text: string | undefined | null): string {
  if (!text) return '';
  let t = text.replace(/[\s\u00a0%]/g, '');
  if (t.includes(',')) {
    t = t.replace(/\./g, '').replace(',', '.').replace(/,/g, '');
  } else {
    const dots = t.split('.').length - 1;
    if (dots === 1 && !/\.\d{3}$/.test(t)) {
      // "90.5": a decimal point.
    } else {
      t = t.replace(/\./g, '');
    }
  }
  return t.replace(/[^\d.-]/g, '');
}

/** Props for an antd InputNumber that reads and writes Vietnamese numbers. */
export const viNumberInputProps = {
  formatter: (value: string | number | undefined, info: { userTyping: boolean; input: string }) =>
    info.userTyping ? info.input : formatViNumberText(value),
  // antd's own examples return the cleaned text typed as the value type; the input converts it.
  parser: (text: string | undefined) => parseViNumberText(text) as unknown as number,
};
