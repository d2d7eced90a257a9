import { Inject, Injectable } from '@nestjs/common';
import type { OnTimeRow } from '../sla/sla-admin.dto';
import type { OnTimeFilter } from '../sla/sla-stats.repository';
import { SlaStatsService } from '../sla/sla-stats.service';
import { cellCentre, CELL_M } from './grid';
import { median, onTimeRate, per10k, rankUnits } from './insights-figures';
import { InsightsFiguresRepository, RecurrenceRow, ReportFilter } from './insights-figures.repository';
import { ChangePeriod, changeWindows, filterPeriod } from './insights-period';
import { Clock, CLOCK } from '../../engine/clock/clock';
import {
  ChangeCells,
  InsightsFilterQuery,
  RECURRING_RADIUS_M,
  RecurringLocations,
  UnitRankings,
  WardInsights,
  WardsInsights,
} from './insights.dto';
import { InsightsException } from './insights.exception';
import { chainRecurrences, ChainReport } from './recurring-chains';

const MAX_RECURRING_LOCATIONS = 200;

export const toReportFilter = (q: Pick<InsightsFilterQuery, 'group' | 'category' | 'unit'>): ReportFilter => ({
  group: q.group ?? null,
  categories: q.category ? [...new Set(q.category.split(','))] : null,
  unitId: q.unit ?? null,
});

const toOnTimeFilter = (f: ReportFilter): OnTimeFilter => ({
  group: f.group ?? undefined,
  categoryCodes: f.categories ?? undefined,
  unitId: f.unitId ?? undefined,
});

/** Resolution figures of one group; rows of the same key (a ward renamed between boundary versions) are summed. */
function resolution(rows: readonly OnTimeRow[], key: string) {
  const mine = rows.filter((r) => r.key === key);
  const resolved = mine.reduce((s, r) => s + r.resolved, 0);
  const resolvedOnTime = mine.reduce((s, r) => s + r.onTime, 0);
  const rated = mine.reduce((s, r) => s + r.rated, 0);
  const ratingSum = mine.reduce((s, r) => s + (r.satisfaction ?? 0) * r.rated, 0);
  return {
    resolved,
    resolvedOnTime,
    onTimeRate: onTimeRate(resolvedOnTime, resolved),
    satisfaction: { average: rated > 0 ? Math.round((ratingSum / rated) * 100) / 100 : null, count: rated },
  };
}

/** The leaders' figures per ward and per unit, recurring places and period-on-period change. */
@Injectable()
export class InsightsFiguresService {
  constructor(
    private readonly figures: InsightsFiguresRepository,
    private readonly slaStats: SlaStatsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async wards(q: InsightsFilterQuery): Promise<WardsInsights> {
    const { now, from, to, filter } = this.scope(q);
    const [rows, stats] = await Promise.all([
      this.figures.wardCounts({ from, to, now, filter }),
      this.slaStats.onTime('ward', from, to, toOnTimeFilter(filter)),
    ]);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      wards: rows.map((w) => {
        const r = resolution(stats, w.code);
        return {
          ...w,
          resolved: r.resolved,
          resolvedOnTime: r.resolvedOnTime,
          onTimeRate: r.onTimeRate,
          per10k: per10k(w.received, w.population),
        };
      }),
    };
  }

  async ward(code: string, q: InsightsFilterQuery): Promise<WardInsights> {
    const { now, from, to, filter } = this.scope(q);
    const [rows, stats, backlogByCategory, hours] = await Promise.all([
      this.figures.wardCounts({ from, to, now, filter, wardCode: code }),
      this.slaStats.onTime('ward', from, to, { ...toOnTimeFilter(filter), wardCode: code }),
      this.figures.backlogByCategory(code, filter),
      this.figures.resolveHours(code, from, to, filter),
    ]);
    const w = rows[0];
    if (!w) throw InsightsException.unknownWard(code);
    const medianHours = median(hours);
    return {
      ...w,
      from: from.toISOString(),
      to: to.toISOString(),
      ...resolution(stats, code),
      medianResolveHours: medianHours === null ? null : Math.round(medianHours * 10) / 10,
      backlogByCategory,
    };
  }

  async rankings(q: InsightsFilterQuery & { kind?: string }): Promise<UnitRankings> {
    const { from, to, filter } = this.scope(q);
    const [units, stats] = await Promise.all([
      this.figures.unitCounts({ from, to, kind: q.kind ?? null, filter }),
      this.slaStats.onTime('unit', from, to, toOnTimeFilter(filter)),
    ]);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      units: rankUnits(units.map((u) => ({ ...u, ...resolution(stats, u.code) }))),
    };
  }

  async recurring(q: InsightsFilterQuery & { days: number }): Promise<RecurringLocations> {
    const { from, to, filter } = this.scope(q);
    const rows = await this.figures.recurrences({ from, to, days: q.days, radiusM: RECURRING_RADIUS_M, filter });
    const report = (r: RecurrenceRow, side: 'earlier' | 'later'): ChainReport => ({
      id: r[`${side}Id`],
      code: r[`${side}Code`],
      lat: r[`${side}Lat`],
      lng: r[`${side}Lng`],
      category: r.category,
      categoryName: r.categoryName,
      wardCode: r[`${side}Ward`],
      createdAt: r[`${side}CreatedAt`],
      closedAt: r[`${side}ClosedAt`],
    });
    const recurrences = rows.map((r) => ({ earlier: { ...report(r, 'earlier'), closedAt: r.earlierClosedAt }, later: report(r, 'later') }));
    return {
      days: q.days,
      radiusM: RECURRING_RADIUS_M,
      from: from.toISOString(),
      to: to.toISOString(),
      locations: chainRecurrences(recurrences, MAX_RECURRING_LOCATIONS),
    };
  }

  async change(q: Pick<InsightsFilterQuery, 'group' | 'category' | 'unit'> & { period: ChangePeriod; at?: string }): Promise<ChangeCells> {
    const w = changeWindows(q.period, q.at ? new Date(q.at) : this.clock.now());
    const rows = await this.figures.changeCells({
      previousFrom: w.previous.from,
      from: w.current.from,
      to: w.current.to,
      filter: toReportFilter(q),
    });
    const iso = (p: { from: Date; to: Date }) => ({ from: p.from.toISOString(), to: p.to.toISOString() });
    return {
      period: q.period,
      current: iso(w.current),
      previous: iso(w.previous),
      cellM: CELL_M,
      cells: rows
        .map((r) => {
          const { lat, lng } = cellCentre(r.i, r.j);
          return { lat, lng, current: r.current, previous: r.previous, delta: r.current - r.previous };
        })
        // Largest change either way first; the order of equal cells is fixed so answers are stable.
        .sort(
          (a, b) => Math.abs(b.delta) - Math.abs(a.delta) || b.delta - a.delta || b.current - a.current || b.lat - a.lat || a.lng - b.lng,
        ),
    };
  }

  private scope(q: InsightsFilterQuery): { now: Date; from: Date; to: Date; filter: ReportFilter } {
    const now = this.clock.now();
    const period = filterPeriod(now, q.from, q.to);
    if (!period) throw InsightsException.badPeriod();
    return { now, ...period, filter: toReportFilter(q) };
  }
}
