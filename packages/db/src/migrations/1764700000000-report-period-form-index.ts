import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports of a tenant's period counted per form from the index alone: every apply of the aggregation counts the
 * reports expected of each national indicator (the reports of the forms that carry it), and without this index each
 * report row was read to find its form (5,000 row reads per apply for a province at national scale).
 */
export class ReportPeriodFormIndex1764700000000 implements MigrationInterface {
  name = 'ReportPeriodFormIndex1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE report ADD KEY ix_report_period_form (tenant_id, period, form_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE report DROP KEY ix_report_period_form');
  }
}
