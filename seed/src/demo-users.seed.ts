import * as argon2 from 'argon2';
import { usernameKey } from '../../backend/src/modules/users/username-key';
import { countRows, execute, SeedStep } from './seed-step';

/** The demo password of DESIGN.md; demo accounts exist only when demo seeding is on. */
export const DEMO_PASSWORD = '1022demo!';

export interface DemoUser {
  username: string;
  fullName: string;
  role: 'operator' | 'ward_official' | 'department_official' | 'leader' | 'admin';
  unit: string | null;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', fullName: 'Trần Minh Khoa', role: 'admin', unit: null },
  { username: 'leader', fullName: 'Lê Thị Thanh Hương', role: 'leader', unit: null },
  { username: 'operator', fullName: 'Phạm Ngọc Hân', role: 'operator', unit: null },
  { username: 'ward.benthanh', fullName: 'Nguyễn Hoàng Phúc', role: 'ward_official', unit: 'UBND-26743' },
  { username: 'ward.saigon', fullName: 'Võ Thị Mỹ Linh', role: 'ward_official', unit: 'UBND-26740' },
  { username: 'dept.xaydung', fullName: 'Đặng Quốc Bảo', role: 'department_official', unit: 'SO-XAYDUNG' },
];

export const demoUsersStep: SeedStep = {
  name: 'demo users',
  async run(client) {
    const { rows } = await client.query<{ username: string }>('SELECT username FROM app_user WHERE username = ANY($1::text[])', [
      DEMO_USERS.map((u) => u.username),
    ]);
    const existing = new Set(rows.map((r) => r.username));
    // Hashing is the slow part (argon2 is meant to be), so only missing accounts are hashed.
    const missing = await Promise.all(
      DEMO_USERS.filter((u) => !existing.has(u.username)).map(async (u) => ({
        ...u,
        usernameKey: usernameKey(u.username),
        passwordHash: await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id }),
      })),
    );
    const inserted = await execute(
      client,
      `INSERT INTO app_user (username, username_key, password_hash, full_name, role, unit_id, demo)
       SELECT u.username, u."usernameKey", u."passwordHash", u."fullName", u.role::user_role, h.id, true
       FROM jsonb_to_recordset($1::jsonb) AS u(username text, "usernameKey" text, "passwordHash" text, "fullName" text, role text, unit text)
       LEFT JOIN handling_unit h ON h.code = u.unit
       ON CONFLICT (username) DO NOTHING`,
      [JSON.stringify(missing)],
    );
    return { inserted, total: await countRows(client, 'SELECT count(*) AS n FROM app_user') };
  },
};
