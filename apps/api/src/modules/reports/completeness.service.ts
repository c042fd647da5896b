import { Injectable } from '@nestjs/common';
import { DEFAULT_LEVEL_LABELS_VI, type CompletenessQuery, type CompletenessResponse, type LateReport, type ReportStatus } from '@sen/contracts';
import { IN_SUBTREES_SQL, TenantContext, TenantDataSource } from '@sen/db';
import { formatPeriodVi } from '@sen/indicators';
import type { Actor } from '../../core/auth/actor';
import { buildWorkbookSheets } from '../../core/http/spreadsheet';
import { ReportFormService } from './report-form.service';
import { ReportService } from './report.service';

const DAY = 86_400_000;

/** Vietnam's calendar day (UTC+7) of an instant, ISO. */
const vietnamDate = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Whole days from the deadline day to the day the report was handed in (Vietnam's calendar): 1 = the day after. */
export function daysLate(deadline: string, submittedAt: Date): number {
  return Math.round((Date.parse(`${vietnamDate(submittedAt)}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / DAY);
}

/** dd/mm/yyyy of an ISO date; dd/mm/yyyy hh:mm (Vietnam) of an instant. */
const dateVi = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
const dateTimeVi = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${dateVi(local)} ${local.slice(11, 16)}`;
};

const STATUS_VI: Record<ReportStatus, string> = { draft: 'Đang nhập', submitted: 'Đã nộp', approved: 'Đã duyệt', returned: 'Bị trả lại' };

/**
 * Completeness and timeliness of a form's reports in a subtree: the counts of ReportService (per level, per child
 * unit, the units missing) plus the units that handed in late, and all of it as an XLSX file for the meeting.
 */
@Injectable()
export class CompletenessService {
  constructor(
    private readonly reports: ReportService,
    private readonly forms: ReportFormService,
    private readonly data: TenantDataSource,
  ) {}

  async completeness(actor: Actor, q: CompletenessQuery): Promise<CompletenessResponse & { late: LateReport[] }> {
    // Checks the unit and the form first (404 / 400), then counts.
    const base = await this.reports.completeness(actor, q);
    return { ...base, late: await this.lateReports(q.period, base.formCode, q.unitId ? [q.unitId] : actor.unitIds) };
  }

  /** Reports of the subtrees handed in after their deadline, the latest first. */
  private async lateReports(period: string, formCode: string, scopeUnitIds: string[]): Promise<LateReport[]> {
    if (scopeUnitIds.length === 0) return [];
    const { tenantId } = TenantContext.current();
    const rows: { id: string; name: string; parent_name: string | null; report_id: string; status: ReportStatus; submitted_at: Date | string; deadline: string }[] = await this.data.dataSource.query(
      `SELECT u.id, u.name, p.name AS parent_name, r.id AS report_id, r.status, r.submitted_at, r.deadline FROM report r
       JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
       LEFT JOIN org_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
       WHERE r.tenant_id = ? AND r.period = ? AND r.form_code = ? AND ${IN_SUBTREES_SQL}
         AND r.status IN ('submitted', 'approved') AND r.late = 1 AND r.submitted_at IS NOT NULL
       ORDER BY r.submitted_at DESC, u.sort_key, u.id`,
      [tenantId, period, formCode, scopeUnitIds],
    );
    return rows.map((r) => {
      const submitted = r.submitted_at instanceof Date ? r.submitted_at : new Date(`${String(r.submitted_at).replace(' ', 'T')}Z`);
      const deadline = String(r.deadline).slice(0, 10);
      return {
        id: String(r.id),
        name: r.name,
        parentName: r.parent_name,
        reportId: String(r.report_id),
        status: r.status,
        submittedAt: submitted.toISOString(),
        deadline,
        daysLate: Math.max(1, daysLate(deadline, submitted)),
      };
    });
  }

  /** The page as an XLSX file: overview and levels, the child units, the units missing, the units late. */
  async workbook(actor: Actor, q: CompletenessQuery): Promise<{ filename: string; content: Buffer }> {
    const data = await this.completeness(actor, q);
    const form = await this.forms.byCode(data.formCode);
    const { tenantId } = TenantContext.current();
    const [tenant]: { levels: unknown }[] = await this.data.dataSource.query('SELECT levels FROM tenant WHERE id = ?', [tenantId]);
    const levels = (typeof tenant?.levels === 'string' ? JSON.parse(tenant.levels) : tenant?.levels) as { code: string; name: string }[] | null;
    const levelName = (code: string) => levels?.find((l) => l.code === code)?.name ?? DEFAULT_LEVEL_LABELS_VI[code] ?? code;
    const rate = (n: number, d: number) => (d > 0 ? (100 * n) / d : null);
    const counts = [
      { header: 'Phải nộp', key: 'expected', numFmt: '#,##0' },
      { header: 'Đã nộp', key: 'submitted', numFmt: '#,##0' },
      { header: 'Đã duyệt', key: 'approved', numFmt: '#,##0' },
      { header: 'Nộp muộn', key: 'late', numFmt: '#,##0' },
      { header: 'Chưa nộp', key: 'missing', numFmt: '#,##0' },
      { header: 'Tỷ lệ đã nộp (%)', key: 'submittedRate', numFmt: '0.0' },
      { header: 'Tỷ lệ đã duyệt (%)', key: 'approvedRate', numFmt: '0.0' },
    ];
    const withRates = <T extends { expected: number; submitted: number; approved: number }>(c: T) => ({
      ...c,
      missing: c.expected - c.submitted,
      submittedRate: rate(c.submitted, c.expected),
      approvedRate: rate(c.approved, c.expected),
    });
    const heading = `${form.name} (${form.code}) — ${formatPeriodVi(q.period)}`;
    const content = await buildWorkbookSheets([
      {
        name: 'Theo cấp',
        title: `Tình hình nộp báo cáo — ${heading}`,
        columns: [{ header: 'Cấp', key: 'levelName', width: 24 }, ...counts],
        rows: [...data.levels.map((l) => withRates({ ...l, levelName: levelName(l.level) })), withRates({ ...data.overall, levelName: 'Tổng cộng' })],
      },
      {
        name: 'Theo đơn vị trực thuộc',
        title: `Tình hình nộp báo cáo theo đơn vị trực thuộc — ${heading}`,
        columns: [{ header: 'Đơn vị', key: 'name', width: 40 }, ...counts],
        rows: data.children.map(withRates),
      },
      {
        name: 'Chưa nộp',
        title: `Đơn vị chưa nộp báo cáo — ${heading}`,
        columns: [
          { header: 'Đơn vị', key: 'name', width: 40 },
          { header: 'Đơn vị cấp trên', key: 'parentName', width: 34 },
          { header: 'Trạng thái', key: 'statusLabel', width: 14 },
          { header: 'Người liên hệ', key: 'contactName', width: 26 },
          { header: 'Điện thoại', key: 'contactPhone', width: 16 },
          { header: 'Thư điện tử', key: 'contactEmail', width: 32 },
        ],
        rows: data.missing.map((m) => ({ ...m, statusLabel: STATUS_VI[m.status] })),
      },
      {
        name: 'Nộp muộn',
        title: `Đơn vị nộp báo cáo muộn — ${heading}`,
        columns: [
          { header: 'Đơn vị', key: 'name', width: 40 },
          { header: 'Đơn vị cấp trên', key: 'parentName', width: 34 },
          { header: 'Nộp lúc', key: 'submitted', width: 18 },
          { header: 'Hạn nộp', key: 'deadlineVi', width: 12 },
          { header: 'Số ngày muộn', key: 'daysLate', numFmt: '#,##0', width: 14 },
          { header: 'Trạng thái', key: 'statusLabel', width: 14 },
        ],
        rows: [...data.late].sort((a, b) => b.daysLate - a.daysLate).map((l) => ({ ...l, submitted: dateTimeVi(l.submittedAt), deadlineVi: dateVi(l.deadline), statusLabel: STATUS_VI[l.status] })),
      },
    ]);
    return { filename: `tinh-hinh-nop-bao-cao-${data.formCode}-${q.period}.xlsx`, content };
  }
}
