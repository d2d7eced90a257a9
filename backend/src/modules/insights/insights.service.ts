import { Inject, Injectable } from '@nestjs/common';
import { assertPeriod } from '../../engine/errors/period';
import { getisOrdGiStar } from './getis-ord';
import { cellCentre, squareNeighbours } from './grid';
import { Clock, CLOCK } from '../../engine/clock/clock';
import { InsightsPeriod, periodBounds } from './insights-period';
import type { Hotspot, TopIssues } from './insights.dto';
import { InsightsRepository } from './insights.repository';

/** Two-sided 95 %. */
export const HOTSPOT_Z = 1.96;
const MAX_HOTSPOTS = 200;
const MAX_RANGE_DAYS = 400;

@Injectable()
export class InsightsService {
  constructor(
    private readonly repo: InsightsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async topIssues(q: { period: InsightsPeriod; at?: Date; limit: number }): Promise<TopIssues> {
    const b = periodBounds(q.period, q.at ?? this.clock.now());
    const rows = await this.repo.topIssues({ ...b, limit: q.limit });
    return {
      period: q.period,
      from: b.from.toISOString(),
      to: b.to.toISOString(),
      previousFrom: b.previousFrom.toISOString(),
      items: rows.map((r, k) => ({
        rank: k + 1,
        category: { code: r.categoryCode, nameVi: r.nameVi, nameEn: r.nameEn },
        ward: { code: r.wardCode, name: r.wardName },
        cell: cellCentre(r.i, r.j),
        count: r.count,
        previousCount: r.previousCount,
        growth: {
          delta: r.count - r.previousCount,
          ratio: r.previousCount > 0 ? Math.round((r.count / r.previousCount) * 100) / 100 : null,
        },
        trend: r.trend,
      })),
    };
  }

  /**
   * Gi* over the cells holding reports plus their empty neighbours (the study area: an empty
   * ring keeps zeros in the mean without spanning the whole province). Only cells that hold
   * reports are returned.
   */
  async hotspots(q: { from: Date; to: Date; category?: string }): Promise<Hotspot[]> {
    assertPeriod('insights.bad_period', q.from, q.to, MAX_RANGE_DAYS);
    const rows = await this.repo.cellCounts({ from: q.from, to: q.to, categoryCode: q.category });
    const index = new Map<string, number>();
    const cells: { i: number; j: number; count: number }[] = [];
    const add = (i: number, j: number, count: number) => {
      const key = `${i}:${j}`;
      if (!index.has(key)) {
        index.set(key, cells.length);
        cells.push({ i, j, count });
      }
    };
    for (const r of rows) add(r.i, r.j, r.count);
    for (const r of rows) for (const [i, j] of squareNeighbours(r.i, r.j)) add(i, j, 0);
    const neighbours = cells.map((c) => squareNeighbours(c.i, c.j).flatMap(([i, j]) => index.get(`${i}:${j}`) ?? []));
    const z = getisOrdGiStar(
      cells.map((c) => c.count),
      neighbours,
    );
    return cells
      .map((c, k) => ({ cell: cellCentre(c.i, c.j), count: c.count, z: z[k] }))
      .filter((h): h is Hotspot => h.count > 0 && h.z !== null && h.z >= HOTSPOT_Z)
      .map((h) => ({ ...h, z: Math.round(h.z * 1000) / 1000 }))
      .sort((a, b) => b.z - a.z || b.count - a.count)
      .slice(0, MAX_HOTSPOTS);
  }
}
