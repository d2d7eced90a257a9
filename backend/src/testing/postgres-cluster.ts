import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const REPLICA_SCRIPT = resolve(__dirname, '..', '..', '..', 'scripts', 'replica.mjs');

/** The server binaries refuse root: as root they run as the postgres system user. */
async function asServerUser(bin: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', join(BIN, bin), ...args]);
  else await run(join(BIN, bin), args);
}

async function serverUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/**
 * A private PostgreSQL primary (initdb in a temp dir, its own port, trust on 127.0.0.1 only) and,
 * on demand, a streaming replica of it made by scripts/replica.mjs: for tests that stop servers,
 * measure lag or read from a standby, never touching the shared cluster.
 */
export class PrivateCluster {
  private replicaPort: number | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivateCluster> {
    const dir = await mkdtemp(join(tmpdir(), 'hcmc1022-pg-'));
    const user = await serverUser();
    // The server user must reach the data directories inside.
    if (user) await chown(dir, user.uid, user.gid);
    await chmod(dir, 0o755);
    const cluster = new PrivateCluster(dir, await freePort());
    const data = join(dir, 'primary');
    await asServerUser('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const settings = [
      `-p ${cluster.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories='${dir}'`,
      '-c wal_level=replica',
      '-c max_wal_senders=4',
      '-c max_replication_slots=4',
      '-c fsync=off',
      '-c shared_buffers=32MB',
    ];
    await asServerUser('pg_ctl', ['-D', data, '-l', join(dir, 'primary.log'), '-o', settings.join(' '), '-w', 'start']);
    process.once('exit', () => cluster.killSync());
    return cluster;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  replicaUrl(database = 'postgres'): string {
    if (this.replicaPort === null) throw new Error('PrivateCluster: no replica yet (startReplica)');
    return `postgres://postgres@127.0.0.1:${this.replicaPort}/${database}`;
  }

  /** Runs the project's replica script against this primary; returns what it printed. */
  async startReplica(): Promise<string> {
    const port = this.replicaPort ?? (await freePort());
    const { stdout } = await run(process.execPath, [
      REPLICA_SCRIPT,
      '--primary',
      this.url(),
      '--dir',
      join(this.dir, 'replica'),
      '--port',
      String(port),
      '--bin',
      BIN,
    ]);
    this.replicaPort = port;
    return stdout;
  }

  /** Stops the replica (fast shutdown); startReplica brings it back from where it stopped. */
  async stopReplica(): Promise<void> {
    await asServerUser('pg_ctl', ['-D', join(this.dir, 'replica'), '-m', 'fast', '-w', 'stop']);
  }

  async stop(): Promise<void> {
    for (const data of ['replica', 'primary'])
      await asServerUser('pg_ctl', ['-D', join(this.dir, data), '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  // A suite that dies must not leave servers behind (an exit handler can only run synchronous code).
  private killSync(): void {
    for (const data of ['replica', 'primary']) {
      try {
        const pid = Number(readFileSync(join(this.dir, data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid > 0) process.kill(pid, 'SIGQUIT');
      } catch {
        // not running
      }
    }
  }
}
