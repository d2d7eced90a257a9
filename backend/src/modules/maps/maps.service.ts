import { Inject, Injectable } from '@nestjs/common';
import { ReadReplica } from '../../engine/database/read-replica';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { isTile } from '../geo/geo.service';
import { localDay, RAW_WINDOW_MS, splitWindow, windowDays } from './aggregates/aggregate-window';
import { Clock, CLOCK } from '../../engine/clock/clock';
import { MapsException } from './maps.exception';
import { MapsRepository, ReportFilters, TileAddress } from './maps.repository';
import { HEX_RESOLUTION_AT, MAX_GRID_ZOOM } from './tile-grid';
import { throughCache, TileGenerations } from './tile-generations';

const DAY_MS = 86_400_000;
const DEFAULT_PERIOD_DAYS = 30;
const MAX_PERIOD_DAYS = 366;

export interface ReportTileFilters {
  /** Comma-separated category codes. */
  category?: string;
  group?: string;
  unit?: string;
  /** Comma-separated statuses. */
  status?: string;
  sla?: 'warning' | 'overdue';
  from?: string;
  to?: string;
}

@Injectable()
export class MapsService {
  constructor(
    private readonly maps: MapsRepository,
    private readonly generations: TileGenerations,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly replica?: ReadReplica,
  ) {}

  // With a replica, a tile made before it replayed the last aggregator pass must not be cached.
  private readonly replayed = (walBytes: number): Promise<boolean> =>
    this.replica?.used ? this.replica.hasReplayed(walBytes) : Promise.resolve(true);

  /**
   * Heat cells up to z11, H3 hexagons at z12–13, one point per report from z14 (heat fading into
   * hexbins, then points). Windows over three days read the aggregates in whole local days; shorter
   * ones count the reports to the minute.
   */
  reportTile(z: number, x: number, y: number, q: ReportTileFilters): Promise<Buffer> {
    if (!isTile(z, x, y)) throw MapsException.invalidTile(z, x, y);
    const t = { z, x, y };
    const now = this.clock.now();
    const { from, to } = this.period(now, q.from, q.to);
    const f: ReportFilters = {
      categories: list(q.category),
      group: q.group ?? null,
      unit: q.unit ?? null,
      statuses: list(q.status),
      sla: q.sla === 'overdue' ? 2 : q.sla === 'warning' ? 1 : null,
    };
    const raw = to.getTime() - from.getTime() <= RAW_WINDOW_MS || z > MAX_GRID_ZOOM + 2;
    const days = windowDays(from, to);
    // Aggregate tiles depend on the days only; the others on the minute.
    const window = raw ? `${minute(from)}-${minute(to)}` : `${days.first}-${days.last}-${localDay(now)}`;
    const key = `r:${z}/${x}/${y}:${digest({ ...f, window })}`;
    return throughCache(
      this.generations,
      t,
      key,
      this.config.maps.tileCacheSeconds,
      () => this.compute(t, f, { from, to }, raw, days, now),
      this.replayed,
    );
  }

  private compute(
    t: TileAddress,
    f: ReportFilters,
    w: { from: Date; to: Date },
    raw: boolean,
    days: { first: string; last: string },
    now: Date,
  ): Promise<Buffer> {
    if (t.z <= MAX_GRID_ZOOM) {
      return raw
        ? this.maps.heatFromReports(t, w, f)
        : this.maps.heatFromAggregates(t, splitWindow(days.first, days.last, localDay(now)), f);
    }
    const res = HEX_RESOLUTION_AT[t.z];
    if (res)
      return raw
        ? this.maps.hexFromReports(t, res, w, f)
        : this.maps.hexFromAggregates(t, res, splitWindow(days.first, days.last, localDay(now)), f);
    return this.maps.points(t, w, f);
  }

  /** The transparency map: the last 30 local days, heat only at every zoom. */
  publicTile(z: number, x: number, y: number): Promise<Buffer> {
    if (!isTile(z, x, y)) throw MapsException.invalidTile(z, x, y);
    const now = this.clock.now();
    const { from, to } = this.period(now);
    const days = windowDays(from, to);
    return throughCache(
      this.generations,
      { z, x, y },
      `p:${z}/${x}/${y}:${days.first}-${days.last}`,
      this.config.maps.tileCacheSeconds,
      () => this.maps.publicHeat({ z, x, y }, days),
      this.replayed,
    );
  }

  private period(now: Date, fromIso?: string, toIso?: string): { from: Date; to: Date } {
    const to = toIso ? new Date(toIso) : now;
    const from = fromIso ? new Date(fromIso) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw MapsException.badPeriod(from, to);
    return { from, to };
  }
}

const list = (csv: string | undefined): string[] | null => (csv ? [...new Set(csv.split(','))].sort() : null);
const minute = (d: Date) => Math.floor(d.getTime() / 60_000);
const digest = (v: unknown) => createHash('sha1').update(JSON.stringify(v)).digest('base64url').slice(0, 16);
