import type { Database, Queryable } from './database.js';

/**
 * The schema, as numbered steps. A step once released is never edited (databases out there have run it): a
 * change is a new step at the end. Each step runs in one transaction, so a failed step leaves nothing behind.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'quiz answers',
    statements: [
      // The key is the click itself: the same person, question and quiz message (attempt) count once, however
      // often the button is pressed or Slack retries the request.
      `CREATE TABLE quiz_answers (
         workspace   text        NOT NULL,
         user_id     text        NOT NULL,
         question    text        NOT NULL,
         attempt     text        NOT NULL,
         correct     boolean     NOT NULL,
         answered_at timestamptz NOT NULL,
         user_name   text,
         PRIMARY KEY (workspace, user_id, question, attempt)
       )`,
      // Evidence reads a period and retention deletes what is older: both by time.
      'CREATE INDEX quiz_answers_answered_at ON quiz_answers (answered_at)',
    ],
  },
  {
    version: 2,
    name: 'slack installations',
    statements: [
      // OAuth mode: one row per workspace ('team:T…') or org-wide install ('enterprise:E…'). The installation,
      // tokens included, is only ever stored sealed (AES-256-GCM); key_id says which key sealed it, for rotation.
      `CREATE TABLE slack_installations (
         owner         text        PRIMARY KEY,
         team_id       text,
         enterprise_id text,
         key_id        text        NOT NULL,
         sealed        bytea       NOT NULL,
         installed_at  timestamptz NOT NULL,
         updated_at    timestamptz NOT NULL
       )`,
    ],
  },
  {
    version: 3,
    name: 'channel subscriptions',
    statements: [
      // OAuth mode: the channels a workspace opted in to a scheduled post with `/srm tips here` (post 'tip') or
      // `/srm leaderboard here` (post 'leaderboard'). `owner` is the installation whose bot token posts there
      // ('team:T…', or 'enterprise:E…' for an org-wide install), `team_id` the workspace the channel is in. An
      // uninstall deletes the installation, and its subscriptions with it.
      `CREATE TABLE channel_subscriptions (
         owner         text        NOT NULL REFERENCES slack_installations (owner) ON DELETE CASCADE,
         team_id       text        NOT NULL,
         enterprise_id text,
         channel_id    text        NOT NULL,
         post          text        NOT NULL CHECK (post IN ('tip', 'leaderboard')),
         subscribed_by text        NOT NULL,
         subscribed_at timestamptz NOT NULL,
         PRIMARY KEY (owner, team_id, channel_id, post)
       )`,
      'CREATE INDEX channel_subscriptions_post ON channel_subscriptions (post, owner)',
    ],
  },
];

/** The advisory lock's key, any number that is srm-bot's alone: one process migrates at a time, the others wait. */
const MIGRATION_LOCK = 7_217_001;

/** A step that failed: the start stops, naming it. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    readonly migration: Migration,
    override readonly cause: unknown,
  ) {
    super(
      `database migration ${migration.version} "${migration.name}" failed: ${(cause as Error)?.message ?? String(cause)}. Nothing of this step was applied; fix the cause and start again (or run \`srm db migrate\`).`,
    );
  }
}

export interface MigrationReport {
  /** The versions this call applied, in order; empty when the database was up to date. */
  applied: number[];
  /** The schema version the database is at now. */
  version: number;
}

/** Brings the schema up to date; safe to run from every replica at once and again and again. */
export async function migrate(database: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  return database.session(async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await connection.query(
        'CREATE TABLE IF NOT EXISTS srm_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set((await connection.query<{ version: number }>('SELECT version FROM srm_schema_migrations')).rows.map((row) => row.version));
      const applied: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await apply(connection, migration);
        applied.push(migration.version);
        done.add(migration.version);
      }
      // A newer replica may have applied steps this code does not know: they only add, so this code still works.
      return { applied, version: Math.max(0, ...done) };
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}

async function apply(connection: Queryable, migration: Migration): Promise<void> {
  await connection.query('BEGIN');
  try {
    for (const statement of migration.statements) await connection.query(statement);
    await connection.query('INSERT INTO srm_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw new MigrationError(migration, error);
  }
}
