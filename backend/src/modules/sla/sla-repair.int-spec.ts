import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../../engine/config/config.module';
import { DatabaseModule } from '../../engine/database/database.module';
import { QueueModule } from '../../engine/queue/queue.module';
import { RedisModule } from '../../engine/redis/redis.module';
import { IntakeModule } from '../intake/intake.module';
import { IntakeService } from '../intake/intake.service';
import { RoutingModule } from '../routing/routing.module';
import { RoutingService } from '../routing/routing.service';
import { CalendarService } from './calendar/calendar.service';
import { SlaService } from './sla.service';

describe('SLA repair after a calendar change (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  const day = '2031-03-17'; // a Monday far from any seeded holiday

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, IntakeModule, RoutingModule],
    }).compile();
    app = await moduleRef.init();
    db = app.get(getDataSourceToken());
  });
  afterAll(async () => {
    await db.query(`DELETE FROM calendar_day WHERE day = $1`, [day]);
    await app?.close();
  });

  it('moves a running deadline past a newly declared holiday and reschedules its next timer', async () => {
    const { result } = await app
      .get(IntakeService)
      .submit({ categoryCode: 'illegal-construction', lat: 10.7725, lng: 106.6981, description: 'Kiểm thử sửa hạn SLA', channel: 'web' });
    // Filed on the Friday before `day`, 16:00 local: its 8-business-hour response target falls on Monday.
    await app.get(RoutingService).routeNew(result.id, new Date('2031-03-14T09:00:00Z'));
    const before = await db.query(`SELECT kind, due_at FROM sla_clock WHERE report_id = $1 ORDER BY kind`, [result.id]);
    expect(before[0].due_at.toISOString().slice(0, 10)).toBe(day);

    await db.query(
      `INSERT INTO calendar_day (day, kind, name, source) VALUES ($1, 'holiday', 'Ngày nghỉ kiểm thử', 'test') ON CONFLICT (day) DO NOTHING`,
      [day],
    );
    app.get(CalendarService, { strict: false }).invalidate();
    const scheduled: string[] = [];
    const repaired = await app
      .get(SlaService, { strict: false })
      .repair(async (timers) => void scheduled.push(...timers.map((t) => t.jobId)));
    expect(repaired).toBeGreaterThan(0);

    const after = await db.query(
      `SELECT c.kind, c.due_at, r.response_due_at FROM sla_clock c JOIN report r ON r.id = c.report_id WHERE c.report_id = $1 ORDER BY c.kind`,
      [result.id],
    );
    expect(after[0].due_at.getTime() - before[0].due_at.getTime()).toBe(24 * 3600 * 1000);
    expect(after[0].response_due_at.toISOString()).toBe(after[0].due_at.toISOString());
    const [clock] = await db.query(`SELECT id FROM sla_clock WHERE report_id = $1 AND kind = 'response'`, [result.id]);
    expect(scheduled).toContain(`sla:${clock.id}:w50`);
  });
});
