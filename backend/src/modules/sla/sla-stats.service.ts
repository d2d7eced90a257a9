import { Injectable } from '@nestjs/common';
import type { OnTimeRow } from './sla-admin.dto';
import { OnTimeFilter, OnTimeGrouping, SlaStatsRepository } from './sla-stats.repository';

/**
 * The on-time figures for other modules (the leaders' insights, the public figures): one
 * definition of "resolved" and "on time" for every screen. Callers decide who may see them.
 */
@Injectable()
export class SlaStatsService {
  constructor(private readonly stats: SlaStatsRepository) {}

  onTime(groupBy: OnTimeGrouping, from: Date, to: Date, filter: OnTimeFilter = {}): Promise<OnTimeRow[]> {
    return this.stats.onTime(groupBy, from, to, filter);
  }
}
