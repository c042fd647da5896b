import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { UNIT_KINDS, unitContactSchema, type ImportResult, type UnitKind } from '@sen/contracts';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ForbiddenError, ValidationFailedError } from '../../core/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { escapeFormula } from '../../core/http/spreadsheet';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { OrgUnitRepository, type NewUnit } from './org-unit.repository';

/**
 * The text of an XLSX cell: rich text joined, a hyperlink's text, a date as YYYY-MM-DD, a formula's cached result
 * (never the formula itself, never "[object Object]").
 */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    return result === null || result === undefined || typeof result === 'object' ? '' : String(result);
  }
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue);
  return '';
}

/** A cell echoed in an error message, quoted and escaped so that a pasted error table never runs as a formula. */
const echo = (cell: string): string => String(escapeFormula(cell.length > 80 ? `${cell.slice(0, 80)}…` : cell));

interface Row {
  line: number;
  code: string;
  name: string;
  level: string;
  kind: string;
  parentCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

const HEADER_ALIASES: Record<string, keyof Omit<Row, 'line'>> = {
  code: 'code', 'mã': 'code', 'ma': 'code',
  name: 'name', 'tên': 'name', 'ten': 'name',
  level: 'level', 'cấp': 'level', 'cap': 'level',
  kind: 'kind', 'loại': 'kind', 'loai': 'kind',
  'parent code': 'parentCode', parent_code: 'parentCode', parentcode: 'parentCode', 'mã cha': 'parentCode', 'ma cha': 'parentCode',
  'contact name': 'contactName', contact_name: 'contactName', 'người liên hệ': 'contactName', 'nguoi lien he': 'contactName',
  'contact phone': 'contactPhone', contact_phone: 'contactPhone', 'điện thoại': 'contactPhone', 'dien thoai': 'contactPhone',
  'contact email': 'contactEmail', contact_email: 'contactEmail', email: 'contactEmail',
};
/** Columns an XLSX sheet is read up to: the five above and the optional contact columns. */
const MAX_COLUMNS = 8;

/**
 * Import of units from CSV or XLSX (columns: code, name, level, kind, parent code; optionally contact name,
 * contact phone, contact email): all rows or none.
 */
@Injectable()
export class OrgUnitImportService {
  constructor(
    private readonly units: OrgUnitRepository,
    private readonly audit: AuditService,
    private readonly tenants: TenantDirectory,
  ) {}

  async parseFile(filename: string, content: Buffer): Promise<Row[]> {
    const lower = filename.toLowerCase();
    let table: string[][];
    if (lower.endsWith('.xlsx')) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(content as unknown as ArrayBuffer);
      } catch {
        throw new ValidationFailedError([{ field: 'file', reason: 'tệp XLSX bị hỏng hoặc không đọc được', reasonEn: 'the XLSX file is damaged or unreadable' }]);
      }
      const sheet = wb.worksheets[0];
      table = [];
      sheet?.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: string[] = [];
        for (let c = 1; c <= MAX_COLUMNS; c++) {
          cells.push(cellText(row.getCell(c).value));
        }
        table[n - 1] = cells;
      });
      for (let i = 0; i < table.length; i++) table[i] ??= [];
    } else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
      const text = content.toString('utf8');
      if (text.includes('\uFFFD')) {
        throw new ValidationFailedError([{ field: 'file', reason: 'tệp CSV phải được lưu với bảng mã UTF-8', reasonEn: 'the CSV file must be UTF-8 encoded' }]);
      }
      try {
        table = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
      } catch (err) {
        throw new ValidationFailedError([{ field: 'file', reason: `tệp CSV sai định dạng: ${(err as Error).message}`, reasonEn: `malformed CSV: ${(err as Error).message}` }]);
      }
    } else {
      throw new ValidationFailedError([{ field: 'file', reason: 'chỉ nhận tệp .csv hoặc .xlsx', reasonEn: 'only .csv or .xlsx files are accepted' }]);
    }
    const header = (table[0] ?? []).map((h) => HEADER_ALIASES[h.trim().toLowerCase()]);
    for (const needed of ['code', 'name', 'level', 'parentCode'] as const) {
      if (!header.includes(needed)) {
        throw new ValidationFailedError([{ field: 'file', reason: `thiếu cột "${needed === 'parentCode' ? 'parent code' : needed}" ở dòng tiêu đề (code, name, level, kind, parent code)`, reasonEn: `missing column "${needed}" in the header (code, name, level, kind, parent code)` }]);
      }
    }
    const rows: Row[] = [];
    for (let i = 1; i < table.length; i++) {
      const cells = table[i] ?? [];
      if (cells.every((c) => !c || !c.trim())) continue;
      const row: Row = { line: i + 1, code: '', name: '', level: '', kind: '', parentCode: '', contactName: '', contactPhone: '', contactEmail: '' };
      header.forEach((key, col) => {
        if (key) row[key] = (cells[col] ?? '').trim();
      });
      rows.push(row);
    }
    if (rows.length === 0) throw new ValidationFailedError([{ field: 'file', reason: 'tệp không có dòng dữ liệu nào', reasonEn: 'the file has no data rows' }]);
    if (rows.length > 50_000) throw new ValidationFailedError([{ field: 'file', reason: 'tối đa 50.000 dòng mỗi lần nhập', reasonEn: 'at most 50,000 rows per import' }]);
    return rows;
  }

  async import(actor: Actor, filename: string, content: Buffer): Promise<ImportResult> {
    if (!hasRole(actor, 'tenant_admin', 'unit_manager')) throw new ForbiddenError();
    const rows = await this.parseFile(filename, content);
    const tenant = await this.tenants.findById(actor.tenantId);
    const levels = tenant?.levels.map((l) => l.code) ?? [];
    const errors: ImportResult['errors'] = [];
    const byCode = new Map<string, Row>();

    for (const r of rows) {
      if (!r.code) errors.push({ line: r.line, field: 'code', reason: 'thiếu mã đơn vị' });
      else if (r.code.length > 64) errors.push({ line: r.line, field: 'code', reason: 'mã dài quá 64 ký tự' });
      else if (byCode.has(r.code)) errors.push({ line: r.line, field: 'code', reason: `mã "${echo(r.code)}" trùng với dòng ${byCode.get(r.code)!.line}` });
      else byCode.set(r.code, r);
      if (!r.name) errors.push({ line: r.line, field: 'name', reason: 'thiếu tên đơn vị' });
      else if (r.name.length > 255) errors.push({ line: r.line, field: 'name', reason: 'tên dài quá 255 ký tự' });
      if (!levels.includes(r.level)) errors.push({ line: r.line, field: 'level', reason: `cấp "${echo(r.level)}" không thuộc các cấp ${levels.join(', ')}` });
      if (r.kind && !(UNIT_KINDS as readonly string[]).includes(r.kind)) errors.push({ line: r.line, field: 'kind', reason: `loại "${echo(r.kind)}" phải là ${UNIT_KINDS.join(', ')}` });
      const contact = unitContactSchema.safeParse({ contactName: r.contactName || undefined, contactPhone: r.contactPhone || undefined, contactEmail: r.contactEmail || undefined });
      if (!contact.success) {
        const vi = { contactName: 'tên người liên hệ dài quá 255 ký tự', contactPhone: `số điện thoại "${echo(r.contactPhone)}" không hợp lệ`, contactEmail: `email "${echo(r.contactEmail)}" không hợp lệ` } as const;
        for (const key of new Set(contact.error.issues.map((i) => String(i.path[0])))) {
          if (key in vi) errors.push({ line: r.line, field: key.replace('contact', 'contact ').toLowerCase(), reason: vi[key as keyof typeof vi] });
        }
      }
    }

    const existing = await this.units.existingCodes([...new Set(rows.flatMap((r) => [r.code, r.parentCode]).filter(Boolean))]);
    for (const r of rows) {
      if (r.code && existing.has(r.code)) errors.push({ line: r.line, field: 'code', reason: `mã "${echo(r.code)}" đã có trong hệ thống` });
    }
    // Parents: in the file or already in the tree (and inside the actor's subtree); empty → the actor's root.
    const depth = new Map<string, number>();
    const defaultParent = actor.unitIds[0] ?? null;
    const outsideChecked = new Map<string, boolean>();
    for (const r of rows) {
      if (!r.parentCode) continue;
      if (byCode.has(r.parentCode)) continue;
      const found = existing.get(r.parentCode);
      if (!found) {
        errors.push({ line: r.line, field: 'parent code', reason: `không tìm thấy đơn vị cha có mã "${echo(r.parentCode)}"` });
        continue;
      }
      if (!outsideChecked.has(found.id)) outsideChecked.set(found.id, await this.units.isWithin(found.id, actor.unitIds));
      if (!outsideChecked.get(found.id)) errors.push({ line: r.line, field: 'parent code', reason: `đơn vị cha "${echo(r.parentCode)}" nằm ngoài phạm vi của bạn` });
    }
    // Depth inside the file (and cycle detection) so that parents are inserted before their children.
    const depthOf = (r: Row, seen: Set<string>): number => {
      const known = depth.get(r.code);
      if (known !== undefined) return known;
      const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
      if (!parent) {
        depth.set(r.code, 0);
        return 0;
      }
      if (seen.has(r.code)) return -1;
      seen.add(r.code);
      const d = depthOf(parent, seen);
      const mine = d < 0 ? -1 : d + 1;
      depth.set(r.code, mine);
      return mine;
    };
    for (const r of byCode.values()) {
      if (depthOf(r, new Set()) < 0) errors.push({ line: r.line, field: 'parent code', reason: 'quan hệ cha - con bị vòng lặp' });
    }
    if (!defaultParent && rows.some((r) => !r.parentCode)) {
      errors.push({ line: rows.find((r) => !r.parentCode)!.line, field: 'parent code', reason: 'thiếu mã đơn vị cha' });
    }

    if (errors.length > 0) {
      errors.sort((a, b) => a.line - b.line);
      return { created: 0, errors };
    }

    const layers = new Map<number, Row[]>();
    for (const r of rows) {
      const d = depth.get(r.code) ?? 0;
      if (!layers.has(d)) layers.set(d, []);
      layers.get(d)!.push(r);
    }
    const validFrom = new Date().toISOString().slice(0, 10);
    const created = await this.units.transaction(async (m) => {
      const idByCode = new Map<string, string>([...existing].map(([code, v]) => [code, v.id]));
      let count = 0;
      for (const d of [...layers.keys()].sort((a, b) => a - b)) {
        const layer = layers.get(d)!;
        const units: NewUnit[] = layer.map((r) => ({
          name: r.name,
          code: r.code,
          level: r.level,
          kind: (r.kind || 'union') as UnitKind,
          parentId: r.parentCode ? idByCode.get(r.parentCode)! : defaultParent,
          validFrom,
          contactName: r.contactName || null,
          contactPhone: r.contactPhone || null,
          contactEmail: r.contactEmail || null,
        }));
        const ids = await this.units.insertUnits(units, m);
        layer.forEach((r, i) => idByCode.set(r.code, ids[i]!));
        count += ids.length;
      }
      await this.audit.record({ action: 'org-unit.import', entity: 'org_unit', after: { filename, created: count } }, m);
      return count;
    });
    return { created, errors: [] };
  }
}
