/** What every store driver provides; apart from database.ts so the drivers it loads lazily do not import it back. */
/**
 * One SQL statement with its values passed as parameters ($1, $2…): text that came from a person is never
 * spliced into SQL, whichever database runs it.
 */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted (0 for a SELECT on PGlite). */
  rowCount: number;
}

/**
 * The embedded database (PGlite, in DATA_DIR) or a PostgreSQL server (DATABASE_URL): the same SQL runs on both.
 * Queries from different callers may run on different connections; `session` holds one connection, for what must
 * share it (a transaction, a session-level advisory lock).
 */
export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Where the data is, for log lines and messages: the folder, or the server without its password. */
  readonly location: string;
  session<T>(work: (connection: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Trouble opening the store that the person running the bot can fix: the message says how. */
export class StoreError extends Error {
  override name = 'StoreError';
}

export interface OpenOptions {
  /** Called when an idle PostgreSQL connection fails (the server restarted…): the pool replaces it. */
  onIdleError?: (error: Error) => void;
}
