import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who to call at a unit: the completeness list names the contact of every unit that has not reported, so
 * the level above can chase it without looking the number up elsewhere.
 */
export class UnitContacts1764400000000 implements MigrationInterface {
  name = 'UnitContacts1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE org_unit
      ADD COLUMN contact_name VARCHAR(255) NULL,
      ADD COLUMN contact_phone VARCHAR(32) NULL,
      ADD COLUMN contact_email VARCHAR(255) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE org_unit DROP COLUMN contact_name, DROP COLUMN contact_phone, DROP COLUMN contact_email');
  }
}
