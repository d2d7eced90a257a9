import { createScratchDatabase } from '../../testing/scratch-database';
import { SlaPolicyRepository } from './sla-policy.repository';
import { forSuite } from '../../testing/for-suite';

/** The admin's SLA policy storage against a real, freshly migrated PostgreSQL (a scratch database). */
describe('SLA policy storage (real PostgreSQL)', () => {
  const db = forSuite(
    () => createScratchDatabase({ migrate: true }),
    (opened) => opened.drop(),
  );
  let repo: SlaPolicyRepository;
  let adminId: string;
  let categoryId: number;

  beforeAll(async () => {
    repo = new SlaPolicyRepository(db().dataSource);
    [{ id: adminId }] = await db().dataSource.query(
      `INSERT INTO app_user (username, username_key, password_hash, full_name, role) VALUES ('sla.admin', 'sla.admin', 'x', 'SLA Admin', 'admin') RETURNING id`,
    );
    [{ id: categoryId }] = await db().dataSource.query(
      `INSERT INTO category (code, name_vi, name_en, group_code, group_vi, group_en, handling_level) VALUES ('pothole','Ổ gà','Pothole','roads','Đường','Roads','ward') RETURNING id`,
    );
  });

  it('finds a category by its code, and nothing for an unknown one', async () => {
    expect(await repo.categoryId('pothole')).toBe(categoryId);
    expect(await repo.categoryId('no-such-thing')).toBeNull();
  });

  it("closes the policy in force for the same key when it opens the next, and leaves other keys' alone", async () => {
    const base = { responseMinutes: 60, resolutionMinutes: 600, mode: 'business', createdBy: adminId };
    const first = await repo.replace({ ...base, categoryId, priority: 'low', validFrom: new Date('2026-01-01T00:00:00Z') });
    const other = await repo.replace({ ...base, categoryId: null, priority: 'low', validFrom: new Date('2026-01-01T00:00:00Z') });
    const second = await repo.replace({
      ...base,
      categoryId,
      priority: 'low',
      responseMinutes: 30,
      validFrom: new Date('2026-06-01T00:00:00Z'),
    });
    // Opened at or before the one it replaces: the old one still lasts one second, never less.
    const third = await repo.replace({
      ...base,
      categoryId,
      priority: 'low',
      responseMinutes: 20,
      validFrom: new Date('2026-05-01T00:00:00Z'),
    });

    const rows = await repo.list();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows).toHaveLength(4);
    expect(byId.get(other.id)).toMatchObject({ category: null, priority: 'low', validTo: null });
    expect(new Date(byId.get(first.id)!.validTo!).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(new Date(byId.get(second.id)!.validTo!).toISOString()).toBe('2026-06-01T00:00:01.000Z');
    expect(byId.get(third.id)).toMatchObject({
      category: 'pothole',
      priority: 'low',
      responseMinutes: 20,
      resolutionMinutes: 600,
      mode: 'business',
      validTo: null,
    });
    // Sorted by category (the defaults first), then priority, then the newest first.
    expect(rows.map((r) => r.category)).toEqual([null, 'pothole', 'pothole', 'pothole']);
    expect(rows.slice(1).map((r) => r.id)).toEqual([second.id, third.id, first.id]);
  });
});
