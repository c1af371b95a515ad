import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for the tests: initdb into a temporary folder, pg_ctl start on a
 * free port, removed by `stop()`. The server's binaries come from the system (Debian's `postgresql` package,
 * which .ci/run installs); PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (or
 * `nobody`).
 */
export interface TestCluster {
  port: number;
  /** A new, empty database on the cluster, as a DATABASE_URL. */
  createDatabase(): Promise<string>;
  stop(): void;
  /** Stops the server, keeping its files (the database is "down"); `start` brings it back on the same port. */
  pause(): void;
  start(): void;
}

/** Where initdb and pg_ctl are, or null: the newest of Debian's /usr/lib/postgresql/<version>/bin, else PATH. */
export function postgresBinaries(): string | null {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const newest = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))[0];
    if (newest !== undefined && existsSync(join(debian, newest, 'bin', 'initdb'))) return join(debian, newest, 'bin');
  }
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return initdb === '' ? null : join(initdb, '..');
  } catch {
    return null;
  }
}

/** Why the PostgreSQL tests are skipped on this machine, or null when they run. */
export const POSTGRES_MISSING = postgresBinaries() === null ? 'no PostgreSQL binaries (initdb, pg_ctl): apt-get install -y postgresql, as .ci/run does' : null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a server binary, as an unprivileged user when we are root. */
function runServerTool(bin: string, tool: string, args: string[], owner: string | null): void {
  const command = join(bin, tool);
  if (owner === null) execFileSync(command, args, { stdio: 'pipe' });
  else execFileSync('runuser', ['-u', owner, '--', command, ...args], { stdio: 'pipe' });
}

function unprivilegedUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'nobody']) {
    try {
      execFileSync('id', ['-u', user], { stdio: 'pipe' });
      return user;
    } catch {
      // try the next one
    }
  }
  throw new Error('running as root and neither the postgres nor the nobody user exists to run PostgreSQL as');
}

export async function startTestCluster(): Promise<TestCluster> {
  const bin = postgresBinaries();
  if (bin === null) throw new Error(POSTGRES_MISSING ?? 'no PostgreSQL');
  const owner = unprivilegedUser();
  const folder = mkdtempSync(join(tmpdir(), 'srm-pg-'));
  chmodSync(folder, 0o755);
  const data = join(folder, 'data');
  if (owner !== null) {
    const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
  }
  const port = await freePort();
  runServerTool(bin, 'initdb', ['-D', data, '-U', 'srm', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], owner);
  const start = () =>
    runServerTool(
      bin,
      'pg_ctl',
      [
        '-D',
        data,
        '-l',
        join(folder, 'server.log'),
        '-w',
        '-o',
        `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
        'start',
      ],
      owner,
    );
  const pause = () => runServerTool(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], owner);
  start();
  let databases = 0;
  return {
    port,
    async createDatabase() {
      const name = `srm_test_${++databases}`;
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'srm', database: 'postgres' });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return `postgres://srm:test-password@127.0.0.1:${port}/${name}`;
    },
    pause,
    start,
    stop() {
      try {
        pause();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
