/**
 * Where quiz answers are kept: the embedded database in DATA_DIR, or a PostgreSQL server every replica shares.
 * No Slack here: the listeners call `QuizStore`, the CLI calls the functions below (docs/teams-and-evidence.md).
 */
import type { StoreSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { deleteAnswersBefore } from './answers.js';
import { openDatabase, type Database } from './database.js';
import { MigrationError, migrate } from './migrations.js';
import { createQuizStore, type QuizStore, type QuizStoreOptions } from './quizStore.js';
import type { StreakSchedule } from './streak.js';

export { deleteAnswersBefore, forgetUser, recordQuizAnswer, statsFor, type QuizAnswer, type QuizStats } from './answers.js';
export { openDatabase, StoreError, type Database, type Queryable } from './database.js';
export { leaderboardFor, type Leaderboard } from './leaderboard.js';
export { csvTable, evidenceCsv, evidenceFor, type CsvColumn } from './evidence.js';
export {
  deleteInstallation,
  loadInstallation,
  resealInstallations,
  saveInstallation,
  ownerKey,
  type InstallationOwner,
  type InstallationRecord,
} from './installations.js';
export {
  createSubscriptionStore,
  subscribedChannels,
  type ChannelSubscription,
  type ScheduledPost,
  type SubscriptionStore,
} from './subscriptions.js';
export { MIGRATIONS, MigrationError, migrate, type MigrationReport } from './migrations.js';
export { createQuizStore, type QuizStore, type RecordOutcome } from './quizStore.js';
export type { StreakSchedule } from './streak.js';
export { createTokenCipher, keyIdOf, type TokenCipher } from './tokenCipher.js';

const DAY_MS = 86_400_000;

export interface RunningStore {
  quiz: QuizStore;
  /** Settles once the database is open and migrated; rejects with MigrationError when a step fails. */
  ready: Promise<void>;
  /**
   * What a start waits for: 'ready' as `ready` does, or 'waiting' as soon as the database cannot be reached (it is
   * retried, answers wait in memory, and `ready` settles later). Rejects as `ready` does, for what retrying cannot fix.
   */
  opened: Promise<'ready' | 'waiting'>;
  /** The open, migrated database; null until `ready` and after `stop`. */
  database(): Database | null;
  /** Flushes what waits (within the timeout), stops the daily retention, closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  settings: StoreSettings;
  schedule: StreakSchedule;
  log: Logger;
  /** While the database cannot be reached at start, how often to try again. */
  retryEveryMs?: number;
  quiz?: Pick<QuizStoreOptions, 'timeoutMs' | 'retryEveryMs' | 'maxWaiting'>;
}

/**
 * Opens and migrates the store and deletes answers past QUIZ_RETENTION_DAYS, at once and daily. A database that
 * cannot be reached does not stop the start: quiz answers wait in memory while it is retried. A migration that
 * fails does: `ready` rejects with a MigrationError naming the step.
 */
export function startStore({ settings, schedule, log, retryEveryMs = 10_000, quiz }: StartOptions): RunningStore {
  let database: Database | null = null;
  let stopping = false;
  let retentionTimer: NodeJS.Timeout | null = null;
  const quizStore = createQuizStore({ ...quiz, database: () => database, log, schedule });

  const applyRetention = async (open: Database) => {
    try {
      const deleted = await deleteAnswersBefore(open, new Date(Date.now() - settings.retentionDays * DAY_MS));
      if (deleted > 0) log.info({ deleted, retentionDays: settings.retentionDays }, 'quiz answers past QUIZ_RETENTION_DAYS deleted');
    } catch (error) {
      log.warn({ err: error }, 'quiz answer retention did not run; it runs again tomorrow');
    }
  };

  let settleOpened: (state: 'ready' | 'waiting') => void = () => undefined;
  const opened = new Promise<'ready' | 'waiting'>((resolve) => (settleOpened = resolve));

  const ready = (async () => {
    while (!stopping) {
      let candidate: Database | null = null;
      try {
        candidate = await openDatabase(settings, { onIdleError: (error) => log.warn({ err: error }, 'a database connection failed; it is replaced') });
        const report = await migrate(candidate);
        if (report.applied.length > 0) log.info({ applied: report.applied, version: report.version }, 'database migrated');
        database = candidate;
        break;
      } catch (error) {
        await candidate?.close().catch(() => undefined);
        if (error instanceof MigrationError || candidate === null) throw error;
        log.warn({ err: error, retryEveryMs }, `the database is unavailable (${candidate.location}): quiz answers wait in memory, trying again`);
        settleOpened('waiting');
        await new Promise((resolve) => setTimeout(resolve, retryEveryMs).unref());
        if (stopping) return;
      }
    }
    if (database === null) return;
    log.info({ store: database.kind, location: database.location }, 'quiz answers are recorded');
    settleOpened('ready');
    void quizStore.flush();
    await applyRetention(database);
    const open = database;
    retentionTimer = setInterval(() => void applyRetention(open), DAY_MS);
    retentionTimer.unref();
  })();

  return {
    quiz: quizStore,
    ready,
    // A promise settles once: after 'waiting', a later failure reaches the caller through `ready` alone.
    opened: Promise.race([opened, ready.then(() => 'ready' as const)]),
    database: () => database,
    async stop() {
      stopping = true;
      if (retentionTimer !== null) clearInterval(retentionTimer);
      await quizStore.stop();
      await database?.close();
      database = null;
    },
  };
}
