import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, ForeignKey, TimestamptzColumn, UuidPrimaryColumn } from '../../engine/database/columns';
import { AppUserEntity } from '../users/app-user.entity';
import { sqlList } from '../../engine/database/sql-list';

export const REVOKE_REASONS = [
  'logout',
  'revoked_by_user',
  'sign_out_everywhere',
  'account_disabled',
  'password_changed',
  'password_reset',
  'refresh_reuse',
  'second_factor_reset',
] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

/**
 * A staff member's signed-in session: the truth behind every access token that names it. The
 * user agent and address are personal data of the staff member, kept while the row lives.
 */
@Entity('user_session')
@Index('ix_user_session_user', ['user', 'createdAt'])
@Check('ck_user_session_revoked_reason', `revoked_reason IN ${sqlList(REVOKE_REASONS)}`)
export class UserSessionEntity {
  @UuidPrimaryColumn()
  id: string;

  @ForeignKey(() => AppUserEntity, 'user_id', 'user_session_user_id_fkey', { nullable: false, onDelete: 'CASCADE' })
  user?: AppUserEntity;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestamptzColumn('last_seen_at', { default: () => 'now()' })
  lastSeenAt: Date;

  @TimestamptzColumn('expires_at')
  expiresAt: Date;

  /** SHA-256 of the current refresh token; the token itself is never stored. */
  @Column({ name: 'refresh_hash', type: 'text' })
  refreshHash: string;

  @Column({ name: 'previous_refresh_hash', type: 'text', nullable: true })
  previousRefreshHash: string | null;

  @TimestamptzColumn('refresh_expires_at')
  refreshExpiresAt: Date;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @TimestamptzColumn('revoked_at', { nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: RevokeReason | null;
}
