import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { StoreError, type Database, type Queryable, type QueryResult } from './types.js';

/**
 * PGlite, PostgreSQL compiled to WebAssembly, keeping its files in DATA_DIR: `npm start` needs nothing installed.
 * It has one connection and no protection against a second process opening the same files (which corrupts
 * them), so a lock file keeps the folder to one process, and a queue keeps a session's statements together.
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockFolder(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(join(dataDir, 'pglite'));
  } catch (error) {
    releaseLock();
    throw error;
  }
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };
  const direct: Queryable = {
    query: async <Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> => {
      const result = await pglite.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
  };
  return {
    kind: 'embedded',
    location: dataDir,
    query: (sql, params) => exclusive(() => direct.query(sql, params)),
    session: (work) => exclusive(() => work(direct)),
    close: () =>
      exclusive(async () => {
        await pglite.close();
        releaseLock();
      }),
  };
}

/** The folders this process has open: a lock file naming our own pid is ours only if listed here. */
const openHere = new Set<string>();

/**
 * Takes DATA_DIR for this process, or says which process has it. A lock left by a process that died is taken over,
 * and so is one naming our own pid that we did not take (a container's pid 1 before a restart).
 */
function lockFolder(dataDir: string): () => void {
  const lockFile = join(dataDir, 'pglite.lock');
  if (openHere.has(dataDir)) throw inUse(dataDir, process.pid);
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      openHere.add(dataDir);
      return () => {
        rmSync(lockFile, { force: true });
        openHere.delete(dataDir);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder !== process.pid && isRunning(holder)) throw inUse(dataDir, holder);
    rmSync(lockFile, { force: true });
  }
}

const inUse = (dataDir: string, pid: number) =>
  new StoreError(
    `DATA_DIR ${dataDir} is in use by another srm-bot process (pid ${pid}). The embedded database serves one process at a time: stop that process first, or set DATABASE_URL=postgres://… so that several processes share one PostgreSQL.`,
  );

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
