import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { JOB_NAMES, QUEUES } from '@sen/contracts';
import { Tenant, TenantContext } from '@sen/db';
import { formatPeriodEn, formatPeriodVi } from '@sen/indicators';
import { WORKER_CONFIG, type WorkerConfig } from '../../core/config';
import type { JobHandler } from '../../core/job';

const schema = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).passthrough();

/**
 * The form's name once: most are called "Báo cáo …" already ("Báo cáo 6 tháng"); another name gets the word in
 * front ("Báo cáo Thống kê câu lạc bộ"). LIKE under the table's collation ignores case and accents.
 */
const FORM_VI = "IF(f.name LIKE 'báo cáo%', f.name, CONCAT('Báo cáo ', f.name))";

/** "the first half of 2024", "Q2 2024", "June 2024", "2024": a period's English name within a sentence. */
const periodEn = (period: string): string => formatPeriodEn(period).replace(/^(First|Second) half/, (m) => `the ${m.toLowerCase()}`);

/** Units are reminded this many days before a deadline. */
export const REMIND_DAYS_BEFORE = 3;

/**
 * Reminders: a unit whose report is still open is told REMIND_DAYS_BEFORE days before the deadline; once
 * the deadline has passed, its parent unit is told. Set-based INSERT IGNORE on a unique key makes each
 * notice appear once however often the job runs. New notices are e-mailed when SMTP is configured.
 */
@Injectable()
export class SendRemindersJob implements JobHandler<typeof schema> {
  private readonly logger = new Logger('SendRemindersJob');
  readonly queue = QUEUES.maintenance;
  readonly name = JOB_NAMES.sendReminders;
  readonly schema = schema;
  private readonly mailer: Transporter | null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.mailer = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  async handle(data: z.infer<typeof schema>): Promise<{ dueSoon: number; overdue: number; emailed: number }> {
    const today = data.asOf ?? new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10); // Vietnam's date
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + REMIND_DAYS_BEFORE * 86_400_000).toISOString().slice(0, 10);
    const tenants = await this.dataSource.getRepository(Tenant).find({ where: { status: 'active' } });
    let dueSoon = 0;
    let overdue = 0;
    let emailed = 0;
    for (const tenant of tenants) {
      await TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'job-reminders'), async () => {
        const { tenantId } = TenantContext.current();
        // The periods' names ("6 tháng đầu năm 2024", "First half of 2024") as a small derived table: the notices
        // themselves are written set-based.
        const periods: { period: string }[] = await this.dataSource.query(
          "SELECT DISTINCT period FROM report WHERE tenant_id = ? AND status IN ('draft', 'returned') AND deadline <= ?",
          [tenantId, soon],
        );
        const names = periods.map(() => 'SELECT ? AS period, ? AS vi, ? AS en').join(' UNION ALL ');
        const nameParams = periods.flatMap(({ period }) => [period, formatPeriodVi(period), periodEn(period)]);
        const a: { affectedRows: number } = periods.length === 0 ? { affectedRows: 0 } : await this.dataSource.query(
          `INSERT IGNORE INTO notification (tenant_id, unit_id, kind, report_id, message, message_en)
           SELECT r.tenant_id, r.unit_id, 'deadline-soon', r.id,
                  CONCAT(${FORM_VI}, ' kỳ ', p.vi, ' cần gửi trước ngày ', DATE_FORMAT(r.deadline, '%d/%m/%Y')),
                  CONCAT('Report "', f.name, '" for ', p.en, ' is due by ', DATE_FORMAT(r.deadline, '%d/%m/%Y'))
           FROM report r JOIN report_form f ON f.tenant_id = r.tenant_id AND f.id = r.form_id
           JOIN (${names}) p ON p.period = r.period
           WHERE r.tenant_id = ? AND r.status IN ('draft', 'returned') AND r.deadline BETWEEN ? AND ?`,
          [...nameParams, tenantId, today, soon],
        );
        const b: { affectedRows: number } = periods.length === 0 ? { affectedRows: 0 } : await this.dataSource.query(
          `INSERT IGNORE INTO notification (tenant_id, unit_id, kind, report_id, message, message_en)
           SELECT r.tenant_id, u.parent_id, 'overdue', r.id,
                  CONCAT(u.name, ' chưa gửi ', ${FORM_VI}, ' kỳ ', p.vi, ' (hạn ', DATE_FORMAT(r.deadline, '%d/%m/%Y'), ')'),
                  CONCAT(u.name, ' has not sent the report "', f.name, '" for ', p.en, ' (due ', DATE_FORMAT(r.deadline, '%d/%m/%Y'), ')')
           FROM report r
           JOIN report_form f ON f.tenant_id = r.tenant_id AND f.id = r.form_id
           JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id AND u.parent_id IS NOT NULL
           JOIN (${names}) p ON p.period = r.period
           WHERE r.tenant_id = ? AND r.status IN ('draft', 'returned') AND r.deadline < ?`,
          [...nameParams, tenantId, today],
        );
        dueSoon += a.affectedRows;
        overdue += b.affectedRows;
        if (this.mailer) emailed += await this.email(tenantId);
      });
    }
    return { dueSoon, overdue, emailed };
  }

  /** E-mails the notices not yet e-mailed to the users bound to their unit that have an address. */
  private async email(tenantId: string): Promise<number> {
    const rows: { id: string; message: string; email: string }[] = await this.dataSource.query(
      `SELECT n.id, n.message, u.email FROM notification n
       JOIN role_assignment ra ON ra.tenant_id = n.tenant_id AND ra.unit_id = n.unit_id
       JOIN app_user u ON u.tenant_id = ra.tenant_id AND u.id = ra.user_id AND u.status = 'active' AND u.email IS NOT NULL
       WHERE n.tenant_id = ? AND n.emailed_at IS NULL LIMIT 500`,
      [tenantId],
    );
    let sent = 0;
    for (const r of rows) {
      try {
        await this.mailer!.sendMail({ from: this.config.SMTP_FROM, to: r.email, subject: 'Sen: nhắc hạn báo cáo', text: r.message });
        sent++;
      } catch (err) {
        this.logger.warn(`e-mail to ${r.email.replace(/(.).*@/, '$1…@')} failed: ${(err as Error).message}`);
      }
    }
    const ids = [...new Set(rows.map((r) => r.id))];
    if (ids.length) await this.dataSource.query('UPDATE notification SET emailed_at = CURRENT_TIMESTAMP(3) WHERE tenant_id = ? AND id IN (?)', [tenantId, ids]);
    return sent;
  }
}
