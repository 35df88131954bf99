// A real PostgreSQL for tests (never PGlite: one connection has no advisory locks or SKIP LOCKED between clients).
// With DATABASE_URL set, each suite gets its own database on that server. Otherwise a throwaway cluster is made
// from Debian's binaries (installed with apt-get when missing), owned by the postgres user because initdb refuses
// root, listening on 127.0.0.1 and a socket in its own temp folder, with trust auth, and removed afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  /** A database of its own, empty. */
  url: string;
  /** Drops the database and stops the throwaway server, if this suite started one. */
  drop(): Promise<void>;
}

/** A server of this suite's own, that the suite may stop and start again as a failover or an upgrade does. */
export interface OwnDatabase extends TestDatabase {
  /** `pg_ctl stop -m fast`: every connection is closed and the server is gone; its data stays. */
  stopServer(): void;
  /** Starts it again on the same port, with the same data. */
  startServer(): void;
}

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed version's bin folder, if any. */
function findBinaries(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

function aptGetInstall(): { ok: boolean; output: string } {
  const run = (args: string[]) => spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  let result = run(['install', '-y', '-q', 'postgresql']);
  // A fresh machine may not know the package yet.
  if (result.status !== 0) {
    run(['update', '-q']);
    result = run(['install', '-y', '-q', 'postgresql']);
  }
  return { ok: result.status === 0, output: `${result.error?.message ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ') };
}

function binaries(): string {
  const found = findBinaries();
  if (found) return found;
  const why = 'the tests need a PostgreSQL server: set DATABASE_URL, or install Debian\'s postgresql package';
  if (process.getuid?.() !== 0) throw new Error(`${why} (no binaries under ${PG_ROOT}, and apt-get needs root)`);
  const { ok, output } = aptGetInstall();
  const bin = findBinaries();
  if (!ok || !bin) throw new Error(`${why} (apt-get install -y postgresql failed: ${output || 'no binaries afterwards'})`);
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Cluster {
  url: string;
  stop(): void;
  pause(): void;
  resume(): void;
}

/** initdb and pg_ctl as the postgres user when we are root (initdb refuses root), as ourselves otherwise. */
async function startCluster(): Promise<Cluster> {
  const bin = binaries();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'ckex-pg-'));
  const owner = asRoot ? 'postgres' : userInfo().username;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', owner, '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const result = spawnSync(cmd as string, argv as string[], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.error?.message ?? ''}${result.stderr}`.trim());
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  // Durability is not what these tests check: fsync off keeps each suite quick on two cores.
  let port = 0;
  let options = '';
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-s', 'start']);
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50`;
    try {
      start();
      break;
    } catch (err) {
      if (attempt >= 2) throw err; // another process took the port in between: try another
    }
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-s', 'stop']);
    } catch {
      // already stopped (a suite that stopped it to test an outage)
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A suite that crashes must not leave a postmaster behind.
  process.once('exit', stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, pause: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-s', 'stop']), resume: start };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one suite: on DATABASE_URL's server, or on a cluster started for this suite. */
export async function testDatabase(): Promise<TestDatabase> {
  const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
  const serverUrl = process.env.DATABASE_URL ?? cluster!.url;
  const name = `ckex_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin(serverUrl, `CREATE DATABASE ${name}`);
  } catch (err) {
    cluster?.stop();
    throw err;
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      try {
        await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        cluster?.stop();
      }
    },
  };
}

/** A database on a server started for this suite alone, even when DATABASE_URL is set: the suite stops and starts it. */
export async function ownDatabase(): Promise<OwnDatabase> {
  const cluster = await startCluster();
  const name = `ckex_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin(cluster.url, `CREATE DATABASE ${name}`);
  } catch (err) {
    cluster.stop();
    throw err;
  }
  return { url: withDatabase(cluster.url, name), drop: async () => cluster.stop(), stopServer: cluster.pause, startServer: cluster.resume };
}
