import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, the unit hierarchy (with its closure table and history), users, roles, sessions, audit.
 * Portable SQL only (MySQL 8, MariaDB 10.11, TiDB): no triggers, procedures or engine extensions.
 * `tenant_id` leads every composite index of a tenant-owned table.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenant (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      code VARCHAR(16) NOT NULL,
      name VARCHAR(255) NOT NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'active',
      is_central TINYINT(1) NOT NULL DEFAULT 0,
      levels JSON NOT NULL,
      root_unit_id BIGINT UNSIGNED NULL,
      absorbed_into_id BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_tenant_code (code)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE org_unit (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      parent_id BIGINT UNSIGNED NULL,
      name VARCHAR(255) NOT NULL,
      name_folded VARCHAR(255) NOT NULL,
      sort_key VARCHAR(500) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      code VARCHAR(64) NULL,
      level VARCHAR(32) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      valid_from DATE NULL,
      valid_to DATE NULL,
      successor_id BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_org_unit_parent (tenant_id, parent_id, sort_key(191)),
      KEY ix_org_unit_level (tenant_id, level),
      KEY ix_org_unit_folded (tenant_id, name_folded(191)),
      UNIQUE KEY uq_org_unit_code (tenant_id, code)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE org_unit_closure (
      tenant_id BIGINT UNSIGNED NOT NULL,
      ancestor_id BIGINT UNSIGNED NOT NULL,
      descendant_id BIGINT UNSIGNED NOT NULL,
      depth SMALLINT UNSIGNED NOT NULL,
      PRIMARY KEY (tenant_id, ancestor_id, descendant_id),
      KEY ix_closure_descendant (tenant_id, descendant_id, depth)
    ) ENGINE=InnoDB`);

    await q.query(`CREATE TABLE org_unit_event (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      type VARCHAR(16) NOT NULL,
      effective_from DATE NOT NULL,
      data JSON NOT NULL,
      user_id BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_org_unit_event_unit (tenant_id, unit_id, effective_from)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE app_user (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      username VARCHAR(64) NOT NULL,
      display_name VARCHAR(255) NOT NULL,
      email VARCHAR(255) NULL,
      password_hash VARCHAR(255) NOT NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'active',
      failed_logins INT UNSIGNED NOT NULL DEFAULT 0,
      locked_until DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_app_user_username (tenant_id, username)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE role_assignment (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      user_id BIGINT UNSIGNED NOT NULL,
      role VARCHAR(32) NOT NULL,
      unit_id BIGINT UNSIGNED NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_role_assignment (tenant_id, user_id, role, unit_id)
    ) ENGINE=InnoDB`);

    await q.query(`CREATE TABLE refresh_token (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      user_id BIGINT UNSIGNED NOT NULL,
      family_id CHAR(36) NOT NULL,
      token_hash CHAR(64) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      used_at DATETIME(3) NULL,
      revoked_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_refresh_token_hash (tenant_id, token_hash),
      KEY ix_refresh_token_family (tenant_id, family_id)
    ) ENGINE=InnoDB`);

    await q.query(`CREATE TABLE audit_log (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      user_id BIGINT UNSIGNED NULL,
      unit_id BIGINT UNSIGNED NULL,
      action VARCHAR(64) NOT NULL,
      entity VARCHAR(64) NOT NULL,
      entity_id VARCHAR(64) NULL,
      \`before\` JSON NULL,
      \`after\` JSON NULL,
      request_id VARCHAR(64) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_audit_log_time (tenant_id, created_at),
      KEY ix_audit_log_entity (tenant_id, entity, entity_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE tenant_indicator (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      tenant_id BIGINT UNSIGNED NOT NULL,
      code VARCHAR(64) NOT NULL,
      definition JSON NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_tenant_indicator_code (tenant_id, code)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['tenant_indicator', 'audit_log', 'refresh_token', 'role_assignment', 'app_user', 'org_unit_event', 'org_unit_closure', 'org_unit', 'tenant']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
