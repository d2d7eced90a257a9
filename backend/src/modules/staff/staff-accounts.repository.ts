import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { UserRole } from '../users/app-user.entity';
import type { StaffAccount } from './staff.dto';

export interface StaffQuery {
  q?: string;
  role?: UserRole;
  unitId?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export interface NewStaffAccount {
  username: string;
  usernameKey: string;
  passwordHash: string;
  fullName: string;
  role: UserRole;
  unitId: string | null;
  email: string | null;
  phone: string | null;
}

export interface StaffChange {
  fullName?: string;
  role?: UserRole;
  unitId?: string | null;
  email?: string | null;
  phone?: string | null;
}

const COLUMNS = `u.id, u.username, u.full_name, u.role, u.email, u.phone, u.active, u.must_change_password, u.totp_enabled_at IS NOT NULL AS totp_enrolled, u.created_at, u.last_login_at,
  h.id AS unit_id, h.code AS unit_code, h.name AS unit_name, h.name_en AS unit_name_en, h.kind AS unit_kind`;

/** The admin side of app_user: search, create, change, disable. Writes take the caller's transaction. */
@Injectable()
export class StaffAccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(f: StaffQuery): Promise<{ items: StaffAccount[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (f.q)
      add(
        `(u.username_key LIKE ? OR u.full_name ILIKE ? OR h.name ILIKE ? OR h.code ILIKE ?)`,
        `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    if (f.role) add(`u.role = ?::user_role`, f.role);
    if (f.unitId) add(`u.unit_id = ?`, f.unitId);
    if (f.active !== undefined) add(`u.active = ?`, f.active);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM app_user u LEFT JOIN handling_unit h ON h.id = u.unit_id ${clause}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} ${from} ORDER BY u.username_key LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { items: rows.map(toAccount), total };
  }

  async find(id: string, tx?: EntityManager): Promise<StaffAccount | null> {
    const rows = await (tx ?? this.db).query(
      `SELECT ${COLUMNS} FROM app_user u LEFT JOIN handling_unit h ON h.id = u.unit_id WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? toAccount(rows[0]) : null;
  }

  async unitKind(unitId: string, tx?: EntityManager): Promise<string | null> {
    const rows = await (tx ?? this.db).query(`SELECT kind FROM handling_unit WHERE id = $1 AND active`, [unitId]);
    return rows[0]?.kind ?? null;
  }

  /** Every username key with an account: what an import is checked against. */
  async takenKeys(tx?: EntityManager): Promise<Set<string>> {
    const rows: { k: string }[] = await (tx ?? this.db).query(`SELECT username_key AS k FROM app_user`);
    return new Set(rows.map((r) => r.k));
  }

  async activeUnits(): Promise<Map<string, { id: string; kind: string }>> {
    const rows: { id: string; code: string; kind: string }[] = await this.db.query(`SELECT id, code, kind FROM handling_unit WHERE active`);
    return new Map(rows.map((r) => [r.code.toUpperCase(), { id: r.id, kind: r.kind }]));
  }

  /** For an import: no account can be made or renamed by anyone else until the transaction ends. */
  async lockForImport(tx: EntityManager): Promise<void> {
    await tx.query(`LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE`);
  }

  async usernameTaken(usernameKey: string, tx?: EntityManager): Promise<boolean> {
    const rows = await (tx ?? this.db).query(`SELECT 1 FROM app_user WHERE username_key = $1`, [usernameKey]);
    return rows.length > 0;
  }

  async create(a: NewStaffAccount, mustChangePassword: boolean, tx: EntityManager): Promise<string> {
    const rows = await tx.query(
      `INSERT INTO app_user (username, username_key, password_hash, full_name, role, unit_id, email, phone, must_change_password)
       VALUES ($1, $2, $3, $4, $5::user_role, $6, $7, $8, $9) RETURNING id`,
      [a.username, a.usernameKey, a.passwordHash, a.fullName, a.role, a.unitId, a.email, a.phone, mustChangePassword],
    );
    return rows[0].id;
  }

  async update(id: string, c: StaffChange, tx: EntityManager): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (c.fullName !== undefined) set('full_name', c.fullName);
    if (c.role !== undefined) set('role', c.role, '::user_role');
    if (c.unitId !== undefined) set('unit_id', c.unitId);
    if (c.email !== undefined) set('email', c.email);
    if (c.phone !== undefined) set('phone', c.phone);
    if (sets.length) await tx.query(`UPDATE app_user SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async setActive(id: string, active: boolean, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE app_user SET active = $2 WHERE id = $1`, [id, active]);
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE app_user SET password_hash = $2, must_change_password = $3, password_changed_at = now() WHERE id = $1`, [
      id,
      passwordHash,
      mustChange,
    ]);
  }

  /**
   * The active admins, locked until the transaction ends: two admins disabling or demoting each
   * other at once are taken in turn, and the second sees the first's change.
   */
  async lockActiveAdmins(tx: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`);
    return rows.map((r) => r.id);
  }
}

/** A row of the account SELECTs: app_user with its unit. */
interface StaffRow {
  id: string;
  username: string;
  full_name: string;
  role: UserRole;
  unit_id: string | null;
  unit_code: string;
  unit_name: string;
  unit_name_en: string;
  unit_kind: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  must_change_password: boolean;
  totp_enrolled: boolean;
  created_at: Date;
  last_login_at: Date | null;
}

function toAccount(r: StaffRow): StaffAccount {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    unit: r.unit_id ? { id: r.unit_id, code: r.unit_code, name: r.unit_name, nameEn: r.unit_name_en, kind: r.unit_kind } : null,
    email: r.email,
    phone: r.phone,
    active: r.active,
    mustChangePassword: r.must_change_password,
    secondFactorEnrolled: r.totp_enrolled,
    createdAt: r.created_at.toISOString(),
    lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
  };
}
