import type { MigrationInterface, QueryRunner } from 'typeorm';

const PARTS = `
      sum DECIMAL(24,4) NOT NULL DEFAULT 0,
      count INT UNSIGNED NOT NULL DEFAULT 0,
      numerator DECIMAL(24,4) NOT NULL DEFAULT 0,
      denominator DECIMAL(24,4) NOT NULL DEFAULT 0,
      min DECIMAL(20,4) NULL,
      max DECIMAL(20,4) NULL,
      weighted_sum DECIMAL(28,4) NOT NULL DEFAULT 0,
      weight DECIMAL(24,4) NOT NULL DEFAULT 0,
      meeting INT UNSIGNED NOT NULL DEFAULT 0,
      eligible INT UNSIGNED NOT NULL DEFAULT 0,
      latest_period VARCHAR(8) NULL,
      latest_value DECIMAL(20,4) NULL`;

/** Report forms, reports and their values, the counted unit values, rollups, the central totals, the outbox. */
export class ReportsAndRollups1763900000000 implements MigrationInterface {
  name = 'ReportsAndRollups1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // Per-tenant choices, e.g. {"countSubmitted": true} to count submitted reports before approval.
    await q.query(`ALTER TABLE tenant ADD COLUMN settings JSON NULL`);
    await q.query(`CREATE TABLE report_form (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      code VARCHAR(32) NOT NULL,
      name VARCHAR(255) NOT NULL,
      period_kind VARCHAR(16) NOT NULL,
      indicator_codes JSON NOT NULL,
      deadline_rule JSON NOT NULL,
      reporting_level VARCHAR(32) NOT NULL,
      national TINYINT(1) NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_report_form_code (tenant_id, code)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE report (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      form_id BIGINT UNSIGNED NOT NULL,
      form_code VARCHAR(32) NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      period VARCHAR(8) NOT NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'draft',
      deadline DATE NOT NULL,
      late TINYINT(1) NOT NULL DEFAULT 0,
      narrative JSON NULL,
      warning_comments JSON NULL,
      return_comment TEXT NULL,
      submitted_at DATETIME(3) NULL,
      approved_at DATETIME(3) NULL,
      approved_by BIGINT UNSIGNED NULL,
      version INT UNSIGNED NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_report_instance (tenant_id, form_id, unit_id, period),
      KEY ix_report_period_unit (tenant_id, period, unit_id),
      KEY ix_report_status (tenant_id, status, deadline)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE report_value (
      tenant_id BIGINT UNSIGNED NOT NULL,
      report_id BIGINT UNSIGNED NOT NULL,
      indicator_code VARCHAR(64) NOT NULL,
      category VARCHAR(32) NOT NULL DEFAULT '',
      value DECIMAL(20,4) NULL,
      numerator DECIMAL(20,4) NULL,
      denominator DECIMAL(20,4) NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (tenant_id, report_id, indicator_code, category)
    ) ENGINE=InnoDB`);

    await q.query(`CREATE TABLE report_value_change (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      report_id BIGINT UNSIGNED NOT NULL,
      indicator_code VARCHAR(64) NOT NULL,
      category VARCHAR(32) NOT NULL DEFAULT '',
      old_value JSON NULL,
      new_value JSON NULL,
      user_id BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_report_value_change (tenant_id, report_id, created_at)
    ) ENGINE=InnoDB`);

    await q.query(`CREATE TABLE unit_value (
      tenant_id BIGINT UNSIGNED NOT NULL,
      period VARCHAR(8) NOT NULL,
      indicator_code VARCHAR(64) NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      report_id BIGINT UNSIGNED NOT NULL,
      report_version INT UNSIGNED NOT NULL,${PARTS},
      PRIMARY KEY (tenant_id, period, indicator_code, unit_id),
      KEY ix_unit_value_unit (tenant_id, unit_id, period)
    ) ENGINE=InnoDB`);

    await q.query(`CREATE TABLE rollup (
      tenant_id BIGINT UNSIGNED NOT NULL,
      period VARCHAR(8) NOT NULL,
      indicator_code VARCHAR(64) NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,${PARTS},
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (tenant_id, period, indicator_code, unit_id),
      KEY ix_rollup_unit (tenant_id, unit_id, period)
    ) ENGINE=InnoDB`);

    await q.query(`CREATE TABLE national_rollup (
      period VARCHAR(8) NOT NULL,
      indicator_code VARCHAR(64) NOT NULL,
      tenant_id BIGINT UNSIGNED NOT NULL,${PARTS},
      units_expected INT UNSIGNED NOT NULL DEFAULT 0,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (period, indicator_code, tenant_id)
    ) ENGINE=InnoDB`);

    await q.query(`CREATE TABLE aggregation_outbox (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      report_id BIGINT UNSIGNED NOT NULL,
      report_version INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      processed_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      KEY ix_outbox_pending (tenant_id, processed_at, id)
    ) ENGINE=InnoDB`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['aggregation_outbox', 'national_rollup', 'rollup', 'unit_value', 'report_value_change', 'report_value', 'report', 'report_form']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE tenant DROP COLUMN settings`);
  }
}
