import { QUEUE_REPORTER_LINKS, ReporterSecret1764633600000 } from '../../../../migrations/1764633600000-reporter-secret';
import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';

/**
 * The upgrade on a database that already holds reports: earlier reporters with a contact are sent
 * a link (once, however often it runs), and earlier ratings take their cycle's one place.
 */
describe('migration 1764633600000-reporter-secret on existing reports (real PostgreSQL)', () => {
  let db: ScratchDatabase;
  const migration = new ReporterSecret1764633600000();

  beforeAll(async () => {
    db = await createScratchDatabase({ migrate: true });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('queues one link per contact of the reports still open or resolved, and carries the first rating of each cycle over', async () => {
    const q = db.dataSource;
    const runner = q.createQueryRunner();
    try {
      await migration.down(runner);
      await q.query(
        `INSERT INTO admin_unit (code, name, short_name, kind, province_code, valid_from, source) VALUES ('00001','Phường Thử','Thử','phuong','79','2025-07-01','test')`,
      );
      await q.query(
        `INSERT INTO category (code, name_vi, name_en, group_code, group_vi, group_en, handling_level) VALUES ('t','T','T','g','G','G','ward')`,
      );
      const report = async (code: string, status: string, email: string | null, phone: string | null): Promise<string> => {
        const [{ id }] = await q.query(
          `INSERT INTO report (code, channel, category_id, description, point, point_3857, admin_unit_id, ward_code, status, reporter_email, reporter_phone)
           SELECT $1, 'web', c.id, 'x', ST_SetSRID(ST_MakePoint(106.7, 10.77), 4326), ST_SetSRID(ST_MakePoint(0, 0), 3857), a.id, a.code, $2::report_status, $3, $4
             FROM category c, admin_unit a RETURNING id`,
          [code, status, email, phone],
        );
        return id;
      };
      const resolved = await report('HCM-M-1', 'resolved', 'a@example.com', '0901234567');
      await report('HCM-M-2', 'closed', 'b@example.com', null);
      await report('HCM-M-3', 'in_progress', null, null);
      const waiting = await report('HCM-M-4', 'waiting_citizen', null, '0907654321');
      const rated = await report('HCM-M-5', 'closed', null, null);
      const event = async (type: string, data: object = {}): Promise<string> =>
        (await q.query(`INSERT INTO report_event (report_id, type, data) VALUES ($1, $2, $3) RETURNING id`, [rated, type, data]))[0].id;
      const first = await event('rated', { rating: 2 });
      await event('reopened');
      const second = await event('closed', { rating: 5 });
      await event('rated', { rating: 1 });

      await migration.up(runner);

      const links = await q.query(
        `SELECT report_id AS "reportId", channel, recipient, payload FROM notification WHERE template = 'citizen.reporter_link' ORDER BY report_id, channel`,
      );
      expect(links).toEqual(
        [
          { reportId: resolved, channel: 'email', recipient: 'a@example.com', payload: { code: 'HCM-M-1' } },
          { reportId: resolved, channel: 'sms', recipient: '0901234567', payload: { code: 'HCM-M-1' } },
          { reportId: waiting, channel: 'sms', recipient: '0907654321', payload: { code: 'HCM-M-4' } },
        ].sort((a, b) => (a.reportId + a.channel).localeCompare(b.reportId + b.channel)),
      );
      await q.query(QUEUE_REPORTER_LINKS);
      expect((await q.query(`SELECT count(*)::int AS n FROM notification WHERE template = 'citizen.reporter_link'`))[0].n).toBe(3);

      const ratings = await q.query(`SELECT cycle, event_id::text AS "eventId" FROM report_rating WHERE report_id = $1 ORDER BY cycle`, [
        rated,
      ]);
      expect(ratings).toEqual([
        { cycle: 1, eventId: String(first) },
        { cycle: 2, eventId: String(second) },
      ]);
    } finally {
      await runner.release();
    }
  });
});
