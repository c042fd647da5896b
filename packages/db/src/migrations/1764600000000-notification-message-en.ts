import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The English text of an in-app notification, for users who switched the interface to English. */
export class NotificationMessageEn1764600000000 implements MigrationInterface {
  name = 'NotificationMessageEn1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notification ADD COLUMN message_en VARCHAR(1000) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notification DROP COLUMN message_en');
  }
}
