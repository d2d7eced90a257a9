import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor for staff sign-in (issue 14): a TOTP secret (RFC 6238) per account, confirmed
 * by a first code before it counts, the last time step used (a code is good once), and one-time
 * recovery codes kept as SHA-256 hashes. `demo` marks the seeded demo accounts, which sign in
 * with the password alone (DESIGN.md) even where MFA_REQUIRED_ROLES names their role.
 */
export class SecondFactor1764806400002 implements MigrationInterface {
  name = 'SecondFactor1764806400002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN demo boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user ADD COLUMN totp_secret text`);
    await q.query(`ALTER TABLE app_user ADD COLUMN totp_pending_secret text`);
    await q.query(`ALTER TABLE app_user ADD COLUMN totp_enabled_at timestamptz`);
    await q.query(`ALTER TABLE app_user ADD COLUMN totp_last_step bigint`);
    await q.query(`
      CREATE TABLE user_recovery_code (
        id         bigserial PRIMARY KEY,
        user_id    uuid NOT NULL,
        code_hash  text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at    timestamptz,
        CONSTRAINT user_recovery_code_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT uq_user_recovery_code UNIQUE (user_id, code_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS user_recovery_code`);
    for (const c of ['totp_last_step', 'totp_enabled_at', 'totp_pending_secret', 'totp_secret', 'demo'])
      await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS ${c}`);
  }
}
