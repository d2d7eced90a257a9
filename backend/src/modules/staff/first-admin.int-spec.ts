import * as argon2 from 'argon2';
import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';
import { createFirstAdmin, FirstAdminRefused } from './first-admin';

describe('createFirstAdmin (real PostgreSQL, an empty deployment)', () => {
  let db: ScratchDatabase;

  beforeAll(async () => {
    db = await createScratchDatabase({ migrate: true });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each([
    ['a!', 'X Y', '--username'],
    ['ok.name', 'X', '--full-name'],
  ])('refuses username %j, full name %j naming %s', async (username, fullName, field) => {
    await expect(createFirstAdmin(db.dataSource, { username, fullName })).rejects.toThrow(field);
  });

  it('makes one admin with a temporary password to change, then refuses, even when run twice at once', async () => {
    const results = await Promise.allSettled([
      createFirstAdmin(db.dataSource, { username: 'QuanTri', fullName: 'Quản trị Thành phố' }),
      createFirstAdmin(db.dataSource, { username: 'other.admin', fullName: 'Quản trị Khác' }),
    ]);
    const made = results.filter((r) => r.status === 'fulfilled');
    expect(made).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(FirstAdminRefused);
    const admin = made[0].value;
    const [row] = await db.dataSource.query(
      `SELECT username, username_key, role, must_change_password, password_hash FROM app_user WHERE id = $1`,
      [admin.id],
    );
    expect(row).toMatchObject({ username: admin.username, username_key: admin.username, role: 'admin', must_change_password: true });
    expect(await argon2.verify(row.password_hash, admin.temporaryPassword)).toBe(true);
    const [event] = await db.dataSource.query(`SELECT type, actor_user_id, data FROM audit_event WHERE subject = $1`, [`user:${admin.id}`]);
    expect(event).toMatchObject({ type: 'user_created', actor_user_id: null, data: { by: 'create-admin command' } });
    await expect(createFirstAdmin(db.dataSource, { username: 'third', fullName: 'Quản trị Ba' })).rejects.toThrow(
      'an admin already exists',
    );
  });
});
