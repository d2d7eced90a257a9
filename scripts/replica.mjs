// `npm run replica -- --primary <url> [--dir var/replica] [--port 5433] [--slot hcmc1022_replica]`
//
// Makes (once) and starts a PostgreSQL streaming replica of a primary in a directory of its own,
// on its own port: a physical replication slot on the primary (so it keeps the WAL the replica
// still needs), a base backup with primary_conninfo and the slot written by pg_basebackup -R,
// then `pg_ctl start`. Run again, it starts the replica if it is stopped and otherwise does
// nothing. The backend reads from it with DATABASE_READ_URL=postgres://…@127.0.0.1:<port>/<db>.
//
// The primary needs wal_level=replica (the default), max_wal_senders and max_replication_slots
// above zero, and a pg_hba.conf line allowing `replication` for the user of --primary.
//
// Refusals, so that it can never damage a cluster it did not make: a directory under
// /var/lib/postgresql or /etc/postgresql, the primary's own data directory, a non-empty directory
// that is not a replica made here, or a port another server listens on.
import { spawnSync } from 'node:child_process';
import { chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = 'hcmc1022-replica.json';
const PROTECTED = ['/var/lib/postgresql', '/etc/postgresql'];

class ReplicaError extends Error {}

function log(message) {
  console.log(`[replica] ${message}`);
}

const options = {
  primary: { type: 'string' },
  dir: { type: 'string', default: join(ROOT, 'var', 'replica') },
  port: { type: 'string', default: '5433' },
  slot: { type: 'string', default: 'hcmc1022_replica' },
  bin: { type: 'string', default: process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin' },
};

/** The binaries refuse to run as root: as root, they run as the postgres system user. */
function asServerUser(dir) {
  if (process.getuid?.() !== 0) return { command: (bin, args) => [bin, args] };
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new ReplicaError('running as root needs a "postgres" system user to run the server as');
  chownSync(dir, Number(id.stdout), Number(gid.stdout));
  return { command: (bin, args) => ['runuser', ['-u', 'postgres', '--', bin, ...args]] };
}

function run(user, bin, args, { quiet = false } = {}) {
  const [command, argv] = user.command(bin, args);
  const r = spawnSync(command, argv, { encoding: 'utf8', stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'] });
  return r.status ?? 1;
}

function portInUse(port) {
  return new Promise((done) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      done(true);
    });
    socket.on('error', () => done(false));
  });
}

function isUnder(path, root) {
  return path === root || path.startsWith(root + sep);
}

async function primaryFacts(url, slot) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [facts] = (
      await client.query(
        `SELECT current_setting('data_directory') AS dir, current_setting('hba_file') AS hba, current_setting('wal_level') AS wal_level,
                current_setting('max_wal_senders')::int AS senders, pg_is_in_recovery() AS standby`,
      )
    ).rows;
    if (facts.standby) throw new ReplicaError('--primary is itself a standby; give the primary');
    if (facts.wal_level === 'minimal' || facts.senders === 0)
      throw new ReplicaError('the primary needs wal_level=replica and max_wal_senders > 0 (restart it after changing them)');
    // Idempotent: a second run (or one after a failed backup) reuses the slot.
    await client.query(
      `SELECT pg_create_physical_replication_slot($1) WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1)`,
      [slot],
    );
    return facts;
  } finally {
    await client.end();
  }
}

async function main() {
  const { values: a } = parseArgs({ options, allowPositionals: false });
  if (!a.primary) throw new ReplicaError('--primary <postgres://user@host:port/db> is required (a user allowed to replicate)');
  if (!/^[a-z0-9_]{1,63}$/.test(a.slot)) throw new ReplicaError('--slot: lowercase letters, digits and _ only');
  const port = Number(a.port);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new ReplicaError('--port: a port number from 1024 to 65535');
  const dir = resolve(a.dir);
  const bin = (name) => join(a.bin, name);
  const protectedRoot = PROTECTED.find((p) => isUnder(dir, p));
  if (protectedRoot) throw new ReplicaError(`refusing ${dir}: it is under ${protectedRoot}, where system clusters live`);

  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    const made = JSON.parse(readFileSync(marker, 'utf8'));
    const user = asServerUser(dir);
    if (run(user, bin('pg_ctl'), ['-D', dir, 'status'], { quiet: true }) === 0) {
      log(`replica in ${dir} already runs on port ${made.port}`);
      return;
    }
    if (await portInUse(made.port)) throw new ReplicaError(`port ${made.port} of the replica in ${dir} is taken by another server`);
    start(user, bin, dir, made.port);
    return;
  }
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new ReplicaError(`refusing ${dir}: not empty and not a replica made by this script`);
  if (await portInUse(port)) throw new ReplicaError(`port ${port} is taken by another server; choose another with --port`);

  const facts = await primaryFacts(a.primary, a.slot);
  if (isUnder(dir, resolve(facts.dir)) || isUnder(resolve(facts.dir), dir))
    throw new ReplicaError(`refusing ${dir}: it overlaps the primary's data directory ${facts.dir}`);

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const user = asServerUser(dir);
  log(`base backup of the primary into ${dir} (slot ${a.slot})`);
  // -R writes standby.signal and primary_conninfo/primary_slot_name; -X stream copies the WAL of
  // the backup's own duration over a second connection; fast checkpoint: start now.
  const status = run(user, bin('pg_basebackup'), ['-d', a.primary, '-D', dir, '-X', 'stream', '-S', a.slot, '-R', '-c', 'fast']);
  if (status !== 0) throw new ReplicaError(`pg_basebackup failed (${status}); remove ${dir} before trying again`);
  // A primary whose configuration lives outside its data directory (Debian's /etc/postgresql)
  // leaves none in the backup. Its postgresql.conf names its own paths, so the replica starts from
  // an empty one; its access rules are copied when this machine can read them, else the replica
  // admits local connections only, as the development setup does.
  const own = (name, text) => existsSync(join(dir, name)) || writeFileSync(join(dir, name), text);
  own('postgresql.conf', '');
  own('pg_ident.conf', '');
  if (!existsSync(join(dir, 'pg_hba.conf'))) {
    if (existsSync(facts.hba)) copyFileSync(facts.hba, join(dir, 'pg_hba.conf'));
    else {
      log(
        `the primary's ${facts.hba} is not on this machine: the replica trusts local connections only (edit ${join(dir, 'pg_hba.conf')})`,
      );
      own('pg_hba.conf', 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n');
    }
  }
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  writeFileSync(marker, JSON.stringify({ primary: new URL(a.primary).host, slot: a.slot, port }, null, 2));
  start(user, bin, dir, port);
}

function start(user, bin, dir, port) {
  // Settings on the command line win over the copied postgresql.conf: its own port, sockets in
  // its own directory (never the system's /var/run/postgresql), read-only hot standby.
  const settings = [`-p ${port}`, `-c listen_addresses=127.0.0.1`, `-c unix_socket_directories='${dir}'`, '-c hot_standby=on'];
  log(`starting the replica on port ${port}`);
  const status = run(user, bin('pg_ctl'), ['-D', dir, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', 'start']);
  if (status !== 0) throw new ReplicaError(`pg_ctl start failed (${status}); see ${join(dir, 'server.log')}`);
  log(`replica runs: DATABASE_READ_URL=postgres://<user>@127.0.0.1:${port}/<database>`);
}

main().catch((err) => {
  console.error(`[replica] ${err instanceof ReplicaError ? err.message : (err?.stack ?? err)}`);
  process.exit(1);
});
