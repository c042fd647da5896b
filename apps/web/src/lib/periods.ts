/**
 * Reporting periods as the API names them (DHIS2-style ids: 2024, 2024S1, 2024Q3, 202406) and as people
 * write them: "Năm 2024", "6 tháng đầu năm 2024", "Quý III/2024", "Tháng 6/2024".
 */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  id: string;
  kind: PeriodKind;
  year: number;
  /** 1 for a year; 1–2 for a half; 1–4 for a quarter; 1–12 for a month. */
  index: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function parsePeriod(id: string): Period | null {
  const m = /^(\d{4})(?:(S[12])|(Q[1-4])|(0[1-9]|1[0-2]))?$/.exec(id.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { id, kind: 'half', year, index: Number(m[2].slice(1)) };
  if (m[3]) return { id, kind: 'quarter', year, index: Number(m[3].slice(1)) };
  if (m[4]) return { id, kind: 'month', year, index: Number(m[4]) };
  return { id, kind: 'year', year, index: 1 };
}

export function periodId(kind: PeriodKind, year: number, index = 1): string {
  switch (kind) {
    case 'year':
      return String(year);
    case 'half':
      return `${year}S${index}`;
    case 'quarter':
      return `${year}Q${index}`;
    case 'month':
      return `${year}${String(index).padStart(2, '0')}`;
  }
}

/** "6 tháng đầu năm 2024" / "First half of 2024"; an unknown id is shown as it is. */
export function periodLabel(id: string, language: 'vi' | 'en' = 'vi'): string {
  const p = parsePeriod(id);
  if (!p) return id;
  if (language === 'en') {
    switch (p.kind) {
      case 'year':
        return `Year ${p.year}`;
      case 'half':
        return `${p.index === 1 ? 'First' : 'Second'} half of ${p.year}`;
      case 'quarter':
        return `Q${p.index} ${p.year}`;
      case 'month':
        return `${MONTHS_EN[p.index - 1]} ${p.year}`;
    }
  }
  switch (p.kind) {
    case 'year':
      return `Năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'quarter':
      return `Quý ${ROMAN[p.index - 1]}/${p.year}`;
    case 'month':
      return `Tháng ${p.index}/${p.year}`;
  }
}

/** First month (1–12) of a period. */
function startMonth(p: Period): number {
  switch (p.kind) {
    case 'year':
      return 1;
    case 'half':
      return p.index === 1 ? 1 : 7;
    case 'quarter':
      return (p.index - 1) * 3 + 1;
    case 'month':
      return p.index;
  }
}

/** Whether the period has begun on `now` (reports of a period can be entered from its first day). */
export function periodStarted(id: string, now: Date): boolean {
  const p = parsePeriod(id);
  if (!p) return false;
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  return p.year < y || (p.year === y && startMonth(p) <= m);
}

/**
 * The periods a user most likely looks for, newest first: for each of the last `years` years the year,
 * its halves and (optionally) its quarters, leaving out periods that have not begun.
 */
export function recentPeriods(now: Date = new Date(), { years = 4, kinds = ['year', 'half', 'quarter'] as PeriodKind[] } = {}): string[] {
  const out: string[] = [];
  const current = now.getFullYear();
  for (let year = current; year > current - years; year--) {
    const ids: string[] = [];
    if (kinds.includes('year')) ids.push(periodId('year', year));
    if (kinds.includes('half')) ids.push(periodId('half', year, 2));
    if (kinds.includes('quarter')) ids.push(periodId('quarter', year, 4), periodId('quarter', year, 3));
    if (kinds.includes('half')) ids.push(periodId('half', year, 1));
    if (kinds.includes('quarter')) ids.push(periodId('quarter', year, 2), periodId('quarter', year, 1));
    if (kinds.includes('month')) for (let m = 12; m >= 1; m--) ids.push(periodId('month', year, m));
    out.push(...ids.filter((id) => periodStarted(id, now)));
  }
  return out;
}

/** Options for a period Select, grouped by year. */
export function periodOptions(ids: string[], language: 'vi' | 'en' = 'vi'): { label: string; options: { value: string; label: string }[] }[] {
  const groups = new Map<number, { value: string; label: string }[]>();
  for (const id of ids) {
    const p = parsePeriod(id);
    if (!p) continue;
    const list = groups.get(p.year) ?? [];
    list.push({ value: id, label: periodLabel(id, language) });
    groups.set(p.year, list);
  }
  return [...groups].map(([year, options]) => ({ label: language === 'en' ? `Year ${year}` : `Năm ${year}`, options }));
}

/** The half-year a screen opens on: the latest one that has begun. */
export function defaultHalfYear(now: Date = new Date()): string {
  return periodId('half', now.getFullYear(), now.getMonth() + 1 >= 7 ? 2 : 1);
}
