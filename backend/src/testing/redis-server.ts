import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, waitPort } from './ports';

/** A private Redis in a temp dir, for tests that stop or flush it (never the shared one). */
export class TestRedisServer {
  private process: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'hcmc1022-redis-'));

  private constructor(
    readonly port: number,
    private readonly extraArgs: string[],
  ) {}

  /** `args`: more redis-server options (e.g. `['--maxmemory-policy', 'allkeys-lru']`). */
  static async start(options: { args?: string[] } = {}): Promise<TestRedisServer> {
    const server = new TestRedisServer(await freePort(), options.args ?? []);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async restart(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, ...this.extraArgs],
      {
        stdio: 'ignore',
      },
    );
    // A suite that dies (or a forced jest exit) must not leave Redis servers behind.
    const child = this.process;
    process.once('exit', () => child.kill('SIGKILL'));
    await waitPort(this.port, true);
  }

  /** Whether the server runs (not killed, not stopped). */
  get running(): boolean {
    return this.process !== null && this.process.exitCode === null;
  }

  /** SIGKILL: Redis vanishes the way it does when a node dies. */
  async kill(): Promise<void> {
    const p = this.process;
    this.process = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
    await waitPort(this.port, false);
  }

  /** SIGSTOP: Redis keeps its connections open but answers nothing, as a stalled node does. */
  pause(): void {
    this.process?.kill('SIGSTOP');
  }

  resume(): void {
    this.process?.kill('SIGCONT');
  }

  /** FLUSHALL: every key gone while the server keeps running (an operator's mistake, a failover to an empty replica). */
  async flushAll(): Promise<void> {
    await this.command(['FLUSHALL']);
  }

  /** CONFIG SET on the running server. */
  async configSet(name: string, value: string): Promise<void> {
    await this.command(['CONFIG', 'SET', name, value]);
  }

  /** One command on a short-lived connection of the test's own. */
  async command(args: string[]): Promise<unknown> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await client.call(args[0], ...args.slice(1));
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
