import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, waitFor, waitPort } from '../ports';

/** The name the sentinels monitor (REDIS_SENTINEL_NAME of the processes under test). */
export const SENTINEL_NAME = 'hcmc1022';
// Debian's redis-sentinel package (scripts/prepare.mjs ensureRedisSentinel installs it); the
// same server binary started with --sentinel where the package is missing.
const SENTINEL_BINARY = '/usr/bin/redis-sentinel';

interface Node {
  port: number;
  dir: string;
  args: string[];
  process: ChildProcess | null;
}

/**
 * A private Redis Sentinel group in a temp dir, as a city runs it on three machines: a primary,
 * one replica, and three sentinels (quorum 2). A dead primary is declared down after 1 s and the
 * replica promoted; the processes under test find the new primary through the sentinels.
 */
export class TestSentinelGroup {
  private readonly dir = mkdtempSync(join(tmpdir(), 'hcmc1022-sentinel-'));
  private readonly data: Node[] = [];
  private readonly sentinels: Node[] = [];

  private constructor() {}

  static async start(): Promise<TestSentinelGroup> {
    const group = new TestSentinelGroup();
    try {
      await group.startAll();
    } catch (err) {
      await group.stop();
      throw err;
    }
    return group;
  }

  /** `host:port,host:port,host:port` — REDIS_SENTINELS of the processes under test. */
  get sentinelList(): string {
    return this.sentinels.map((s) => `127.0.0.1:${s.port}`).join(',');
  }

  get sentinelAddresses(): Array<{ host: string; port: number }> {
    return this.sentinels.map((s) => ({ host: '127.0.0.1', port: s.port }));
  }

  /** The data nodes' ports, the first being the primary at start. */
  get dataPorts(): number[] {
    return this.data.map((n) => n.port);
  }

  private async startAll(): Promise<void> {
    const common = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'];
    const primaryPort = await freePort();
    this.data.push(this.node('primary', primaryPort, ['--port', String(primaryPort), ...common]));
    const replicaPort = await freePort();
    this.data.push(
      this.node('replica', replicaPort, ['--port', String(replicaPort), ...common, '--replicaof', '127.0.0.1', String(primaryPort)]),
    );
    for (const n of this.data) this.spawn(n, 'redis-server', n.args);
    await Promise.all(this.data.map((n) => waitPort(n.port, true)));
    await waitFor(
      'the replica in sync',
      async () => (await this.info(replicaPort, 'replication')).includes('master_link_status:up'),
      30_000,
      50,
    );

    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const n = this.node(`sentinel${i + 1}`, port, []);
      // A sentinel rewrites its own configuration file (the replicas and peers it learnt).
      const conf = join(n.dir, 'sentinel.conf');
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${n.dir}`,
          `sentinel monitor ${SENTINEL_NAME} 127.0.0.1 ${primaryPort} 2`,
          `sentinel down-after-milliseconds ${SENTINEL_NAME} 1000`,
          `sentinel failover-timeout ${SENTINEL_NAME} 5000`,
          `sentinel parallel-syncs ${SENTINEL_NAME} 1`,
          '',
        ].join('\n'),
      );
      n.args = existsSync(SENTINEL_BINARY) ? [conf] : [conf, '--sentinel'];
      this.sentinels.push(n);
      this.spawn(n, existsSync(SENTINEL_BINARY) ? SENTINEL_BINARY : 'redis-server', n.args);
    }
    await Promise.all(this.sentinels.map((n) => waitPort(n.port, true)));
    // Ready when every sentinel knows the replica and its two peers: a failover needs them.
    await waitFor(
      'the sentinels know each other and the replica',
      async () => {
        for (const s of this.sentinels) {
          const master = await this.sentinelCommand(s.port, ['SENTINEL', 'MASTER', SENTINEL_NAME]).catch(() => null);
          const fields = pairs(master);
          if (Number(fields['num-slaves']) < 1 || Number(fields['num-other-sentinels']) < 2) return false;
        }
        return true;
      },
      30_000,
      100,
    );
  }

  private node(name: string, port: number, args: string[]): Node {
    const dir = join(this.dir, name);
    mkdirSync(dir);
    return { port, dir, args, process: null };
  }

  private spawn(n: Node, command: string, args: string[]): void {
    const child = spawn(command, args, { cwd: n.dir, stdio: 'ignore' });
    n.process = child;
    // A suite that dies (or a forced jest exit) must not leave servers behind.
    process.once('exit', () => child.kill('SIGKILL'));
  }

  /** The primary's port as the sentinels name it (the first sentinel that answers). */
  async primaryPort(): Promise<number | null> {
    for (const s of this.sentinels) {
      const addr = await this.sentinelCommand(s.port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_NAME]).catch(() => null);
      if (Array.isArray(addr) && addr.length === 2) return Number(addr[1]);
    }
    return null;
  }

  /**
   * SIGKILL of the current primary, the way a machine dies. Returns its port; see
   * `untilPromoted` for the failover.
   */
  async killPrimary(): Promise<number> {
    const port = await this.primaryPort();
    const n = this.data.find((d) => d.port === port);
    if (!n?.process) throw new Error(`no running primary on port ${port}`);
    const p = n.process;
    n.process = null;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
    await waitPort(n.port, false);
    return n.port;
  }

  /**
   * Starts a killed data node again as its machine's service manager would, with the options it
   * first had (no data: there is no persistence). The sentinels turn it into a replica of the
   * current primary; resolves once it is one and in sync (bounded).
   */
  async restartNode(port: number, timeoutMs = 30_000): Promise<number> {
    const n = this.data.find((d) => d.port === port);
    if (!n || n.process) throw new Error(`no killed data node on port ${port}`);
    this.spawn(n, 'redis-server', n.args);
    await waitPort(port, true);
    return waitFor(
      `the node on ${port} a replica in sync`,
      async () => {
        const info = await this.info(port, 'replication').catch(() => '');
        return info.includes('role:slave') && info.includes('master_link_status:up');
      },
      timeoutMs,
      100,
    );
  }

  /**
   * A planned switchover (SENTINEL FAILOVER, as for maintenance of the primary's machine): the
   * primary stays up and becomes a replica, so clients still connected to it are answered
   * READONLY until they follow the sentinels. Returns the old primary's port.
   */
  async switchover(): Promise<number> {
    const port = await this.primaryPort();
    if (port === null) throw new Error('no sentinel names a primary');
    await this.sentinelCommand(this.sentinels[0].port, ['SENTINEL', 'FAILOVER', SENTINEL_NAME]);
    return port;
  }

  /**
   * Swaps the roles by hand (REPLICAOF, as an operator moving the primary might), then points
   * every sentinel at the new primary: the replica becomes the primary and the primary its
   * replica, with the old primary's clients left connected to it (only a sentinel's own failover
   * disconnects them).
   */
  async demoteByHand(primaryPort: number, replicaPort: number): Promise<void> {
    await this.command(replicaPort, ['REPLICAOF', 'NO', 'ONE']);
    await this.command(primaryPort, ['REPLICAOF', '127.0.0.1', String(replicaPort)]);
    for (const s of this.sentinels) {
      await this.command(s.port, ['SENTINEL', 'REMOVE', SENTINEL_NAME]);
      await this.command(s.port, ['SENTINEL', 'MONITOR', SENTINEL_NAME, '127.0.0.1', String(replicaPort), '2']);
      await this.command(s.port, ['SENTINEL', 'SET', SENTINEL_NAME, 'down-after-milliseconds', '1000', 'failover-timeout', '5000']);
    }
  }

  /**
   * Waits (at most `timeoutMs`) until every sentinel names another primary than `oldPort` and
   * that node answers as a primary; returns the ms it took and the new primary's port.
   */
  async untilPromoted(oldPort: number, timeoutMs = 30_000): Promise<{ ms: number; port: number }> {
    let port = 0;
    const ms = await waitFor(
      'a replica promoted by the sentinels',
      async () => {
        const named = await Promise.all(
          this.sentinels.map((s) => this.sentinelCommand(s.port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_NAME]).catch(() => null)),
        );
        const ports = new Set(named.map((a) => (Array.isArray(a) ? Number(a[1]) : 0)));
        if (ports.size !== 1) return false;
        port = [...ports][0];
        if (port === 0 || port === oldPort) return false;
        return (await this.info(port, 'replication').catch(() => '')).includes('role:master');
      },
      timeoutMs,
      100,
    );
    return { ms, port };
  }

  /** INFO of one data node. */
  async info(port: number, section: string): Promise<string> {
    return String(await this.command(port, ['INFO', section]));
  }

  private sentinelCommand(port: number, args: string[]): Promise<unknown> {
    return this.command(port, args);
  }

  /** One command on a short-lived connection of the test's own. */
  async command(port: number, args: string[]): Promise<unknown> {
    const client = new Redis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableReadyCheck: false,
      commandTimeout: 2000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await client.call(args[0], ...args.slice(1));
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    const all = [...this.sentinels, ...this.data].flatMap((n) => (n.process && n.process.exitCode === null ? [n.process] : []));
    await Promise.all(
      all.map((p) => {
        const exited = new Promise((r) => p.once('exit', r));
        p.kill('SIGKILL');
        return exited;
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A flat [k, v, k, v] reply as an object. */
function pairs(reply: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(reply)) return out;
  for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  return out;
}
