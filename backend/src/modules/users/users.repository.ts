import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UserRole } from './app-user.entity';
import { usernameKey } from './username-key';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  fullName: string;
  role: UserRole;
  active: boolean;
  mustChangePassword: boolean;
  /** A seeded demo account (exempt from the second factor). */
  demo: boolean;
  secondFactorEnrolled: boolean;
  unit: { id: string; code: string; name: string; nameEn: string; kind: string } | null;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** By the canonical key (username-key.ts), the one way every look-up folds a username. */
  async findByUsername(username: string): Promise<UserRecord | null> {
    return this.findOne('u.username_key = $1', usernameKey(username));
  }

  async findById(id: string): Promise<UserRecord | null> {
    return this.findOne('u.id = $1', id);
  }

  async touchLogin(id: string): Promise<void> {
    await this.db.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [id]);
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await this.db.query('UPDATE app_user SET password_hash = $2, must_change_password = $3, password_changed_at = now() WHERE id = $1', [
      id,
      passwordHash,
      mustChange,
    ]);
  }

  private async findOne(condition: string, value: string): Promise<UserRecord | null> {
    const rows = await this.db.query(
      `SELECT u.id, u.username, u.password_hash, u.full_name, u.role, u.active, u.must_change_password, u.demo, u.totp_enabled_at IS NOT NULL AS totp_enrolled,
              h.id AS unit_id, h.code AS unit_code, h.name AS unit_name, h.name_en AS unit_name_en, h.kind AS unit_kind
         FROM app_user u LEFT JOIN handling_unit h ON h.id = u.unit_id
        WHERE ${condition}`,
      [value],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      username: r.username,
      passwordHash: r.password_hash,
      fullName: r.full_name,
      role: r.role,
      active: r.active,
      mustChangePassword: r.must_change_password,
      demo: r.demo,
      secondFactorEnrolled: r.totp_enrolled,
      unit: r.unit_id ? { id: r.unit_id, code: r.unit_code, name: r.unit_name, nameEn: r.unit_name_en, kind: r.unit_kind } : null,
    };
  }
}
