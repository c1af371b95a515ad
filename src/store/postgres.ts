import pg from 'pg';
import type { Database, OpenOptions, Queryable, QueryResult } from './types.js';

/** A connection that cannot be made in this time fails the query instead of queueing it for ever. */
const CONNECT_TIMEOUT_MS = 5_000;

/** A pool of connections to a PostgreSQL server that every replica shares. */
export async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, max: 10 });
  // Without a listener, an idle connection that dies (the server restarted) would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  const run = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> => {
      const result = await client.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  });
  return {
    kind: 'postgres',
    location: withoutPassword(url),
    ...run(pool),
    async session(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await work(run(client));
      } catch (error) {
        broken = error as Error;
        throw error;
      } finally {
        // A connection whose work failed may be mid-transaction or hold a lock: destroy it rather than reuse it.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return `${parsed.protocol}//${parsed.username === '' ? '' : `${parsed.username}@`}${parsed.host}${parsed.pathname}`;
}
