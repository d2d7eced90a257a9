import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from '../users/app-user.entity';

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
@Index('ix_user_session_user', ['userId', 'createdAt'])
@Check('ck_user_session_revoked_reason', `revoked_reason IN (${REVOKE_REASONS.map((r) => `'${r}'`).join(', ')})`)
export class UserSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_session_user_id_fkey' })
  user?: AppUserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** SHA-256 of the current refresh token; the token itself is never stored. */
  @Column({ name: 'refresh_hash', type: 'text' })
  refreshHash: string;

  @Column({ name: 'previous_refresh_hash', type: 'text', nullable: true })
  previousRefreshHash: string | null;

  @Column({ name: 'refresh_expires_at', type: 'timestamptz' })
  refreshExpiresAt: Date;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: RevokeReason | null;
}
