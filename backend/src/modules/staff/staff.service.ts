import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { SecondFactorService } from '../auth/second-factor.service';
import { SessionsService } from '../auth/sessions.service';
import type { UserRole } from '../users/app-user.entity';
import { StaffAccountsRepository } from './staff-accounts.repository';
import {
  CreateStaffRequest,
  ImportResult,
  ImportStaffRequest,
  StaffAccount,
  StaffQueryRequest,
  TemporaryPasswordAnswer,
  UpdateStaffRequest,
} from './staff.dto';
import { StaffException } from './staff.exception';
import { leavesNoAdmin, unitRuleBroken } from './staff-rules';
import { temporaryPassword } from './temporary-password';
import { checkStaffCsv } from './staff-import';

const UNIQUE_VIOLATION = '23505';
const CITY_WIDE: readonly UserRole[] = ['operator', 'leader', 'admin'];

/** What the audit keeps of an account: never a password or its hash. */
const snapshot = (a: StaffAccount) => ({
  username: a.username,
  fullName: a.fullName,
  role: a.role,
  unit: a.unit?.code ?? null,
  email: a.email,
  phone: a.phone,
  active: a.active,
});

/**
 * Staff accounts as the admin pages run them. Each change and its audit event are one
 * transaction; sessions end (or take the new role) once it has committed.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly accounts: StaffAccountsRepository,
    private readonly sessions: SessionsService,
    private readonly factors: SecondFactorService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  list(q: StaffQueryRequest): Promise<{ items: StaffAccount[]; total: number }> {
    return this.accounts.search({ ...q, active: q.active === undefined ? undefined : q.active === 'true' });
  }

  async get(id: string): Promise<StaffAccount> {
    return (await this.accounts.find(id)) ?? notFound(id);
  }

  async create(body: CreateStaffRequest, actor: Principal): Promise<StaffAccount & TemporaryPasswordAnswer> {
    const password = temporaryPassword();
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    try {
      const account = await this.db.transaction(async (tx) => {
        if (await this.accounts.usernameTaken(body.username, tx)) throw StaffException.usernameTaken(body.username);
        await this.checkUnit(body.role, body.unitId ?? null, tx);
        const id = await this.accounts.create(
          {
            username: body.username,
            usernameKey: body.username,
            passwordHash,
            fullName: body.fullName,
            role: body.role,
            unitId: body.unitId ?? null,
            email: body.email ?? null,
            phone: body.phone ?? null,
          },
          true,
          tx,
        );
        const created = (await this.accounts.find(id, tx))!;
        await this.audit.record('user_created', actor, `user:${id}`, { after: snapshot(created) }, tx);
        return created;
      });
      return { ...account, temporaryPassword: password };
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw StaffException.usernameTaken(body.username);
      throw error;
    }
  }

  async update(id: string, body: UpdateStaffRequest, actor: Principal): Promise<StaffAccount> {
    const { before, after } = await this.db.transaction(async (tx) => {
      const admins = await this.accounts.lockActiveAdmins(tx);
      const before = (await this.accounts.find(id, tx)) ?? notFound(id);
      const role = body.role ?? before.role;
      // A move to a city-wide role leaves the unit unless one is named (and then refused).
      const unitId = body.unitId !== undefined ? body.unitId : CITY_WIDE.includes(role) ? null : (before.unit?.id ?? null);
      if (leavesNoAdmin(admins, id, before.active && role === 'admin')) throw StaffException.lastAdmin();
      await this.checkUnit(role, unitId, tx);
      await this.accounts.update(id, { ...body, role, unitId }, tx);
      const after = (await this.accounts.find(id, tx))!;
      await this.audit.record('user_updated', actor, `user:${id}`, changes(snapshot(before), snapshot(after)), tx);
      return { before, after };
    });
    if (before.role !== after.role || before.unit?.id !== after.unit?.id || before.username !== after.username)
      await this.sessions.authorityChanged(id);
    return after;
  }

  /** Never the last active admin; every session of the account ends on every process. */
  async disable(id: string, actor: Principal): Promise<StaffAccount> {
    const account = await this.db.transaction(async (tx) => {
      const admins = await this.accounts.lockActiveAdmins(tx);
      const before = (await this.accounts.find(id, tx)) ?? notFound(id);
      if (leavesNoAdmin(admins, id, false)) throw StaffException.lastAdmin();
      await this.accounts.setActive(id, false, tx);
      if (before.active)
        await this.audit.record('user_disabled', actor, `user:${id}`, { before: { active: true }, after: { active: false } }, tx);
      return { ...before, active: false };
    });
    await this.sessions.end(id, null, 'account_disabled');
    return account;
  }

  async enable(id: string, actor: Principal): Promise<StaffAccount> {
    return this.db.transaction(async (tx) => {
      const before = (await this.accounts.find(id, tx)) ?? notFound(id);
      await this.accounts.setActive(id, true, tx);
      if (!before.active)
        await this.audit.record('user_enabled', actor, `user:${id}`, { before: { active: false }, after: { active: true } }, tx);
      return { ...before, active: true };
    });
  }

  /** A temporary password, shown once; the user must change it at the next sign-in, and is signed out everywhere now. */
  async resetPassword(id: string, actor: Principal): Promise<TemporaryPasswordAnswer> {
    const password = temporaryPassword();
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    await this.db.transaction(async (tx) => {
      if ((await this.accounts.find(id, tx)) === null) notFound(id);
      await this.accounts.setPassword(id, passwordHash, true, tx);
      await this.audit.record('password_reset', actor, `user:${id}`, { mustChangePassword: true }, tx);
    });
    await this.sessions.end(id, null, 'password_reset');
    return { temporaryPassword: password };
  }

  /**
   * Staff from a CSV file. A dry run lists every problem and writes nothing; otherwise a file
   * with any problem is refused whole, and a clean one is written in one transaction, each
   * account with a temporary password (in the answer, once) to change at the first sign-in.
   */
  async import(body: ImportStaffRequest, actor: Principal): Promise<ImportResult> {
    const [taken, units] = await Promise.all([this.accounts.takenKeys(), this.accounts.activeUnits()]);
    const checked = checkStaffCsv(body.csv, { taken, units });
    if (body.dryRun) return { dryRun: true, valid: checked.accounts.length, problems: checked.problems, created: [] };
    if (checked.problems.length) throw StaffException.importRefused(checked.problems);
    const withPasswords = await Promise.all(checked.accounts.map(async (a) => ({ ...a, password: temporaryPassword() })));
    const hashes = await Promise.all(withPasswords.map((a) => argon2.hash(a.password, { type: argon2.argon2id })));
    const created = await this.db.transaction(async (tx) => {
      await this.accounts.lockForImport(tx);
      // What the check saw may have changed since: checked again under the lock.
      const again = checkStaffCsv(body.csv, { taken: await this.accounts.takenKeys(tx), units });
      if (again.problems.length) throw StaffException.importRefused(again.problems);
      const out: (StaffAccount & TemporaryPasswordAnswer)[] = [];
      for (const [i, a] of withPasswords.entries()) {
        const id = await this.accounts.create(
          {
            username: a.username,
            usernameKey: a.username,
            passwordHash: hashes[i],
            fullName: a.fullName,
            role: a.role,
            unitId: a.unitId,
            email: a.email,
            phone: a.phone,
          },
          true,
          tx,
        );
        const account = (await this.accounts.find(id, tx))!;
        await this.audit.record('user_created', actor, `user:${id}`, { after: snapshot(account), import: true }, tx);
        out.push({ ...account, temporaryPassword: a.password });
      }
      await this.audit.record('users_imported', actor, 'users', { count: out.length, usernames: out.map((a) => a.username) }, tx);
      return out;
    });
    return { dryRun: false, valid: created.length, problems: [], created };
  }

  /** The user lost their phone: the factor goes, they are signed out, and enrol again at the next sign-in. */
  async resetSecondFactor(id: string, actor: Principal): Promise<StaffAccount> {
    if (!(await this.factors.reset(id, actor))) notFound(id);
    return this.get(id);
  }

  private async checkUnit(role: UserRole, unitId: string | null, tx: EntityManager): Promise<void> {
    const kind = unitId ? await this.accounts.unitKind(unitId, tx) : null;
    if (unitId && !kind) throw StaffException.unitRule('unknown_unit');
    const broken = unitRuleBroken(role, kind);
    if (broken) throw StaffException.unitRule(broken);
  }
}

function notFound(id: string): never {
  throw StaffException.notFound(id);
}

/** Only the fields that changed, before and after. */
function changes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}
