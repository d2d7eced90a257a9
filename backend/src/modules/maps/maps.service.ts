import { Inject, Injectable } from '@nestjs/common';
import { isTile } from '../geo/geo.service';
import { MAPS_CLOCK, MapsClock } from './maps.clock';
import { MapsException } from './maps.exception';
import { MapsRepository } from './maps.repository';
import { heatCellMetres, MAX_HEAT_ZOOM, publicCellMetres } from './tile-grid';

const DAY_MS = 86_400_000;
const DEFAULT_PERIOD_DAYS = 30;
const MAX_PERIOD_DAYS = 366;

export interface ReportTileFilters {
  /** Comma-separated category codes. */
  category?: string;
  group?: string;
  /** Comma-separated statuses. */
  status?: string;
  from?: string;
  to?: string;
}

@Injectable()
export class MapsService {
  constructor(
    private readonly maps: MapsRepository,
    @Inject(MAPS_CLOCK) private readonly clock: MapsClock,
  ) {}

  /** Heat up to z13, one point per report from z14 (deck.gl/maplibre pattern: heat fading into points). */
  reportTile(z: number, x: number, y: number, f: ReportTileFilters): Promise<Buffer> {
    if (!isTile(z, x, y)) throw MapsException.invalidTile(z, x, y);
    const now = this.clock.now();
    const { from, to } = this.period(now, f.from, f.to);
    return this.maps.reportTile(
      { z, x, y, from, to, now, categories: list(f.category), group: f.group ?? null, statuses: list(f.status) },
      { heat: z <= MAX_HEAT_ZOOM, points: z > MAX_HEAT_ZOOM, cellM: heatCellMetres(z) },
    );
  }

  /** The transparency map: the last 30 days, heat only at every zoom. */
  publicTile(z: number, x: number, y: number): Promise<Buffer> {
    if (!isTile(z, x, y)) throw MapsException.invalidTile(z, x, y);
    const { from, to } = this.period(this.clock.now());
    return this.maps.publicTile({ z, x, y, from, to, cellM: publicCellMetres(z) });
  }

  private period(now: Date, fromIso?: string, toIso?: string): { from: Date; to: Date } {
    const to = toIso ? new Date(toIso) : now;
    const from = fromIso ? new Date(fromIso) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw MapsException.badPeriod(from, to);
    return { from, to };
  }
}

const list = (csv: string | undefined): string[] | null => (csv ? [...new Set(csv.split(','))] : null);
