import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KnownSession } from './session-state-cache';
import type { RevokeReason } from './user-session.entity';

export interface NewSession {
  id: string;
  userId: string;
  refreshHash: string;
  expiresAt: Date;
  refreshExpiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
}

export interface RefreshableSession {
  id: string;
  userId: string;
  refreshHash: string;
  previousRefreshHash: string | null;
  expiresAt: Date;
  refreshExpiresAt: Date;
  revokedAt: Date | null;
  userActive: boolean;
}

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
}

@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(s: NewSession): Promise<void> {
    await this.db.query(
      `INSERT INTO user_session (id, user_id, refresh_hash, expires_at, refresh_expires_at, user_agent, ip, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [s.id, s.userId, s.refreshHash, s.expiresAt, s.refreshExpiresAt, s.userAgent, s.ip, s.createdAt],
    );
  }

  /** The session as the guard needs it, its user's live role and unit included; null once it ended. */
  async state(sessionId: string, now: Date, mfaRequiredRoles: readonly string[]): Promise<KnownSession> {
    const [r] = await this.db.query(
      `SELECT s.id AS "sessionId", u.id AS "userId", u.username, u.role, u.unit_id AS "unitId", s.version,
              u.must_change_password AS "mustChangePassword",
              (u.totp_enabled_at IS NULL AND NOT u.demo AND u.role::text = ANY($3::text[])) AS "mustEnrolSecondFactor"
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`,
      [sessionId, now, mfaRequiredRoles],
    );
    return r ?? null;
  }

  async findForRefresh(sessionId: string): Promise<RefreshableSession | null> {
    const [r] = await this.db.query(
      `SELECT s.id, s.user_id AS "userId", s.refresh_hash AS "refreshHash", s.previous_refresh_hash AS "previousRefreshHash",
              s.expires_at AS "expiresAt", s.refresh_expires_at AS "refreshExpiresAt", s.revoked_at AS "revokedAt", u.active AS "userActive"
         FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.id = $1`,
      [sessionId],
    );
    return r ?? null;
  }

  /** Swaps the refresh token only if it is still the one presented: of two racing refreshes one wins. */
  async rotate(
    sessionId: string,
    presentedHash: string,
    nextHash: string,
    refreshExpiresAt: Date,
    now: Date,
    meta: { userAgent: string | null; ip: string | null },
  ): Promise<boolean> {
    const rows = updated(
      await this.db.query(
        `UPDATE user_session
          SET refresh_hash = $3, previous_refresh_hash = refresh_hash, refresh_expires_at = LEAST($4::timestamptz, expires_at),
              last_seen_at = $5, user_agent = coalesce($6, user_agent), ip = coalesce($7, ip)
        WHERE id = $1 AND refresh_hash = $2 AND revoked_at IS NULL
        RETURNING id`,
        [sessionId, presentedHash, nextHash, refreshExpiresAt, now, meta.userAgent, meta.ip],
      ),
    );
    return rows.length === 1;
  }

  /** Ends these sessions of the user (all of them when `ids` is null), bar `except`; returns the ones ended. */
  async revoke(userId: string, ids: string[] | null, reason: RevokeReason, now: Date, except: string | null = null): Promise<string[]> {
    const rows = updated<{ id: string }>(
      await this.db.query(
        `UPDATE user_session SET revoked_at = $3, revoked_reason = $4, version = version + 1
        WHERE user_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) AND revoked_at IS NULL AND ($5::uuid IS NULL OR id <> $5::uuid)
        RETURNING id`,
        [userId, ids, now, reason, except],
      ),
    );
    return rows.map((r) => r.id);
  }

  /** The user's role, unit or password changed: every open session takes a new version. */
  async bumpVersions(userId: string): Promise<string[]> {
    const rows = updated<{ id: string }>(
      await this.db.query(`UPDATE user_session SET version = version + 1 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId]),
    );
    return rows.map((r) => r.id);
  }

  async openOfUser(userId: string, now: Date): Promise<SessionSummary[]> {
    const rows = await this.db.query(
      `SELECT id, created_at, last_seen_at, expires_at, user_agent, ip FROM user_session
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC`,
      [userId, now],
    );
    return rows.map(
      (r: { id: string; created_at: Date; last_seen_at: Date; expires_at: Date; user_agent: string | null; ip: string | null }) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        lastSeenAt: r.last_seen_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        userAgent: r.user_agent,
        ip: r.ip,
      }),
    );
  }

  /** Blanks the address and browser of up to `limit` sessions that ended before `cutoff` (retention); returns how many. */
  async blankClientOfSessionsEndedBefore(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.db.query(
      `WITH due AS (
         SELECT id FROM user_session
          WHERE (ip IS NOT NULL OR user_agent IS NOT NULL)
            AND coalesce(revoked_at, greatest(expires_at, refresh_expires_at)) < $1
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       u AS (UPDATE user_session SET ip = NULL, user_agent = NULL WHERE id IN (SELECT id FROM due) RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [cutoff, limit],
    );
    return rows[0].n;
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, affected count]. */
function updated<T = unknown>(result: [T[], number] | T[]): T[] {
  return Array.isArray(result[0]) ? result[0] : (result as T[]);
}
