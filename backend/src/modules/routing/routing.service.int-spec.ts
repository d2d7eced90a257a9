import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../../engine/config/config.module';
import { DatabaseModule } from '../../engine/database/database.module';
import { QueueModule } from '../../engine/queue/queue.module';
import { RedisModule } from '../../engine/redis/redis.module';
import type { Principal } from '../auth/principal';
import { IntakeModule } from '../intake/intake.module';
import { IntakeService } from '../intake/intake.service';
import { RoutingModule } from './routing.module';
import { RoutingService } from './routing.service';
import { forSuite } from '../../testing/for-suite';

// Chợ Bến Thành (26743) and a point in Phường Sài Gòn (26740).
const BEN_THANH = { lat: 10.7725, lng: 106.6981 };

async function openRoutingContext() {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, IntakeModule, RoutingModule],
  }).compile();
  return moduleRef.init();
}

describe('routing (real PostgreSQL, seeded reference data)', () => {
  const app = forSuite(openRoutingContext, (opened) => opened.close());
  let intake: IntakeService;
  let routing: RoutingService;
  let db: DataSource;
  let officials: Record<string, Principal>;

  beforeAll(async () => {
    intake = app().get(IntakeService);
    routing = app().get(RoutingService);
    db = app().get(getDataSourceToken());
    const users = await db.query(
      `SELECT id, username, role, unit_id FROM app_user WHERE username IN ('ward.benthanh', 'ward.saigon', 'admin')`,
    );
    officials = Object.fromEntries(
      users.map((u: { id: string; username: string; role: Principal['role']; unit_id: string | null }) => [
        u.username,
        { userId: u.id, username: u.username, role: u.role, unitId: u.unit_id },
      ]),
    );
  });

  const file = async (category: string, attributes?: Record<string, unknown>) =>
    (
      await intake.submit({
        categoryCode: category,
        ...BEN_THANH,
        description: `Kiểm thử điều phối ${category} ${Date.now()}`,
        channel: 'web',
        attributes,
      })
    ).result.id;
  const unitCode = async (reportId: string) =>
    (await db.query(`SELECT h.code FROM report r JOIN handling_unit h ON h.id = r.assigned_unit_id WHERE r.id = $1`, [reportId]))[0]?.code;
  const events = async (reportId: string, type: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM report_event WHERE report_id = $1 AND type = $2`, [reportId, type]))[0].n);

  it.each([
    ['illegal-construction', undefined, 'UBND-26743', 'ward_committee'],
    ['street-light', undefined, 'SAPULICO', 'category_default'],
    ['flooding', { depth: 'duoi-20cm' }, 'UDC', 'ward_rule'],
  ])('routes %s in Bến Thành to %s (%s)', async (category, attributes, unit, reason) => {
    const id = await file(category, attributes);
    const outcome = await routing.routeNew(id);
    expect(outcome).toMatchObject({ outcome: 'assigned', route: { reason } });
    expect(await unitCode(id)).toBe(unit);
  });

  it('assigns once however many times and however concurrently the job runs', async () => {
    const id = await file('street-light');
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => routing.routeNew(id)));
    expect(outcomes.filter((o) => o.outcome === 'assigned')).toHaveLength(1);
    expect(await events(id, 'assigned')).toBe(1);
    expect(Number((await db.query(`SELECT count(*) AS n FROM sla_clock WHERE report_id = $1`, [id]))[0].n)).toBe(2);
    expect(
      Number((await db.query(`SELECT count(*) AS n FROM notification WHERE report_id = $1 AND template = 'ticket.assigned'`, [id]))[0].n),
    ).toBe(1);
    const [r] = await db.query(`SELECT status, response_due_at, resolution_due_at FROM report WHERE id = $1`, [id]);
    expect(r.status).toBe('assigned');
    expect(r.resolution_due_at.getTime()).toBeGreaterThan(r.response_due_at.getTime());
  });

  it('assigns each report of overlapping batches running at once exactly once', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => file(i % 2 ? 'street-light' : 'illegal-construction')));
    const batches = [ids, [...ids].reverse(), ids.slice(2), ids.slice(0, 5), [...ids.slice(4), ...ids.slice(0, 4)]];
    const results = await Promise.all(batches.map((b) => routing.routeMany(b)));
    for (const id of ids) {
      expect(results.filter((r) => r.outcomes.get(id)?.outcome === 'assigned')).toHaveLength(1);
      expect(await events(id, 'assigned')).toBe(1);
    }
    // A batch that found a report assigned by another plans its timers again: same ids, one timer each in Redis.
    expect(new Set(results.flatMap((r) => r.timers.map((t) => t.jobId))).size).toBe(2 * ids.length);
    expect((await db.query(`SELECT count(*)::int AS n FROM sla_clock WHERE report_id = ANY($1)`, [ids]))[0].n).toBe(2 * ids.length);
  });

  it('routes a batch in one go, leaving already-assigned reports alone but planning their timers again', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => file(i % 2 ? 'street-light' : 'illegal-construction')));
    const first = await routing.routeNew(ids[0]);
    const { outcomes, timers } = await routing.routeMany([...ids, ids[3]]);
    expect(outcomes.get(ids[0])).toEqual({ outcome: 'already_assigned' });
    expect(ids.slice(1).every((id) => outcomes.get(id)?.outcome === 'assigned')).toBe(true);
    // The job of a report assigned before (its timers maybe never added: the worker killed, Redis
    // or the database gone right after the commit) plans them again, with the same ids.
    expect(timers).toHaveLength(2 * 12);
    const firstTimers = first.outcome === 'assigned' ? first.timers.map((t) => t.jobId) : [];
    expect(firstTimers).toHaveLength(2);
    expect(timers.map((t) => t.jobId)).toEqual(expect.arrayContaining(firstTimers));
    for (const id of ids) expect(await events(id, 'assigned')).toBe(1);
    expect(await unitCode(ids[1])).toBe('SAPULICO');
    expect(await unitCode(ids[2])).toBe('UBND-26743');
    const clocks = await db.query(`SELECT count(*)::int AS n FROM sla_clock WHERE report_id = ANY($1)`, [ids]);
    expect(clocks[0].n).toBe(24);
  });

  it('records a transfer with who and why, and keeps the SLA clock', async () => {
    const id = await file('illegal-construction');
    await routing.routeNew(id);
    const before = await db.query(`SELECT kind, cycle, transitions, due_at FROM sla_clock WHERE report_id = $1 ORDER BY kind`, [id]);
    const [xd] = await db.query(`SELECT id FROM handling_unit WHERE code = 'SO-XAYDUNG'`);
    await routing.transfer(id, xd.id, 'Công trình do Sở Xây dựng cấp phép', officials['ward.benthanh']);
    expect(await unitCode(id)).toBe('SO-XAYDUNG');
    const [ev] = await db.query(
      `SELECT e.message, e.actor_user_id, f.code AS from_unit, t.code AS to_unit FROM report_event e
       JOIN handling_unit f ON f.id = e.from_unit_id JOIN handling_unit t ON t.id = e.to_unit_id WHERE e.report_id = $1 AND e.type = 'transferred'`,
      [id],
    );
    expect(ev).toEqual({
      message: 'Công trình do Sở Xây dựng cấp phép',
      actor_user_id: officials['ward.benthanh'].userId,
      from_unit: 'UBND-26743',
      to_unit: 'SO-XAYDUNG',
    });
    expect(await db.query(`SELECT kind, cycle, transitions, due_at FROM sla_clock WHERE report_id = $1 ORDER BY kind`, [id])).toEqual(
      before,
    );
  });

  it("refuses to move another unit's ticket (it does not exist for them)", async () => {
    const id = await file('illegal-construction');
    await routing.routeNew(id);
    const [xd] = await db.query(`SELECT id FROM handling_unit WHERE code = 'SO-XAYDUNG'`);
    await expect(routing.transfer(id, xd.id, 'không phải của tôi', officials['ward.saigon'])).rejects.toMatchObject({
      code: 'routing.not_found',
    });
    expect(await unitCode(id)).toBe('UBND-26743');
  });

  it('re-routes when the category is corrected, and says so on the timeline', async () => {
    const id = await file('illegal-construction');
    await routing.routeNew(id);
    const result = await routing.reclassify(
      id,
      { category: 'street-light', reason: 'Người dân chọn nhầm lĩnh vực' },
      officials['ward.benthanh'],
    );
    expect(result.moved).toBe(true);
    expect(await unitCode(id)).toBe('SAPULICO');
    expect(await events(id, 'rerouted')).toBe(1);
  });

  it('follows an admin rule from its validity on, and forgets it once closed', async () => {
    const [cat] = await db.query(`SELECT id FROM category WHERE code = 'noise'`);
    const [police] = await db.query(`SELECT id FROM handling_unit WHERE code = 'CONGAN-TP'`);
    const [{ id: ruleId }] = await db.query(
      `INSERT INTO routing_rule (category_id, admin_unit_code, handling_unit_id, valid_from) VALUES ($1, '26743', $2, now() - interval '1 minute') RETURNING id`,
      [cat.id, police.id],
    );
    const routed = await file('noise');
    await routing.routeNew(routed);
    expect(await unitCode(routed)).toBe('CONGAN-TP');
    await db.query(`UPDATE routing_rule SET valid_to = now() WHERE id = $1`, [ruleId]);
    const after = await file('noise');
    await routing.routeNew(after);
    expect(await unitCode(after)).toBe('UBND-26743');
    // The earlier assignment is history and stays as it was.
    expect(await unitCode(routed)).toBe('CONGAN-TP');
  });
});
