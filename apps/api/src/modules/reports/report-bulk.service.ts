import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { foldVietnamese, type BulkGrid, type BulkGridQuery, type BulkValues, type BulkValuesResult, type FieldError, type ReportValueInput } from '@sen/contracts';
import { formatPeriodVi } from '@sen/indicators';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { ReportFormService } from './report-form.service';
import { diffValues, normaliseValues, reportIssues, type NormalisedValue } from './report-values';
import { ReportRepository, type ValueChangeRow, type ValueRow } from './report.repository';

/** One row of a bulk entry, with the names its errors use (`rows.3` for JSON, `rows.5` = line 5 of a file). */
interface BulkRow {
  unitId: string;
  values: ReportValueInput[];
  field: string;
  valueField: (i: number) => string;
  /** How a person finds the row: "dòng 5" in a file. */
  label?: string;
}

/** Formula-looking text ("=cmd|…", "+…", "-…", "@…") is refused rather than stored: CSV/XLSX injection. */
const FORMULA_PREFIX = /^[=+\-@]/;
const MAX_IMPORT_ROWS = 5000;
/** The template's unit-name column: there for people to read, skipped on import. */
const NAME_HEADER = 'Tên đơn vị';
const NAME_HEADERS = new Set([foldVietnamese(NAME_HEADER), 'unit name']);
const EDITABLE = new Set(['draft', 'returned']);

/** A number as people type it in a cell: 2500, 2.500 or 1.234,5 (Vietnamese), 12.5. */
function parseNumberText(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return null;
}

/**
 * Bulk entry by a parent unit for its child units (a district or the province typing in the communes'
 * paper reports): JSON rows or an XLSX file. All rows valid or nothing saved; every error names its row.
 */
@Injectable()
export class ReportBulkService {
  constructor(
    private readonly repo: ReportRepository,
    private readonly forms: ReportFormService,
    private readonly audit: AuditService,
  ) {}

  private assertCanBulk(actor: Actor): void {
    if (!hasRole(actor, 'unit_manager', 'tenant_admin')) {
      throw new ForbiddenError('Chỉ cán bộ quản lý đơn vị mới được nhập số liệu thay cho đơn vị cấp dưới', 'Only unit managers may enter values for their child units');
    }
  }

  async bulk(actor: Actor, body: BulkValues): Promise<BulkValuesResult> {
    this.assertCanBulk(actor);
    return this.save(
      actor,
      body.period,
      body.formCode,
      body.rows.map((r, i) => ({ unitId: r.unitId, values: r.values, field: `rows.${i}`, valueField: (j) => `rows.${i}.values.${j}` })),
      'report.bulk-values',
    );
  }

  /**
   * XLSX with a header row: the unit code, then one column per indicator code (`CODE.numerator` and
   * `CODE.denominator` for a ratio). Empty cells are left alone. Errors name the sheet's row: `rows.5.HOI_VIEN`.
   */
  async import(actor: Actor, period: string, formCode: string, filename: string, content: Buffer): Promise<BulkValuesResult> {
    this.assertCanBulk(actor);
    const form = await this.forms.byCode(formCode);
    this.forms.assertPeriodKind(form, period);
    const defs = await this.forms.definitionsOf(form);
    if (!filename.toLowerCase().endsWith('.xlsx')) {
      throw new ValidationFailedError([{ field: 'file', reason: 'chỉ nhận tệp .xlsx', reasonEn: 'only .xlsx files are accepted' }]);
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw new ValidationFailedError([{ field: 'file', reason: 'tệp XLSX bị hỏng hoặc không đọc được', reasonEn: 'the XLSX file is damaged or unreadable' }]);
    }
    const sheet = wb.worksheets[0];
    if (!sheet || sheet.rowCount < 2) {
      throw new ValidationFailedError([{ field: 'file', reason: 'tệp cần dòng tiêu đề và ít nhất một dòng số liệu', reasonEn: 'the file needs a header row and at least one data row' }]);
    }
    if (sheet.rowCount > MAX_IMPORT_ROWS + 1) {
      throw new ValidationFailedError([{ field: 'file', reason: `tối đa ${MAX_IMPORT_ROWS} dòng mỗi lần nhập`, reasonEn: `at most ${MAX_IMPORT_ROWS} rows per import` }]);
    }

    const errors: FieldError[] = [];
    type Cell = { text: string | null; number: number | null; formula: boolean };
    const read = (v: ExcelJS.CellValue): Cell => {
      if (v === null || v === undefined) return { text: null, number: null, formula: false };
      if (typeof v === 'number') return { text: String(v), number: v, formula: false };
      if (typeof v === 'string') return { text: v, number: null, formula: FORMULA_PREFIX.test(v.trim()) };
      if (typeof v === 'boolean') return { text: v ? '1' : '0', number: v ? 1 : 0, formula: false };
      if (v instanceof Date) return { text: v.toISOString(), number: null, formula: false };
      if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return { text: null, number: null, formula: true };
      if (typeof v === 'object' && 'richText' in v) {
        const text = v.richText.map((p) => p.text).join('');
        return { text, number: null, formula: FORMULA_PREFIX.test(text.trim()) };
      }
      if (typeof v === 'object' && 'text' in v) {
        const text = String(v.text);
        return { text, number: null, formula: FORMULA_PREFIX.test(text.trim()) };
      }
      return { text: null, number: null, formula: false };
    };

    // Header: unit code, then indicator columns.
    type Column = { col: number; header: string; indicator: string; part: 'value' | 'numerator' | 'denominator' };
    const columns: Column[] = [];
    const header = sheet.getRow(1);
    for (let c = 2; c <= header.cellCount; c++) {
      const cell = read(header.getCell(c).value);
      const h = (cell.text ?? '').trim();
      if (!h || NAME_HEADERS.has(foldVietnamese(h))) continue;
      const field = `header.${c}`;
      if (cell.formula) {
        errors.push({ field, reason: `dòng 1, cột ${c}: ô chứa công thức (bắt đầu bằng =, +, -, @) không được chấp nhận`, reasonEn: `row 1, column ${c}: formula cells are refused` });
        continue;
      }
      const m = /^([A-Z][A-Z0-9_]*)(?:\.(numerator|denominator|tu_so|mau_so))?$/.exec(h);
      const def = m ? defs.get(m[1]!) : undefined;
      if (!m || !def) {
        errors.push({ field, reason: `dòng 1, cột ${c}: "${h}" không phải mã chỉ số của biểu mẫu "${form.name}"`, reasonEn: `row 1, column ${c}: "${h}" is not an indicator code of form ${form.code}` });
        continue;
      }
      const part = m[2] === 'numerator' || m[2] === 'tu_so' ? 'numerator' : m[2] === 'denominator' || m[2] === 'mau_so' ? 'denominator' : 'value';
      if ((def.aggregation === 'ratio') !== (part !== 'value')) {
        errors.push({
          field,
          reason: def.aggregation === 'ratio' ? `dòng 1, cột ${c}: ${def.code} là tỷ lệ, cần hai cột ${def.code}.numerator và ${def.code}.denominator` : `dòng 1, cột ${c}: ${def.code} không phải tỷ lệ, dùng cột ${def.code}`,
          reasonEn: def.aggregation === 'ratio' ? `row 1, column ${c}: ${def.code} is a ratio: use ${def.code}.numerator and ${def.code}.denominator` : `row 1, column ${c}: ${def.code} is not a ratio: use ${def.code}`,
        });
        continue;
      }
      if (columns.some((x) => x.indicator === def.code && x.part === part)) {
        errors.push({ field, reason: `dòng 1, cột ${c}: cột "${h}" bị lặp lại`, reasonEn: `row 1, column ${c}: column "${h}" is repeated` });
        continue;
      }
      columns.push({ col: c, header: h, indicator: def.code, part });
    }
    for (const def of defs.values()) {
      if (def.aggregation !== 'ratio') continue;
      const parts = columns.filter((x) => x.indicator === def.code).map((x) => x.part);
      if (parts.length === 1) {
        errors.push({ field: 'header', reason: `cần cả hai cột ${def.code}.numerator và ${def.code}.denominator`, reasonEn: `both ${def.code}.numerator and ${def.code}.denominator are needed` });
      }
    }
    if (columns.length === 0 && errors.length === 0) {
      errors.push({ field: 'header', reason: 'dòng tiêu đề cần mã đơn vị rồi các mã chỉ số', reasonEn: 'the header row needs the unit code, then indicator codes' });
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);

    // Data rows.
    const parsed: { line: number; code: string; values: ReportValueInput[]; fields: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      if (line === 1) return;
      const codeCell = read(row.getCell(1).value);
      const cells = columns.map((c) => ({ c, cell: read(row.getCell(c.col).value) }));
      if (!codeCell.text?.trim() && !codeCell.formula && cells.every((x) => x.cell.text === null && !x.cell.formula)) return;
      let rowOk = true;
      if (codeCell.formula) {
        errors.push({ field: `rows.${line}.unitCode`, reason: `dòng ${line}: ô mã đơn vị chứa công thức (bắt đầu bằng =, +, -, @), không được chấp nhận`, reasonEn: `row ${line}: the unit code cell holds a formula` });
        rowOk = false;
      } else if (!codeCell.text?.trim()) {
        errors.push({ field: `rows.${line}.unitCode`, reason: `dòng ${line}: thiếu mã đơn vị`, reasonEn: `row ${line}: the unit code is missing` });
        rowOk = false;
      }
      const byIndicator = new Map<string, { value?: number | null; numerator?: number | null; denominator?: number | null; field: string }>();
      for (const { c, cell } of cells) {
        const field = `rows.${line}.${c.header}`;
        if (cell.formula) {
          errors.push({ field, reason: `dòng ${line}, cột ${c.header}: ô chứa công thức (bắt đầu bằng =, +, -, @) không được chấp nhận, hãy nhập số`, reasonEn: `row ${line}, column ${c.header}: formula cells are refused; type a number` });
          rowOk = false;
          continue;
        }
        if (cell.text === null || cell.text.trim() === '') continue;
        const n = cell.number ?? parseNumberText(cell.text);
        if (n === null || !Number.isFinite(n) || Math.abs(n) > 1e15) {
          errors.push({ field, reason: `dòng ${line}, cột ${c.header}: "${cell.text}" không phải là số`, reasonEn: `row ${line}, column ${c.header}: "${cell.text}" is not a number` });
          rowOk = false;
          continue;
        }
        const entry = byIndicator.get(c.indicator) ?? { field };
        entry[c.part] = n;
        byIndicator.set(c.indicator, entry);
      }
      if (!rowOk) return;
      const values: ReportValueInput[] = [];
      const fields: string[] = [];
      for (const [indicator, e] of byIndicator) {
        values.push(e.value !== undefined ? { indicator, value: e.value } : { indicator, numerator: e.numerator ?? null, denominator: e.denominator ?? null });
        fields.push(e.field);
      }
      if (values.length > 0) parsed.push({ line, code: codeCell.text!.trim(), values, fields });
    });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    if (parsed.length === 0) throw new ValidationFailedError([{ field: 'file', reason: 'tệp không có dòng số liệu nào', reasonEn: 'the file has no data rows' }]);

    const ids = await this.repo.unitsByCode([...new Set(parsed.map((p) => p.code))], actor.unitIds);
    for (const p of parsed) {
      if (!ids.has(p.code)) {
        errors.push({ field: `rows.${p.line}.unitCode`, reason: `dòng ${p.line}: không tìm thấy đơn vị có mã "${p.code}" trong phạm vi của bạn`, reasonEn: `row ${p.line}: no unit with code "${p.code}" in your scope` });
      }
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return this.save(
      actor,
      period,
      form.code,
      parsed.map((p) => ({ unitId: ids.get(p.code)!, values: p.values, field: `rows.${p.line}`, valueField: (j) => p.fields[j] ?? `rows.${p.line}`, label: `dòng ${p.line}` })),
      'report.bulk-import',
      { filename },
    );
  }

  /**
   * The grid of bulk entry: the form's indicators and, for every child unit the caller manages, its report of
   * the period with the values it holds (locked reports are shown, read-only, with their status).
   */
  async grid(actor: Actor, q: BulkGridQuery): Promise<BulkGrid> {
    this.assertCanBulk(actor);
    const form = await this.forms.byCode(q.formCode);
    this.forms.assertPeriodKind(form, q.period);
    const defs = await this.forms.definitionsOf(form);
    const reports = await this.repo.managedReports(actor.userId, form.id, q.period);
    const values = new Map<string, ValueRow[]>();
    for (const v of await this.repo.values(reports.map((r) => r.reportId))) {
      const list = values.get(v.reportId) ?? [];
      list.push(v);
      values.set(v.reportId, list);
    }
    return {
      period: q.period,
      periodLabel: formatPeriodVi(q.period),
      formCode: form.code,
      formName: form.name,
      indicators: [...defs.values()].map((d) => ({ code: d.code, name: d.name, unit: d.unit, valueType: d.valueType, kind: d.kind, aggregation: d.aggregation })),
      rows: reports.map((r) => ({
        ...r,
        values: (values.get(r.reportId) ?? []).map((v) => ({ indicator: v.indicator, category: v.category, value: v.value, numerator: v.numerator, denominator: v.denominator })),
        issues: reportIssues(values.get(r.reportId) ?? [], defs).map(({ indicator, rule, severity, message, messageEn }) => ({ indicator, rule, severity, message, messageEn })),
      })),
    };
  }

  /**
   * The XLSX to fill in and upload: unit code, unit name, then one column per indicator (two for a ratio),
   * one row per child unit whose report is still open, with the values it already holds.
   */
  async template(actor: Actor, q: BulkGridQuery): Promise<{ filename: string; content: Buffer }> {
    const grid = await this.grid(actor, q);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Sen';
    const ws = wb.addWorksheet('Số liệu');
    type Col = { header: string; note: string; read: (v: { value: number | null; numerator: number | null; denominator: number | null }) => number | null };
    const cols: Col[] = grid.indicators.flatMap((i): Col[] =>
      i.aggregation === 'ratio'
        ? [
            { header: `${i.code}.numerator`, note: `${i.name}: tử số (${i.unit})`, read: (v) => v.numerator },
            { header: `${i.code}.denominator`, note: `${i.name}: mẫu số`, read: (v) => v.denominator },
          ]
        : [{ header: i.code, note: `${i.name} (${i.unit})`, read: (v) => v.value }],
    );
    const header = ws.addRow(['Mã đơn vị', NAME_HEADER, ...cols.map((c) => c.header)]);
    header.font = { bold: true };
    cols.forEach((c, i) => {
      header.getCell(i + 3).note = c.note;
    });
    for (const row of grid.rows) {
      if (!EDITABLE.has(row.status) || !row.unitCode) continue;
      const byIndicator = new Map(row.values.filter((v) => v.category === '').map((v) => [v.indicator, v]));
      ws.addRow([
        row.unitCode,
        row.unitName,
        ...cols.map((c) => {
          const v = byIndicator.get(c.header.split('.')[0]!);
          return v ? c.read(v) : null;
        }),
      ]);
    }
    ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
    ws.getColumn(1).width = 14;
    ws.getColumn(2).width = 36;
    cols.forEach((_, i) => {
      ws.getColumn(i + 3).width = 16;
    });
    return { filename: `so-lieu-${grid.formCode}-${grid.period}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
  }

  /** Checks every row, then saves all of them in one transaction — or nothing. */
  private async save(actor: Actor, period: string, formCode: string, rows: BulkRow[], action: string, extra: Record<string, unknown> = {}): Promise<BulkValuesResult> {
    const form = await this.forms.byCode(formCode);
    this.forms.assertPeriodKind(form, period);
    const defs = await this.forms.definitionsOf(form);
    const unitIds = [...new Set(rows.map((r) => r.unitId))];
    // Ids the caller cannot see answer 404, whatever tenant they belong to.
    const visible = await this.repo.visibleUnits(unitIds, actor.unitIds);
    if (unitIds.some((u) => !visible.has(u))) throw new NotFoundError('Unit', 'đơn vị');
    const managed = await this.repo.managedUnits(actor.userId, unitIds);

    const errors: FieldError[] = [];
    const prefix = (r: BulkRow): string => (r.label ? `${r.label}: ` : '');
    const normalised = new Map<BulkRow, NormalisedValue[]>();
    const firstRow = new Map<string, BulkRow>();
    for (const r of rows) {
      if (firstRow.has(r.unitId)) {
        errors.push({ field: `${r.field}.unitId`, reason: `${prefix(r)}đơn vị bị nhập hai lần (trùng ${firstRow.get(r.unitId)!.field})`, reasonEn: `the unit is given twice (same as ${firstRow.get(r.unitId)!.field})` });
        continue;
      }
      firstRow.set(r.unitId, r);
      if (!managed.has(r.unitId)) {
        errors.push({ field: `${r.field}.unitId`, reason: `${prefix(r)}chỉ được nhập thay cho đơn vị cấp dưới của đơn vị bạn quản lý`, reasonEn: 'you may enter values only for units below the units you manage' });
      }
      const { rows: values, errors: valueErrors } = normaliseValues(r.values, defs, form.name, r.valueField);
      errors.push(...valueErrors.map((e) => ({ ...e, reason: `${prefix(r)}${e.reason}` })));
      normalised.set(r, values);
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);

    const saved = await this.repo.transaction(async (m) => {
      const reports = new Map((await this.repo.reportsOfUnits(form.id, period, unitIds, m, true)).map((rep) => [rep.unitId, rep]));
      for (const r of rows) {
        const rep = reports.get(r.unitId);
        if (!rep) {
          errors.push({ field: `${r.field}.unitId`, reason: `${prefix(r)}đơn vị chưa có báo cáo ${form.code} kỳ ${period} (cần tạo kỳ báo cáo trước)`, reasonEn: `the unit has no ${form.code} report for ${period} (create the period's reports first)` });
        } else if (rep.status !== 'draft' && rep.status !== 'returned') {
          errors.push({ field: `${r.field}.unitId`, reason: `${prefix(r)}báo cáo của ${rep.unitName} đã gửi hoặc đã duyệt, không thể sửa số liệu`, reasonEn: `the report of ${rep.unitName} is ${rep.status}; its values cannot be changed` });
        }
      }
      if (errors.length > 0) throw new ValidationFailedError(errors);
      const reportIds = [...reports.values()].map((rep) => rep.id);
      const existing = new Map<string, ValueRow[]>();
      for (const v of await this.repo.values(reportIds, m)) {
        const list = existing.get(v.reportId) ?? [];
        list.push(v);
        existing.set(v.reportId, list);
      }
      const upserts: ValueRow[] = [];
      const deletes: { reportId: string; indicator: string; category: string }[] = [];
      const changes: ValueChangeRow[] = [];
      for (const r of rows) {
        const rep = reports.get(r.unitId)!;
        const d = diffValues(rep.id, normalised.get(r)!, existing.get(rep.id) ?? []);
        upserts.push(...d.upserts);
        deletes.push(...d.deletes);
        changes.push(...d.changes);
      }
      await this.repo.upsertValues(upserts, m);
      await this.repo.deleteValues(deletes, m);
      await this.repo.insertChanges(changes, m);
      await this.repo.markEdited(reportIds, m);
      await this.audit.record(
        { action, entity: 'report', after: { formCode: form.code, period, reports: reportIds, rows: rows.length, changed: changes.length, ...extra } },
        m,
      );
      return [...reports.values()];
    });

    // Issues per report, for the summary (the detail of each report lists them).
    const values = new Map<string, ValueRow[]>();
    for (const v of await this.repo.values(saved.map((s) => s.id))) {
      const list = values.get(v.reportId) ?? [];
      list.push(v);
      values.set(v.reportId, list);
    }
    return {
      saved: saved.length,
      reports: saved.map((rep) => {
        const issues = reportIssues(values.get(rep.id) ?? [], defs);
        return {
          reportId: rep.id,
          unitId: rep.unitId,
          version: rep.version + 1,
          errors: issues.filter((i) => i.severity === 'error').length,
          warnings: issues.filter((i) => i.severity === 'warning').length,
          issues: issues.map(({ indicator, rule, severity, message, messageEn }) => ({ indicator, rule, severity, message, messageEn })),
        };
      }),
    };
  }
}
