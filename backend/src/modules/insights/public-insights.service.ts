import { Inject, Injectable } from '@nestjs/common';
import { windowDays } from '../maps/aggregates/aggregate-window';
import { PUBLIC_MAX_LEVEL, PUBLIC_MIN_COUNT, PUBLIC_SNAP_M, publicCellMetres, toMercator, WORLD_M } from '../maps/tile-grid';
import { SlaStatsService } from '../sla/sla-stats.service';
import { onTimeRate } from './insights-figures';
import { InsightsFiguresRepository } from './insights-figures.repository';
import { DEFAULT_PERIOD_DAYS } from './insights-period';
import { Clock, CLOCK } from '../../engine/clock/clock';
import { PublicCellInsights, PublicWardsInsights } from './insights.dto';

const DAY_MS = 86_400_000;
const NO_FILTER = { group: null, categories: null, unitId: null };

/**
 * What the transparency map shows besides its tiles, under the tiles' rules: public categories
 * only, the last 30 days, counts only (no code, text or contact ever leaves), and nothing for a
 * cell, or a category within one, of fewer than PUBLIC_MIN_COUNT reports.
 */
@Injectable()
export class PublicInsightsService {
  constructor(
    private readonly figures: InsightsFiguresRepository,
    private readonly slaStats: SlaStatsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The public cell at zoom `z` holding the point (the tile's cell: level min(z, 12)), by category. */
  async cell(q: { lat: number; lng: number; z: number }): Promise<PublicCellInsights> {
    const { from, to } = this.lastDays();
    const cellM = publicCellMetres(q.z);
    const shift = PUBLIC_MAX_LEVEL - Math.min(q.z, PUBLIC_MAX_LEVEL);
    const { x, y } = toMercator(q.lat, q.lng);
    const i = Math.floor(Math.floor((x + WORLD_M / 2) / PUBLIC_SNAP_M) / 2 ** shift);
    const j = Math.floor(Math.floor((y + WORLD_M / 2) / PUBLIC_SNAP_M) / 2 ** shift);
    const counts = await this.figures.publicCellCounts({ from, to, shift, i, j });
    const total = counts.reduce((s, c) => s + c.count, 0);
    if (total < PUBLIC_MIN_COUNT) return { hidden: true };
    // The same rule inside a shown cell: a category is named from 5 reports on; the rest are one
    // unnamed remainder, so no small count is tied to a kind of problem at a place.
    const categories = counts.filter((c) => c.count >= PUBLIC_MIN_COUNT);
    const others = total - categories.reduce((s, c) => s + c.count, 0);
    return { hidden: false, from: from.toISOString(), to: to.toISOString(), cellM, total, categories, others };
  }

  /** Received, resolved and the on-time rate per ward, public categories only. */
  async wards(): Promise<PublicWardsInsights> {
    const { from, to } = this.lastDays();
    const [rows, stats] = await Promise.all([
      this.figures.wardCounts({ from, to, now: to, filter: NO_FILTER, publicOnly: true }),
      this.slaStats.onTime('ward', from, to, { publicOnly: true }),
    ]);
    const byWard = new Map<string, { resolved: number; onTime: number }>();
    for (const s of stats) {
      const sum = byWard.get(s.key) ?? { resolved: 0, onTime: 0 };
      byWard.set(s.key, { resolved: sum.resolved + s.resolved, onTime: sum.onTime + s.onTime });
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      wards: rows.map((w) => {
        const s = byWard.get(w.code) ?? { resolved: 0, onTime: 0 };
        return { code: w.code, name: w.name, received: w.received, resolved: s.resolved, onTimeRate: onTimeRate(s.onTime, s.resolved) };
      }),
    };
  }

  /** The public tiles' window: the whole local days touched by the last 30 days, today included. */
  private lastDays(): { from: Date; to: Date } {
    const now = this.clock.now();
    const days = windowDays(new Date(now.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS), now);
    return { from: new Date(`${days.first}T00:00:00+07:00`), to: new Date(Date.parse(`${days.last}T00:00:00+07:00`) + DAY_MS) };
  }
}
