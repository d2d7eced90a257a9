import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../engine/config/app-config';
import { createDataSource } from '../engine/database/data-source';
import { createFirstAdmin, FirstAdminRefused } from '../modules/staff/first-admin';

/**
 * `npm run create-admin -w backend -- --username x [--full-name "Nguyễn Văn A"]`: the first admin
 * of a deployment, once (docs/operations.md, "The first admin").
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, 'full-name': { type: 'string' } }, strict: true });
  if (!values.username) throw new FirstAdminRefused('--username is required');
  const dataSource = createDataSource(loadConfig());
  await dataSource.initialize();
  try {
    const admin = await createFirstAdmin(dataSource, { username: values.username, fullName: values['full-name'] ?? 'Quản trị hệ thống' });
    console.log(
      `admin ${admin.username} created.\ntemporary password (shown once; it must be changed at the first sign-in): ${admin.temporaryPassword}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err) => {
  console.error(`create-admin refused: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
