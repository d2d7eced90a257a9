import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * DI token of the data source for reads that tolerate replication lag: the map tiles and the
 * leaders' figures. The replica of DATABASE_READ_URL when set, else the primary itself. Never for
 * a write, nor for a read that must see the request's own write (a report just filed, a claim).
 */
export const READ_DATA_SOURCE = Symbol('READ_DATA_SOURCE');

/** The application name the replica's pool shows in pg_stat_activity. */
export const READ_APPLICATION_NAME = 'hcmc1022-read';

/**
 * A pool on the replica whose every transaction is read-only, so a misplaced write fails at once.
 * A replica that does not answer at boot must not keep the API down: the process then reads the
 * primary until it restarts, and says so in its log.
 */
export async function openReadDataSource(config: AppConfig, primary: DataSource): Promise<DataSource> {
  if (!config.database.readUrl) return primary;
  const replica = new DataSource({
    type: 'postgres',
    url: config.database.readUrl,
    synchronize: false,
    extra: {
      max: config.database.poolSize,
      application_name: READ_APPLICATION_NAME,
      options: '-c default_transaction_read_only=on',
    },
  });
  try {
    return await replica.initialize();
  } catch (err) {
    new Logger('ReadReplica').error(`DATABASE_READ_URL does not answer (${String(err)}): maps and figures read the primary until restart`);
    return primary;
  }
}

export type ReplicaLag =
  | { replica: false }
  | {
      replica: true;
      /** Seconds since the last transaction replayed, 0 when everything received is replayed; null when the server is no standby. */
      seconds: number | null;
      /** WAL bytes the primary has written that the replica has not replayed yet. */
      bytes: number | null;
    };

// The replica is asked for SELECT 1 this often; while it does not answer within the timeout,
// lag-tolerant reads go to the primary (a lost replica costs the requests of one interval at most).
const PROBE_EVERY_MS = 5_000;
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Where lag-tolerant reads go (`source()`): the replica while it answers, else the primary; how
 * far behind the replica is; closing its pool.
 */
@Injectable()
export class ReadReplica implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadReplica.name);
  private away = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @Inject(READ_DATA_SOURCE) private readonly read: DataSource,
  ) {}

  /** Whether a replica is configured (and answered at boot). */
  get used(): boolean {
    return this.read !== this.primary;
  }

  /** The data source for a read that tolerates lag: the replica, or the primary while it is away. */
  source(): DataSource {
    return this.used && !this.away ? this.read : this.primary;
  }

  onApplicationBootstrap(): void {
    if (!this.used) return;
    this.timer = setInterval(() => void this.probe(), PROBE_EVERY_MS);
    this.timer.unref();
  }

  /** Asks the replica for an answer; returns whether it gave one, and routes reads accordingly. */
  async probe(): Promise<boolean> {
    if (!this.used) return false;
    let timeout: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      this.read.query('SELECT 1').then(() => true),
      new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS))),
    ]).catch(() => false);
    clearTimeout(timeout);
    if (answered === this.away)
      this.logger[answered ? 'log' : 'error'](
        answered
          ? 'the read replica answers again: maps and figures read it'
          : 'the read replica does not answer: maps and figures read the primary',
      );
    this.away = !answered;
    return answered;
  }

  /**
   * The lag, or nulls when the replica (or the primary) does not answer: the dashboard then says
   * nothing. While the replica is away the maps read the primary, hence `replica: false`.
   */
  async lag(): Promise<ReplicaLag> {
    if (this.source() === this.primary) return { replica: false };
    return this.measureLag().catch((err: unknown) => {
      this.logger.warn(`replica lag unknown: ${String(err)}`);
      return { replica: true, seconds: null, bytes: null };
    });
  }

  private async measureLag(): Promise<ReplicaLag> {
    // now() - pg_last_xact_replay_timestamp() alone grows while the primary is idle; a replica
    // that replayed all it received is current. The bytes come from the primary's own position
    // against the replica's replay position, which any role may read (pg_stat_replication's LSN
    // columns need pg_monitor) and which keeps growing when the replica lost its connection.
    const [standby] = await this.read.query<{ standby: boolean; seconds: number | null; replayed: string | null }[]>(
      `SELECT pg_is_in_recovery() AS standby,
              CASE WHEN NOT pg_is_in_recovery() THEN NULL
                   WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                   ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS seconds,
              pg_last_wal_replay_lsn()::text AS replayed`,
    );
    if (!standby.standby || standby.replayed === null) return { replica: true, seconds: null, bytes: null };
    const [primary] = await this.primary.query<{ bytes: string }[]>(
      `SELECT greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn), 0)::bigint::text AS bytes`,
      [standby.replayed],
    );
    return { replica: true, seconds: standby.seconds === null ? null : Math.max(0, Number(standby.seconds)), bytes: Number(primary.bytes) };
  }

  /** Whether the read source has replayed the primary's WAL up to `walBytes` (always, when it is the primary). */
  async hasReplayed(walBytes: number): Promise<boolean> {
    if (this.source() === this.primary) return true;
    const [r] = await this.read.query<{ ok: boolean | null }[]>(`SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0') >= $1 AS ok`, [
      walBytes,
    ]);
    return r.ok !== false;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.used && this.read.isInitialized) await this.read.destroy();
  }
}
