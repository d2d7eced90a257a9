import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { isValidUsername, usernameKey } from '../users/username-key';
import { StaffAccountsRepository } from './staff-accounts.repository';
import { temporaryPassword } from './temporary-password';

export class FirstAdminRefused extends Error {}

/**
 * The first admin of a production deployment (issue 14, finding 6), where no demo account
 * exists: made once, by the operator at a shell, with a temporary password that must be changed
 * at the first sign-in. Refused as soon as any admin exists, so the command cannot be used to
 * take over a running system. The table is locked for the check and the insert, so two runs at
 * once make one admin.
 */
export async function createFirstAdmin(
  db: DataSource,
  input: { username: string; fullName: string },
): Promise<{ id: string; username: string; temporaryPassword: string }> {
  const username = usernameKey(input.username);
  if (!isValidUsername(username))
    throw new FirstAdminRefused(`--username: 3–64 characters a–z, 0–9, dot, underscore or hyphen (got "${input.username}")`);
  const fullName = input.fullName.trim();
  if (fullName.length < 2 || fullName.length > 200 || fullName.includes('\u0000'))
    throw new FirstAdminRefused('--full-name: 2–200 characters');
  const password = temporaryPassword();
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  const accounts = new StaffAccountsRepository(db);
  const audit = new AuditService(new AuditRepository(db));
  const id = await db.transaction(async (tx) => {
    await tx.query(`LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE`);
    const [{ admins }] = await tx.query(`SELECT count(*)::int AS admins FROM app_user WHERE role = 'admin'`);
    if (admins > 0) throw new FirstAdminRefused('an admin already exists: new accounts are made by an admin, in the admin pages');
    if (await accounts.usernameTaken(username, tx)) throw new FirstAdminRefused(`--username: ${username} is taken`);
    const created = await accounts.create(
      { username, usernameKey: username, passwordHash, fullName, role: 'admin', unitId: null, email: null, phone: null },
      true,
      tx,
    );
    await audit.record(
      'user_created',
      null,
      `user:${created}`,
      { after: { username, fullName, role: 'admin', unit: null, active: true }, by: 'create-admin command' },
      tx,
    );
    return created;
  });
  return { id, username, temporaryPassword: password };
}
