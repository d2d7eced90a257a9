import type { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { DEFAULT_WEEKLY_HOURS } from './business-calendar';
import type { Clock } from '../../../engine/clock/clock';
import { CalendarException } from './calendar.exception';
import { CalendarRepository, toCalendar } from './calendar.repository';
import { CALENDAR_TTL_MS, CalendarService } from './calendar.service';

const admin: Principal = { userId: '00000000-0000-4000-8000-000000000001', username: 'admin', role: 'admin', unitId: null };
const hours = Object.entries(DEFAULT_WEEKLY_HOURS).flatMap(([weekday, ranges]) =>
  (ranges ?? []).map(([startMinute, endMinute]) => ({ weekday: Number(weekday), startMinute, endMinute })),
);

function setup() {
  let now = new Date('2026-03-02T03:00:00Z');
  const clock: Clock = { now: () => now };
  const repo = {
    load: jest.fn(async () => toCalendar(hours, [])),
    putDay: jest.fn(async (date: string) => ({
      date,
      kind: 'holiday',
      name: 'x',
      source: 'admin',
      updatedAt: now,
      updatedBy: admin.userId,
    })),
    deleteDay: jest.fn(async (): Promise<unknown> => null),
    replaceHours: jest.fn(async () => []),
  };
  const audit = { record: jest.fn(async () => undefined) };
  const service = new CalendarService(repo as unknown as CalendarRepository, clock, audit as unknown as AuditService);
  return { service, repo, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('CalendarService', () => {
  it('caches the calendar for a minute and shares one load between concurrent callers', async () => {
    const { service, repo, advance } = setup();
    const [a, b] = await Promise.all([service.current(), service.current()]);
    expect(a).toBe(b);
    advance(CALENDAR_TTL_MS - 1);
    expect(await service.current()).toBe(a);
    expect(repo.load).toHaveBeenCalledTimes(1);
    advance(1);
    expect(await service.current()).not.toBe(a);
    expect(repo.load).toHaveBeenCalledTimes(2);
  });

  it('reloads at once after an edit in this process', async () => {
    const { service, repo } = setup();
    await service.current();
    await service.putDay('2026-03-03', { kind: 'holiday', name: 'x' }, admin);
    await service.current();
    expect(repo.load).toHaveBeenCalledTimes(2);
    expect(repo.putDay).toHaveBeenCalledWith(
      '2026-03-03',
      { kind: 'holiday', name: 'x' },
      { by: admin.userId, at: new Date('2026-03-02T03:00:00Z') },
    );
  });

  it('does not keep a failed load', async () => {
    const { service, repo } = setup();
    repo.load.mockRejectedValueOnce(new Error('db down'));
    await expect(service.current()).rejects.toThrow('db down');
    await expect(service.current()).resolves.toBeDefined();
  });

  it.each([
    [
      'overlapping ranges',
      [
        { weekday: 1, start: '07:30', end: '11:30' },
        { weekday: 1, start: '11:00', end: '17:00' },
      ],
      'ranges.1',
      'overlap',
    ],
    [
      'an empty range',
      [
        { weekday: 2, start: '13:00', end: '13:00' },
        { weekday: 1, start: '07:30', end: '11:30' },
      ],
      'ranges.0',
      'empty_range',
    ],
    ['no working time', [], 'ranges', 'no_working_time'],
  ])('refuses %s, naming the field, and writes nothing', async (_, ranges, field, rule) => {
    const { service, repo } = setup();
    const error = await service.putHours({ ranges }, admin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarException);
    expect((error as CalendarException).details.issues).toEqual([expect.objectContaining({ field, rule })]);
    expect(repo.replaceHours).not.toHaveBeenCalled();
  });

  it('answers not found for deleting a day that has no entry', async () => {
    const { service } = setup();
    await expect(service.deleteDay('2026-03-03', admin)).rejects.toMatchObject({ code: 'calendar.day_not_found', kind: 'not_found' });
  });

  it('shows the current year in Ho Chi Minh City by default (31/12 17:30 UTC is already 1/1 there)', async () => {
    const { service, repo, advance } = setup();
    Object.assign(repo, { hours: jest.fn(async () => []), days: jest.fn(async () => []) });
    advance(new Date('2026-12-31T17:30:00Z').getTime() - new Date('2026-03-02T03:00:00Z').getTime());
    expect((await service.view()).year).toBe(2027);
    expect((await service.view(2025)).year).toBe(2025);
  });
});
