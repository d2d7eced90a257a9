import { Check, Column, Entity, Unique } from 'typeorm';
import { CreatedAtColumn, ForeignKey, TimestamptzColumn, UuidPrimaryColumn } from '../../engine/database/columns';

export type UserRole = 'operator' | 'ward_official' | 'department_official' | 'leader' | 'admin';
export const USER_ROLES: UserRole[] = ['operator', 'ward_official', 'department_official', 'leader', 'admin'];

@Entity('app_user')
@Unique('uq_app_user_username', ['username'])
@Unique('uq_app_user_username_key', ['usernameKey'])
@Check('ck_app_user_official_unit', "role NOT IN ('ward_official', 'department_official') OR unit_id IS NOT NULL")
export class AppUserEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'text' })
  username: string;

  /** usernameKey(username), written from JavaScript only: look-ups and uniqueness use it. */
  @Column({ name: 'username_key', type: 'text' })
  usernameKey: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role: UserRole;

  // Named, not imported: units depends on auth, which depends on users (modules import no cycle).
  @ForeignKey('HandlingUnitEntity', 'unit_id', 'app_user_unit_id_fkey')
  unit?: { id: string } | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Set by an admin's reset or the first-admin command: the next sign-in must choose a password. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @TimestamptzColumn('password_changed_at', { nullable: true })
  passwordChangedAt: Date | null;

  /** A seeded demo account: signs in with the password alone, whatever MFA_REQUIRED_ROLES says. */
  @Column({ type: 'boolean', default: false })
  demo: boolean;

  /** Base32 TOTP secret (RFC 6238) once confirmed; the pending one waits for its first code. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret: string | null;

  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true })
  totpPendingSecret: string | null;

  @TimestamptzColumn('totp_enabled_at', { nullable: true })
  totpEnabledAt: Date | null;

  /** The last 30-second step a code was accepted for: each code is good once. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestamptzColumn('last_login_at', { nullable: true })
  lastLoginAt: Date | null;
}
