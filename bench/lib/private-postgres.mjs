// A private PostgreSQL primary in a temp dir on a free port (initdb; trust on 127.0.0.1 only)
// for benchmarks that add a replica (scripts/replica.mjs) or stop servers: never the shared one.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/prepare.mjs';
import { freePort } from './processes.mjs';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** The server binaries refuse root: as root they run as the postgres system user. */
function asServerUser(bin, args) {
  const [command, argv] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(BIN, bin), ...args]] : [join(BIN, bin), args];
  const r = spawnSync(command, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function startPrivatePrimary() {
  const dir = mkdtempSync(join(tmpdir(), 'hcmc1022-bench-pg-'));
  if (process.getuid?.() === 0) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, id('-u'), id('-g'));
  }
  chmodSync(dir, 0o755);
  const port = await freePort();
  const data = join(dir, 'primary');
  asServerUser('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // initdb's defaults (those of the shared cluster too): shared_buffers 128MB, work_mem 4MB.
  const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories='${dir}'`];
  asServerUser('pg_ctl', ['-D', data, '-l', join(dir, 'primary.log'), '-o', settings.join(' '), '-w', 'start']);
  let replicaPort = null;
  const stop = () => {
    for (const d of ['replica', 'primary']) {
      try {
        asServerUser('pg_ctl', ['-D', join(dir, d), '-m', 'immediate', '-w', 'stop']);
      } catch {
        // not running
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return {
    dir,
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    replicaUrl: (db = 'postgres') => `postgres://postgres@127.0.0.1:${replicaPort}/${db}`,
    /** scripts/replica.mjs against this primary. */
    async startReplica() {
      replicaPort = await freePort();
      const r = spawnSync(
        process.execPath,
        [
          join(ROOT, 'scripts', 'replica.mjs'),
          '--primary',
          `postgres://postgres@127.0.0.1:${port}/postgres`,
          '--dir',
          join(dir, 'replica'),
          '--port',
          String(replicaPort),
          '--bin',
          BIN,
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`replica.mjs failed: ${r.stderr}`);
    },
    stop,
  };
}
