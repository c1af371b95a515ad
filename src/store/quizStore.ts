import type { Logger } from '../logger.js';
import { answerProblem, recordQuizAnswer, statsFor, type QuizAnswer, type QuizStats } from './answers.js';
import type { Database } from './database.js';
import { leaderboardFor, type Leaderboard } from './leaderboard.js';
import type { StreakSchedule } from './streak.js';

/**
 * What the Slack listeners call. A database that is down or slow never holds up an answer: each call gives up
 * after its timeout, answers that could not be stored wait in memory and are stored once the database is back
 * (storing is idempotent, so an insert that was only slow and a retry of it still make one row).
 */
export interface QuizStore {
  /**
   * Resolves within the timeout and never rejects: `recorded` (new), `duplicate` (this click was stored before),
   * `queued` (the database is unavailable: stored later), `refused` (not an answer Slack could have sent).
   */
  record(answer: QuizAnswer): Promise<RecordOutcome>;
  /** A person's stats, or null when the database did not answer in time (logged). */
  stats(workspace: string, user: string, now?: Date): Promise<QuizStats | null>;
  /** The week's leaderboard of a workspace, or null when the database did not answer in time (logged). */
  leaderboard(workspace: string, now?: Date): Promise<Leaderboard | null>;
  /** Answers waiting for the database. */
  readonly waiting: number;
  /** Tries to store what waits now; true when nothing is left waiting. */
  flush(): Promise<boolean>;
  /** Stops retrying; a last flush within the timeout, and an error line counting what could not be stored. */
  stop(): Promise<void>;
}

export type RecordOutcome = 'recorded' | 'duplicate' | 'queued' | 'refused';

export interface QuizStoreOptions {
  /** The database once it is open and migrated; a store may be handed out before, and queues until then. */
  database: () => Database | null;
  log: Logger;
  schedule: StreakSchedule;
  /** How long a caller waits for the database at most. */
  timeoutMs?: number;
  /** How often answers waiting in memory are retried. */
  retryEveryMs?: number;
  /** Beyond this many waiting answers, the oldest are dropped (and counted in a log line): memory is finite. */
  maxWaiting?: number;
}

export const QUIZ_STORE_DEFAULTS = { timeoutMs: 1_500, retryEveryMs: 10_000, maxWaiting: 50_000 } as const;

class TimedOut extends Error {
  constructor(ms: number) {
    super(`no answer from the database within ${ms} ms`);
  }
}

/** `work`'s result, or TimedOut after `ms`: the work itself carries on, the caller does not wait for it. */
export function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimedOut(ms)), ms);
    work()
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

export function createQuizStore(options: QuizStoreOptions): QuizStore {
  const { log, schedule } = options;
  const timeoutMs = options.timeoutMs ?? QUIZ_STORE_DEFAULTS.timeoutMs;
  const retryEveryMs = options.retryEveryMs ?? QUIZ_STORE_DEFAULTS.retryEveryMs;
  const maxWaiting = options.maxWaiting ?? QUIZ_STORE_DEFAULTS.maxWaiting;
  const waiting: QuizAnswer[] = [];
  let retryTimer: NodeJS.Timeout | null = null;
  let flushing: Promise<boolean> | null = null;
  let stopped = false;

  const store = async (answer: QuizAnswer): Promise<boolean> => {
    const database = options.database();
    if (database === null) throw new Error('the database is not open yet');
    return recordQuizAnswer(database, answer);
  };

  const keepForLater = (answer: QuizAnswer, error: unknown) => {
    // One warning per outage, when the first answer starts waiting; the rest at debug.
    if (waiting.length === 0) {
      log.warn(
        { err: error, retryEveryMs },
        `quiz answers are not being recorded: ${(error as Error).message}; they are kept in memory and retried until the database is back`,
      );
    } else {
      log.debug({ err: error, waiting: waiting.length + 1 }, 'quiz answer kept in memory for the database');
    }
    waiting.push(answer);
    if (waiting.length > maxWaiting) {
      const lost = waiting.splice(0, waiting.length - maxWaiting);
      log.error({ lost: lost.length, maxWaiting }, 'quiz answers lost: too many waiting for the database');
    }
    scheduleRetry();
  };

  const scheduleRetry = () => {
    if (retryTimer !== null || stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void flush().then((empty) => {
        if (!empty) scheduleRetry();
      });
    }, retryEveryMs);
    retryTimer.unref();
  };

  /** Stores waiting answers oldest first, stopping at the first failure (the database is still away). */
  const flush = (): Promise<boolean> => {
    flushing ??= (async () => {
      let stored = 0;
      try {
        while (waiting.length > 0) {
          await within(timeoutMs, () => store(waiting[0]!));
          waiting.shift();
          stored++;
        }
        return true;
      } catch (error) {
        log.debug({ err: error, waiting: waiting.length }, 'the database is still unavailable for waiting quiz answers');
        return false;
      } finally {
        if (stored > 0) log.info({ stored, waiting: waiting.length }, 'quiz answers that waited for the database are recorded');
        flushing = null;
      }
    })();
    return flushing;
  };

  /** A read within the timeout; null (and a warning) when the database is not there or too slow. */
  const read = async <T>(what: string, query: (database: Database) => Promise<T>): Promise<T | null> => {
    const database = options.database();
    try {
      if (database === null) throw new Error('the database is not open yet');
      return await within(timeoutMs, () => query(database));
    } catch (error) {
      log.warn({ err: error }, `${what} unavailable: ${(error as Error).message}`);
      return null;
    }
  };

  return {
    async record(answer) {
      const problem = answerProblem(answer);
      if (problem !== null) {
        log.warn({ problem }, 'quiz answer refused');
        return 'refused';
      }
      try {
        const isNew = await within(timeoutMs, () => store(answer));
        if (waiting.length > 0) void flush();
        return isNew ? 'recorded' : 'duplicate';
      } catch (error) {
        keepForLater(answer, error);
        return 'queued';
      }
    },
    stats: (workspace, user, now = new Date()) => read('quiz stats', (database) => statsFor(database, { workspace, user, schedule, now })),
    leaderboard: (workspace, now = new Date()) => read('quiz leaderboard', (database) => leaderboardFor(database, { workspace, schedule, now })),
    get waiting() {
      return waiting.length;
    },
    flush,
    async stop() {
      stopped = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = null;
      if (waiting.length > 0 && !(await flush())) {
        log.error({ lost: waiting.length }, 'quiz answers lost: the database was unavailable until shutdown');
      }
    },
  };
}
