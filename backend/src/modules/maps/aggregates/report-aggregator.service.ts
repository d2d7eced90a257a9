import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../../engine/config/app-config';
import { APP_CONFIG } from '../../../engine/config/config.module';
import { TileGenerations } from '../tile-generations';
import { aggregatePending, AggregatePass, rebuildAggregates, Sql } from './report-aggregates';

const BATCH = 2000;
// Between passes when the feed was empty: a new report reaches the heat within about this long
// plus one pass.
const IDLE_MS = 500;

/**
 * Worker-side loop that drains the report change feed into the density aggregates in batches,
 * then bumps the tile generations and tells live maps. One pass is one transaction; with two
 * workers the advisory lock lets one of them run at a time.
 */
@Injectable()
export class ReportAggregatorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportAggregatorService.name);
  private readonly knownCells = new Set<string>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly generations: TileGenerations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.maps.aggregator) return;
    await this.rebuildIfEmpty();
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** One pass: up to `limit` changed reports; null when another pass holds the lock. */
  async pass(limit = BATCH): Promise<AggregatePass | null> {
    const done = await this.db.transaction((tx) => aggregatePending(sqlOf(tx), limit, this.knownCells));
    if (done && done.reports > 0) await this.bump(done.tiles, done.reports);
    return done;
  }

  /** Tells tiles and live maps, with the WAL position a replica must reach to show this pass. */
  private async bump(tiles: { x: number; y: number }[], changed: number): Promise<void> {
    const wal = await this.db
      .query<{ bytes: string }[]>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint::text AS bytes`)
      .then(([r]) => Number(r.bytes))
      .catch(() => null);
    await this.generations.bump(tiles, changed, wal).catch(() => undefined);
  }

  /** Passes until the feed is empty (tests, the rebuild endpoint). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.pass();
      if (done === null) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      total += done.reports;
      if (done.reports === 0) return total;
    }
  }

  /** Recounts everything from the reports (repair); changes committed meanwhile follow through the feed. */
  async rebuild(): Promise<number> {
    const n = await this.db.transaction('REPEATABLE READ', (tx) => rebuildAggregates(sqlOf(tx), this.knownCells));
    await this.bump([], n);
    return n;
  }

  /** A database migrated under existing reports starts with empty aggregates: fill them once. */
  private async rebuildIfEmpty(): Promise<void> {
    const [{ empty }] = await this.db.query(
      `SELECT NOT EXISTS (SELECT 1 FROM report_agg_state) AND EXISTS (SELECT 1 FROM report) AS empty`,
    );
    if (!empty) return;
    const started = performance.now();
    const n = await this.rebuild();
    this.logger.log(`map aggregates rebuilt over ${n} reports in ${Math.round(performance.now() - started)} ms`);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let done: AggregatePass | null = null;
      try {
        done = await this.pass();
      } catch (err) {
        this.logger.warn(`report aggregates: ${(err as Error).message}`);
      }
      if (done && done.reports >= BATCH) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}

const sqlOf =
  (tx: EntityManager): Sql =>
  (text, params) =>
    tx.query(text, params);
