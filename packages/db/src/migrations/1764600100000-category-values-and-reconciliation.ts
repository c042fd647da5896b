import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counted values and rollups per category (the sum indicators broken down by category: members by age group, models
 * by field), and the results of the reconciliation job that proves incremental totals equal a full recompute.
 */
export class CategoryValuesAndReconciliation1764600100000 implements MigrationInterface {
  name = 'CategoryValuesAndReconciliation1764600100000';

  async up(q: QueryRunner): Promise<void> {
    // A unit's counted value per category: from the report whose total counts (unit_value).
    await q.query(`CREATE TABLE unit_category_value (
      tenant_id BIGINT UNSIGNED NOT NULL,
      period VARCHAR(8) NOT NULL,
      indicator_code VARCHAR(64) NOT NULL,
      category VARCHAR(32) NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      report_id BIGINT UNSIGNED NOT NULL,
      sum DECIMAL(24,4) NOT NULL DEFAULT 0,
      count INT UNSIGNED NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant_id, period, indicator_code, category, unit_id),
      KEY ix_unit_category_value_unit (tenant_id, unit_id, period)
    ) ENGINE=InnoDB`);
    // The subtree totals per category, for the units that hold a rollup row (units with sub-units, and the root).
    await q.query(`CREATE TABLE category_rollup (
      tenant_id BIGINT UNSIGNED NOT NULL,
      period VARCHAR(8) NOT NULL,
      indicator_code VARCHAR(64) NOT NULL,
      category VARCHAR(32) NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      sum DECIMAL(24,4) NOT NULL DEFAULT 0,
      count INT UNSIGNED NOT NULL DEFAULT 0,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (tenant_id, period, indicator_code, category, unit_id),
      KEY ix_category_rollup_unit (tenant_id, unit_id, period)
    ) ENGINE=InnoDB`);
    // One reconciliation of a tenant's period: what was checked, what differed, whether the recompute repaired it.
    await q.query(`CREATE TABLE rollup_reconciliation (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      period VARCHAR(8) NOT NULL,
      trigger_kind VARCHAR(16) NOT NULL,
      started_at DATETIME(3) NOT NULL,
      finished_at DATETIME(3) NOT NULL,
      rows_checked INT UNSIGNED NOT NULL DEFAULT 0,
      mismatches INT UNSIGNED NOT NULL DEFAULT 0,
      details JSON NULL,
      repaired TINYINT(1) NOT NULL DEFAULT 0,
      PRIMARY KEY (id),
      KEY ix_rollup_reconciliation (tenant_id, period, finished_at)
    ) ENGINE=InnoDB`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rollup_reconciliation', 'category_rollup', 'unit_category_value']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
