import type { BulkGrid, BulkGridRow, BulkValues, FieldError, ReportValueInput, ValidationIssueDto } from '@sen/contracts';

/** One editable cell: an indicator's value, or one part of a ratio. */
export interface GridColumn {
  /** `HOI_VIEN`, `TY_LE_X.numerator`, `TY_LE_X.denominator`. */
  key: string;
  indicator: string;
  part: 'value' | 'numerator' | 'denominator';
  name: string;
  unit: string;
  valueType: string;
}

/** Values being typed: unit id → cell key → number (null = cleared). Only cells that differ are kept. */
export type GridEdits = Record<string, Record<string, number | null>>;

/** What the user sees at a cell: the API's refusal (400) or the national checks on the saved values. */
export interface CellMessage {
  severity: 'error' | 'warning';
  text: string;
}

export const EDITABLE_STATUSES = new Set(['draft', 'returned']);

export function gridColumns(grid: Pick<BulkGrid, 'indicators'>): GridColumn[] {
  return grid.indicators.flatMap((i): GridColumn[] => {
    const base = { indicator: i.code, name: i.name, unit: i.unit, valueType: i.valueType };
    return i.aggregation === 'ratio'
      ? [
          { ...base, key: `${i.code}.numerator`, part: 'numerator' },
          { ...base, key: `${i.code}.denominator`, part: 'denominator' },
        ]
      : [{ ...base, key: i.code, part: 'value' }];
  });
}

/** The stored value of a cell (the total, not a category). */
export function storedValue(row: BulkGridRow, column: GridColumn): number | null {
  const v = row.values.find((x) => x.indicator === column.indicator && x.category === '');
  if (!v) return null;
  return column.part === 'value' ? v.value : column.part === 'numerator' ? v.numerator : v.denominator;
}

/** The value a cell shows: what was typed, else what is stored. */
export function cellValue(row: BulkGridRow, column: GridColumn, edits: GridEdits): number | null {
  const typed = edits[row.unitId];
  if (typed && column.key in typed) return typed[column.key] ?? null;
  return storedValue(row, column);
}

/** Records a typed value; typing the stored value back removes the edit (nothing to save). */
export function applyEdit(edits: GridEdits, row: BulkGridRow, column: GridColumn, value: number | null): GridEdits {
  const mine = { ...(edits[row.unitId] ?? {}) };
  if (value === storedValue(row, column)) delete mine[column.key];
  else mine[column.key] = value;
  const next = { ...edits };
  if (Object.keys(mine).length === 0) delete next[row.unitId];
  else next[row.unitId] = mine;
  return next;
}

export function editCount(edits: GridEdits): number {
  return Object.values(edits).reduce((n, e) => n + Object.keys(e).length, 0);
}

/**
 * The body of `PUT /reports/bulk-values`: one row per edited unit with its edited indicators (a ratio is
 * sent whole: both parts, the untouched one as stored). `sent[i]` says which unit and cells row i holds, to
 * put the API's errors (`rows.i.values.j`) back at their cells.
 */
export function bulkBody(
  grid: BulkGrid,
  columns: GridColumn[],
  edits: GridEdits,
): { body: BulkValues; sent: { unitId: string; cells: string[][] }[] } {
  const rows: BulkValues['rows'] = [];
  const sent: { unitId: string; cells: string[][] }[] = [];
  for (const row of grid.rows) {
    const mine = edits[row.unitId];
    if (!mine || Object.keys(mine).length === 0) continue;
    const indicators = [...new Set(columns.filter((c) => c.key in mine).map((c) => c.indicator))];
    const values: ReportValueInput[] = [];
    const cells: string[][] = [];
    for (const code of indicators) {
      const cols = columns.filter((c) => c.indicator === code);
      const at = (part: GridColumn['part']) => cellValue(row, cols.find((c) => c.part === part)!, edits);
      if (cols[0]!.part === 'value') values.push({ indicator: code, value: at('value') });
      else values.push({ indicator: code, numerator: at('numerator'), denominator: at('denominator') });
      cells.push(cols.map((c) => c.key));
    }
    rows.push({ unitId: row.unitId, values });
    sent.push({ unitId: row.unitId, cells });
  }
  return { body: { period: grid.period, formCode: grid.formCode, rows }, sent };
}

const ROW_FIELD = /(?:^|\.)rows\.(\d+)(?:\.values\.(\d+)(?:\.(numerator|denominator|value))?)?/;

/**
 * The API's field errors put back where they belong: at a cell (`rows.1.values.0…`), or at the row
 * (`rows.1.unitId`); anything else is general.
 */
export function placeErrors(
  errors: FieldError[],
  sent: { unitId: string; cells: string[][] }[],
  reason: (e: FieldError) => string,
): { cells: Record<string, Record<string, CellMessage[]>>; rows: Record<string, string[]>; general: string[] } {
  const cells: Record<string, Record<string, CellMessage[]>> = {};
  const rows: Record<string, string[]> = {};
  const general: string[] = [];
  for (const e of errors) {
    const m = ROW_FIELD.exec(e.field);
    const target = m ? sent[Number(m[1])] : undefined;
    if (!m || !target) {
      general.push(reason(e));
      continue;
    }
    const keys = m[2] !== undefined ? target.cells[Number(m[2])] : undefined;
    if (!keys) {
      (rows[target.unitId] ??= []).push(reason(e));
      continue;
    }
    const key = (m[3] && keys.find((k) => k.endsWith(`.${m[3]}`))) || keys[0]!;
    ((cells[target.unitId] ??= {})[key] ??= []).push({ severity: 'error', text: reason(e) });
  }
  return { cells, rows, general };
}

/** The national checks of a row, at the cells of the indicator each one names. */
export function issueMessages(
  issues: ValidationIssueDto[],
  columns: GridColumn[],
  language: 'vi' | 'en',
): Record<string, CellMessage[]> {
  const out: Record<string, CellMessage[]> = {};
  for (const i of issues) {
    const key = columns.find((c) => c.indicator === i.indicator)?.key;
    if (!key) continue;
    (out[key] ??= []).push({ severity: i.severity, text: language === 'en' ? i.messageEn || i.message : i.message });
  }
  return out;
}
