import type { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications (reminders before a deadline, overdue notices to the parent unit). */
export class Notifications1764200000000 implements MigrationInterface {
  name = 'Notifications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      kind VARCHAR(32) NOT NULL,
      report_id BIGINT UNSIGNED NULL,
      message VARCHAR(1000) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      read_at DATETIME(3) NULL,
      emailed_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_notification_once (tenant_id, kind, report_id, unit_id),
      KEY ix_notification_unit (tenant_id, unit_id, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS notification');
  }
}
