import { MigrationInterface, QueryRunner } from 'typeorm';
import { usernameKey } from '../backend/src/modules/users/username-key';

/**
 * Staff sessions (issue 14, finding 3: a disabled account kept working for the 8 hours of its
 * token). Access tokens now live minutes and name a session; the session row is the truth of
 * whether they still count, so disabling an account, changing its password, role or unit, a
 * sign-out and "sign out everywhere" end it on every API process within a minute. The refresh
 * token that renews a session is stored as a SHA-256 hash only, rotated on each use; the one it
 * replaced is kept so that a replayed (stolen) one ends the session.
 *
 * Usernames get their canonical key (modules/users/username-key.ts) as a column of its own, unique,
 * written from JavaScript only, so that look-ups and uniqueness never depend on how SQL folds case.
 */
export class StaffSessions1764806400000 implements MigrationInterface {
  name = 'StaffSessions1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN username_key text`);
    const users: { id: string; username: string }[] = await q.query(`SELECT id, username FROM app_user`);
    for (const u of users) await q.query(`UPDATE app_user SET username_key = $2 WHERE id = $1`, [u.id, usernameKey(u.username)]);
    await q.query(`ALTER TABLE app_user ALTER COLUMN username_key SET NOT NULL`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT uq_app_user_username_key UNIQUE (username_key)`);
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz`);

    await q.query(`
      CREATE TABLE user_session (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id               uuid NOT NULL,
        created_at            timestamptz NOT NULL DEFAULT now(),
        last_seen_at          timestamptz NOT NULL DEFAULT now(),
        expires_at            timestamptz NOT NULL,
        refresh_hash          text NOT NULL,
        previous_refresh_hash text,
        refresh_expires_at    timestamptz NOT NULL,
        user_agent            text,
        ip                    text,
        version               integer NOT NULL DEFAULT 1,
        revoked_at            timestamptz,
        revoked_reason        text,
        CONSTRAINT user_session_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT ck_user_session_revoked_reason CHECK (revoked_reason IN
          ('logout', 'revoked_by_user', 'sign_out_everywhere', 'account_disabled', 'password_changed', 'password_reset', 'refresh_reuse', 'second_factor_reset'))
      )`);
    // A user's sessions, newest first ("my sessions", revoke-all).
    await q.query(`CREATE INDEX ix_user_session_user ON user_session (user_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS user_session`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS password_changed_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS must_change_password`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT IF EXISTS uq_app_user_username_key`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS username_key`);
  }
}
