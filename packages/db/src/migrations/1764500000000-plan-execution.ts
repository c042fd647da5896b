import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans carried out: an activity's progress (status, the day it was done, a note, who recorded it), and the
 * report forms an issued plan creates for its reporting obligations (`report_form.plan_id`, with the narrative
 * sections its reports ask for).
 */
export class PlanExecution1764500000000 implements MigrationInterface {
  name = 'PlanExecution1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_activity
      ADD COLUMN done_on DATE NULL,
      ADD COLUMN status_note VARCHAR(1000) NULL,
      ADD COLUMN status_by BIGINT UNSIGNED NULL,
      ADD COLUMN status_at DATETIME(3) NULL`);
    await q.query(`ALTER TABLE report_form
      ADD COLUMN plan_id BIGINT UNSIGNED NULL,
      ADD COLUMN narrative_sections JSON NULL,
      ADD KEY ix_report_form_plan (tenant_id, plan_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE report_form DROP KEY ix_report_form_plan, DROP COLUMN plan_id, DROP COLUMN narrative_sections');
    await q.query('ALTER TABLE plan_activity DROP COLUMN done_on, DROP COLUMN status_note, DROP COLUMN status_by, DROP COLUMN status_at');
  }
}
