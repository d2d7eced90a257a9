import { Inject, Injectable } from '@nestjs/common';
import type { FieldIssue } from '../../../engine/errors/domain.exception';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { BusinessCalendar, HCMC_TIME_ZONE, MinuteRange, WeeklyHours, weeklyHoursProblems } from './business-calendar';
import { Clock, CLOCK } from '../../../engine/clock/clock';
import { CalendarDayView, CalendarView, HoursRangeView, PutDayRequest, PutHoursRequest } from './calendar.dto';
import { CalendarException } from './calendar.exception';
import { CalendarRepository, DayRow, HoursRow } from './calendar.repository';
import { formatMinute, IsoWeekday, parseMinute, TimeZone } from './zoned-time';

// Calendar edits are rare (a few a year); a minute's staleness on other replicas is harmless next
// to SLA targets of hours and days, and edits in this process take effect at once.
export const CALENDAR_TTL_MS = 60_000;

@Injectable()
export class CalendarService {
  private cached: { calendar: Promise<BusinessCalendar>; loadedAt: number } | null = null;

  constructor(
    private readonly repo: CalendarRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The business calendar in force (cached for a minute; one load at a time). */
  current(): Promise<BusinessCalendar> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.loadedAt < CALENDAR_TTL_MS && now >= this.cached.loadedAt) return this.cached.calendar;
    const calendar = this.repo.load();
    const entry = { calendar, loadedAt: now };
    this.cached = entry;
    // A failed load must not be served for a minute.
    calendar.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return calendar;
  }

  /** Drops the cached calendar; the next current() reloads it. */
  invalidate(): void {
    this.cached = null;
  }

  async view(year?: number): Promise<CalendarView> {
    const y = year ?? Number(TimeZone.of(HCMC_TIME_ZONE).isoDateAt(this.clock.now().getTime()).slice(0, 4));
    const [hours, days] = await Promise.all([this.repo.hours(), this.repo.days(`${y}-01-01`, `${y}-12-31`)]);
    return { year: y, timeZone: HCMC_TIME_ZONE, hours: hours.map(hoursView), days: days.map(dayView) };
  }

  async putDay(date: string, body: PutDayRequest, principal: Principal): Promise<CalendarDayView> {
    const row = await this.repo.putDay(date, { kind: body.kind, name: body.name }, this.change(principal));
    this.invalidate();
    await this.audit.record('calendar_changed', principal, `calendar_day:${date}`, { after: { kind: body.kind, name: body.name } });
    return dayView(row);
  }

  async deleteDay(date: string, principal: Principal): Promise<void> {
    const removed = await this.repo.deleteDay(date, this.change(principal));
    if (!removed) throw CalendarException.dayNotFound(date);
    this.invalidate();
    await this.audit.record('calendar_changed', principal, `calendar_day:${date}`, { after: null });
  }

  async putHours(body: PutHoursRequest, principal: Principal): Promise<HoursRangeView[]> {
    const ranges = body.ranges.map((r) => ({
      weekday: r.weekday,
      startMinute: parseMinute(r.start) as number,
      endMinute: parseMinute(r.end) as number,
    }));
    const issues = hoursIssues(ranges);
    if (issues.length > 0) throw CalendarException.invalidHours(issues);
    const rows = await this.repo.replaceHours(ranges, this.change(principal));
    this.invalidate();
    await this.audit.record('calendar_changed', principal, 'calendar_hours', { after: body.ranges });
    return rows.map(hoursView);
  }

  private change(principal: Principal): { by: string; at: Date } {
    return { by: principal.userId, at: this.clock.now() };
  }
}

/** The pure rule's problems, named by the request field they come from (ranges.3). */
function hoursIssues(ranges: readonly { weekday: number; startMinute: number; endMinute: number }[]): FieldIssue[] {
  const weekly: Partial<Record<IsoWeekday, MinuteRange[]>> = {};
  const origin: Partial<Record<IsoWeekday, number[]>> = {};
  ranges.forEach((r, i) => {
    const d = r.weekday as IsoWeekday;
    (weekly[d] ??= []).push([r.startMinute, r.endMinute]);
    (origin[d] ??= []).push(i);
  });
  return weeklyHoursProblems(weekly as WeeklyHours).map((p) => ({
    field: p.weekday === null || p.index === null ? 'ranges' : `ranges.${origin[p.weekday]![p.index]}`,
    rule: p.rule,
    message: p.message,
    messageVi: VI[p.rule],
  }));
}

const VI: Record<string, string> = {
  not_integer: 'Phút phải là số nguyên',
  out_of_day: 'Khoảng giờ phải nằm trong ngày (00:00–24:00)',
  empty_range: 'Giờ kết thúc phải sau giờ bắt đầu',
  overlap: 'Khoảng giờ chồng lấn với khoảng khác cùng ngày',
  no_working_time: 'Cần ít nhất một khoảng giờ làm việc',
};

function hoursView(r: HoursRow): HoursRangeView {
  return {
    weekday: r.weekday,
    start: formatMinute(r.startMinute),
    end: formatMinute(r.endMinute),
    startMinute: r.startMinute,
    endMinute: r.endMinute,
    updatedAt: new Date(r.updatedAt).toISOString(),
    updatedBy: r.updatedBy,
  };
}

function dayView(r: DayRow): CalendarDayView {
  return {
    date: r.date,
    kind: r.kind,
    name: r.name,
    source: r.source,
    updatedAt: new Date(r.updatedAt).toISOString(),
    updatedBy: r.updatedBy,
  };
}
