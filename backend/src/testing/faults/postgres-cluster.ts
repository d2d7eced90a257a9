import { ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client, Pool } from 'pg';
import { runSeed } from '../../../../seed/src/run-seed';
import { createDataSource } from '../../engine/database/data-source';
import { runMigrations } from '../../engine/database/migrator';
import { testConfig } from '../test-env';
import { freePort, waitPort } from '../ports';

/** Debian's PostgreSQL 15 (with postgresql-15-postgis-3, which `scripts/prepare.mjs` installs). */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const REPLICA_SCRIPT = resolve(__dirname, '..', '..', '..', '..', 'scripts', 'replica.mjs');
const run = promisify(execFile);

/** How a running server is stopped (pg_ctl's modes): fast = SIGINT, immediate = SIGQUIT (a crash, WAL replay at start). */
export type StopMode = 'fast' | 'immediate';
const SIGNAL: Record<StopMode, NodeJS.Signals> = { fast: 'SIGINT', immediate: 'SIGQUIT' };

/**
 * A private PostgreSQL cluster in a temp dir, on a free port, for tests that stop and restart
 * the database (never the shared server): migrated, with the demo seed and no reports (or bare,
 * just initdb, for a test that makes its own databases). On demand, a streaming replica of it
 * made by scripts/replica.mjs. PostgreSQL refuses to run as root; as root the server runs as the
 * `postgres` user.
 */
export class TestPostgresCluster {
  private process: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'hcmc1022-pg-'));
  private readonly data = join(this.dir, 'data');
  /** Every exit of the server so far, for the figures (code or signal). */
  readonly exits: string[] = [];
  private replicaPort: number | null = null;

  private constructor(readonly port: number) {}

  /**
   * A copy of a template cluster (initdb, migrations, seed), built once per set of migrations
   * and seed files and kept in the temp dir: a copy takes a second, building one half a minute.
   * `bare`: initdb only, no template (no hcmc1022_fault database).
   */
  static async start(options: { settings?: Record<string, string>; bare?: boolean } = {}): Promise<TestPostgresCluster> {
    if (!existsSync(join(PG_BIN, 'initdb')))
      throw new Error(`PostgreSQL 15 is missing (${PG_BIN}): apt-get install postgresql-15 postgresql-15-postgis-3`);
    const template = options.bare ? null : await ensureTemplate();
    const cluster = new TestPostgresCluster(await freePort());
    try {
      if (template) {
        if (isRoot()) chownSync(cluster.dir, postgresUser().uid, postgresUser().gid);
        const copy = spawnSync('cp', ['-a', join(template, 'data'), cluster.data], { encoding: 'utf8' });
        if (copy.status !== 0) throw new Error(`copying the template cluster failed: ${copy.stderr}`);
      } else {
        cluster.initdb();
      }
      // A replica made by scripts/replica.mjs reads postgresql.conf only (max_connections 100), and a
      // hot standby refuses to start with fewer connections than its primary: a bare cluster keeps 100.
      await cluster.run({ ...(template ? {} : { max_connections: '100' }), ...options.settings });
      return cluster;
    } catch (err) {
      await cluster.destroy();
      throw err;
    }
  }

  /** Builds a cluster from nothing (the template), stopped. */
  static async build(): Promise<TestPostgresCluster> {
    const cluster = new TestPostgresCluster(await freePort());
    try {
      cluster.initdb();
      await cluster.run({});
      await cluster.createDatabase();
      await cluster.stop('fast');
      return cluster;
    } catch (err) {
      await cluster.destroy();
      throw err;
    }
  }

  get directory(): string {
    return this.dir;
  }

  get url(): string {
    return this.databaseUrl('hcmc1022_fault');
  }

  databaseUrl(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  replicaUrl(database = 'postgres'): string {
    if (this.replicaPort === null) throw new Error('TestPostgresCluster: no replica yet (startReplica)');
    return `postgres://postgres@127.0.0.1:${this.replicaPort}/${database}`;
  }

  /** Runs the project's replica script against this primary; returns what it printed. */
  async startReplica(): Promise<string> {
    const port = this.replicaPort ?? (await freePort());
    const args = ['--primary', this.databaseUrl(), '--dir', join(this.dir, 'replica'), '--port', String(port), '--bin', PG_BIN];
    const { stdout } = await run(process.execPath, [REPLICA_SCRIPT, ...args]);
    this.replicaPort = port;
    if (!this.replicaExitHandler) {
      // A suite that dies must not leave the replica behind (an exit handler runs synchronous code only).
      this.replicaExitHandler = true;
      process.once('exit', () => this.killReplicaSync());
    }
    return stdout;
  }

  /** Stops the replica (fast shutdown, pg_ctl); startReplica brings it back from where it stopped. */
  async stopReplica(mode: StopMode = 'fast'): Promise<void> {
    const args = ['-D', join(this.dir, 'replica'), '-m', mode, '-w', 'stop'];
    if (isRoot()) await run('runuser', ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), ...args]);
    else await run(join(PG_BIN, 'pg_ctl'), args);
  }

  get running(): boolean {
    return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Stops the server the way pg_ctl's mode does; resolves once the port is closed. */
  async stop(mode: StopMode = 'fast'): Promise<void> {
    const p = this.process;
    this.process = null;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(SIGNAL[mode]);
    await exited;
    await waitPort(this.port, false);
  }

  /** Starts the stopped server again (crash recovery after an immediate stop); resolves once it accepts queries. */
  async start(): Promise<void> {
    if (this.running) return;
    await this.run(this.settings);
  }

  async restart(mode: StopMode): Promise<void> {
    await this.stop(mode);
    await this.start();
  }

  /** One statement on a short-lived connection (a test's own look at the data). */
  async query<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url, application_name: 'hcmc1022-fault-check' });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** Stops the server and removes its files. */
  async destroy(): Promise<void> {
    if (this.replicaPort !== null) await this.stopReplica('immediate').catch(() => undefined);
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private settings: Record<string, string> = {};
  private replicaExitHandler = false;

  private killReplicaSync(): void {
    try {
      const pid = Number(readFileSync(join(this.dir, 'replica', 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    } catch {
      // not running
    }
  }

  private initdb(): void {
    if (isRoot()) chownSync(this.dir, postgresUser().uid, postgresUser().gid);
    const r = spawnSync(
      join(PG_BIN, 'initdb'),
      ['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'],
      {
        encoding: 'utf8',
        ...asPostgres(),
      },
    );
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout || r.error?.message}`);
  }

  private async run(settings: Record<string, string>): Promise<void> {
    this.settings = settings;
    // Durability is the operating system's here (fsync off): a test stops the server, never the machine.
    const base: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: this.dir,
      fsync: 'off',
      full_page_writes: 'off',
      max_connections: '200',
      shared_buffers: '64MB',
      log_min_messages: 'fatal',
    };
    const args = ['-D', this.data, '-p', String(this.port)];
    for (const [k, v] of Object.entries({ ...base, ...settings })) args.push('-c', `${k}=${v}`);
    const child = spawn(join(PG_BIN, 'postgres'), args, { stdio: 'ignore', ...asPostgres() });
    this.process = child;
    child.once('exit', (code, signal) => this.exits.push(signal ?? String(code)));
    // A suite that dies (or a forced jest exit) must not leave servers behind.
    process.once('exit', () => child.kill('SIGQUIT'));
    await waitPort(this.port, true);
    // The port opens before recovery ends: wait until a query succeeds.
    for (let i = 0; ; i++) {
      try {
        await this.queryAdmin('SELECT 1');
        return;
      } catch (err) {
        if (i >= 400 || child.exitCode !== null)
          throw new Error(`PostgreSQL on ${this.port} did not start: ${(err as Error).message}`, { cause: err });
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  private async queryAdmin(sql: string): Promise<void> {
    const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${this.port}/postgres` });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async createDatabase(): Promise<void> {
    await this.queryAdmin('CREATE DATABASE hcmc1022_fault');
    const dataSource = createDataSource(testConfig({ DATABASE_URL: this.url, DATABASE_POOL_SIZE: '2' }));
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    const pool = new Pool({ connectionString: this.url, max: 2 });
    try {
      await runSeed(pool, { demo: true, reports: 0, log: () => undefined });
    } finally {
      await pool.end();
    }
  }
}

/**
 * The template's directory: named by a hash of the migrations and the seed, so a changed
 * migration or seed builds a new one. Built under another name and renamed when complete, so
 * a crash never leaves half a template and two runs building at once both end with one.
 */
async function ensureTemplate(): Promise<string> {
  const hash = createHash('sha256');
  const root = join(__dirname, '..', '..', '..', '..');
  for (const folder of [join(root, 'migrations'), join(root, 'seed', 'src')]) {
    for (const file of readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort()) {
      hash.update(`\n${file.slice(root.length)}\n`).update(readFileSync(file));
    }
  }
  const dir = join(tmpdir(), `hcmc1022-pg-template-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, 'data', 'PG_VERSION'))) return dir;
  const built = await TestPostgresCluster.build();
  try {
    renameSync(built.directory, dir);
  } catch {
    // Another run finished first: theirs is as good.
    await built.destroy();
  }
  return dir;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

let pgUser: { uid: number; gid: number } | null = null;
function postgresUser(): { uid: number; gid: number } {
  if (pgUser) return pgUser;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  pgUser = { uid: id('-u'), gid: id('-g') };
  if (!Number.isInteger(pgUser.uid) || pgUser.uid === 0) throw new Error('running as root needs a postgres user to run PostgreSQL as');
  return pgUser;
}

function asPostgres(): { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } {
  return isRoot() ? { ...postgresUser(), env: { PATH: process.env.PATH, LANG: 'C' } } : {};
}
