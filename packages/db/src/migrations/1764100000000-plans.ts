import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans (Kế hoạch): the plan with its content, its versions, the activities and reporting obligations derived
 * from it, allocations of its targets, and the document number counters. Portable SQL (MySQL 8, MariaDB
 * 10.11, TiDB): no triggers or procedures; `tenant_id` leads every index.
 */
export class Plans1764100000000 implements MigrationInterface {
  name = 'Plans1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE plan (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      number INT UNSIGNED NULL,
      symbol VARCHAR(64) NULL,
      kind VARCHAR(8) NOT NULL DEFAULT 'KH',
      issuing_body VARCHAR(32) NOT NULL DEFAULT 'BTV',
      year SMALLINT UNSIGNED NOT NULL,
      title VARCHAR(1000) NOT NULL,
      title_folded VARCHAR(1100) NOT NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'draft',
      parent_plan_id BIGINT UNSIGNED NULL,
      revision_of_id BIGINT UNSIGNED NULL,
      programme VARCHAR(500) NULL,
      programme_folded VARCHAR(500) NULL,
      issued_on DATE NULL,
      current_version INT UNSIGNED NOT NULL DEFAULT 1,
      content JSON NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_plan_unit (tenant_id, unit_id, year),
      KEY ix_plan_year_status (tenant_id, year, status),
      KEY ix_plan_number (tenant_id, issuing_body, kind, year, number),
      KEY ix_plan_parent (tenant_id, parent_plan_id),
      KEY ix_plan_revision (tenant_id, revision_of_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE plan_version (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      plan_id BIGINT UNSIGNED NOT NULL,
      version INT UNSIGNED NOT NULL,
      event VARCHAR(16) NOT NULL,
      content JSON NOT NULL,
      diff JSON NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_plan_version (tenant_id, plan_id, version)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE plan_activity (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      plan_id BIGINT UNSIGNED NOT NULL,
      idx INT UNSIGNED NOT NULL,
      name VARCHAR(1000) NOT NULL,
      time_text VARCHAR(255) NULL,
      date_from DATE NULL,
      date_to DATE NULL,
      level VARCHAR(32) NULL,
      lead_units JSON NOT NULL,
      cooperating JSON NOT NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'planned',
      PRIMARY KEY (id),
      UNIQUE KEY uq_plan_activity (tenant_id, plan_id, idx),
      KEY ix_plan_activity_dates (tenant_id, date_from, date_to)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE reporting_obligation (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      plan_id BIGINT UNSIGNED NOT NULL,
      idx INT UNSIGNED NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      period_kind VARCHAR(16) NOT NULL,
      deadline VARCHAR(5) NULL,
      report_to VARCHAR(500) NULL,
      reporter VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_reporting_obligation (tenant_id, plan_id, idx, unit_id),
      KEY ix_reporting_obligation_unit (tenant_id, unit_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE document_number (
      tenant_id BIGINT UNSIGNED NOT NULL,
      issuing_body VARCHAR(32) NOT NULL,
      kind VARCHAR(8) NOT NULL,
      year SMALLINT UNSIGNED NOT NULL,
      last_number INT UNSIGNED NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant_id, issuing_body, kind, year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE plan_allocation (
      tenant_id BIGINT UNSIGNED NOT NULL,
      plan_id BIGINT UNSIGNED NOT NULL,
      target_index INT UNSIGNED NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      value DECIMAL(20,4) NOT NULL,
      PRIMARY KEY (tenant_id, plan_id, target_index, unit_id)
    ) ENGINE=InnoDB`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['plan_allocation', 'document_number', 'reporting_obligation', 'plan_activity', 'plan_version', 'plan']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
