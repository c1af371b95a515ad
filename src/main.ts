import dotenv from 'dotenv';
import { createAnswers } from './answers/index.js';
import { runConsole } from './cli/console.js';
import { ConfigError, loadConfig, secretsOf, type StoreSettings } from './config.js';
import { openEngine } from './engine/index.js';
import { createFeedbackReporter } from './feedback/index.js';
import { KnowledgeError, openKnowledge } from './knowledge/index.js';
import { createLogger, type Logger } from './logger.js';
import { createSlackApp, type SlackApp } from './slack/app.js';
import { installationsIn, installedWorkspaces } from './slack/installationStore.js';
import { botClient } from './slackApi/client.js';
import { startWeeklyLeaderboard, startWorkspaceLeaderboards } from './leaderboard/index.js';
import { createSubscriptionStore, startStore, StoreError, type RunningStore, type StreakSchedule } from './store/index.js';
import { startDailyTips, startWorkspaceTips, tipOfTheDay, type TipScheduler } from './tips/index.js';

/** Slack gives a pod 30 s after SIGTERM at most; we promise 10 s, keeping margin for the exit itself. */
const SHUTDOWN_GRACE_MS = 8_000;
const SHUTDOWN_HARD_LIMIT_MS = 9_500;

async function main(): Promise<number> {
  // quiet: dotenv's banner would land on stdout, among the JSON log lines and the console's answers.
  dotenv.config({ quiet: true });
  const config = loadConfig();
  // The console's answers go to stdout, so its log lines go to stderr.
  const log = createLogger({ level: config.logLevel, secrets: secretsOf(config), destination: config.slack ? process.stdout : process.stderr });
  const kb = openKnowledge();
  const engine = openEngine(kb);
  const todaysTip = tipOfTheDay(kb, config.tips);

  if (config.slack === null) {
    await runConsole({ answers: createAnswers({ kb, engine, todaysTip }), input: process.stdin, output: process.stdout });
    return 0;
  }

  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  const { slack: connection } = config;
  const store = await openStore(config.store, config.tips, log);
  // OAuth mode: each workspace picks its channels with `/srm tips here`; one workspace: the settings name them.
  const subscriptions = connection.mode === 'oauth' ? createSubscriptionStore({ database: store.database, log }) : null;
  const channelPosts = { subscriptions, tips: config.tips, leaderboard: config.leaderboard };
  const answers = createAnswers({ kb, engine, todaysTip, records: store.quiz, channelPosts });
  const slack = createSlackApp(
    config,
    connection,
    {
      answers,
      log,
      feedback: createFeedbackReporter({ kb, log, channel: config.feedback.channel, perMinute: config.feedback.perMinute }),
      findingChannels: new Set(config.findingChannels),
    },
    // OAuth mode keeps the workspaces' installations in the store (docs/oauth.md).
    connection.mode === 'oauth' ? installationsIn(store, connection.tokenKeys, log) : undefined,
  );
  // The daily tip and the weekly leaderboard, once started.
  const schedules: TipScheduler[] = [];
  const stop = stopOnSignals(slack, store, schedules, log);
  // A failure after a start that did not wait for the database (it was unreachable then) stops the process too.
  store.ready.catch((error: unknown) => {
    log.fatal({ err: error }, storeFailure(config.store, error).message);
    stop(1);
  });
  await slack.start();
  // Only the process that should post tips gets TIP_CHANNELS (one process, or none when a CronJob runs
  // `srm post-tip`); posting is idempotent, so a second one costs Slack calls, not posts (docs/daily-tips.md).
  // OAuth mode refuses TIP_CHANNELS and LEADERBOARD_CHANNELS (src/config.ts): each workspace subscribes its own
  // channels, read at each tip time, and each is posted to with that workspace's token (docs/oauth.md).
  if (connection.mode === 'oauth') {
    const workspaces = (post: 'tip' | 'leaderboard') => installedWorkspaces(store, connection.tokenKeys, config, post, log);
    schedules.push(startWorkspaceTips({ workspaces: workspaces('tip'), kb, settings: config.tips, log }));
    if (config.leaderboard.day !== null) {
      schedules.push(
        startWorkspaceLeaderboards({
          workspaces: workspaces('leaderboard'),
          quiz: store.quiz,
          settings: config.leaderboard,
          timeZone: config.tips.timeZone,
          log,
        }),
      );
    }
  } else {
    const client = botClient(config, connection.botToken, log);
    if (config.tips.channels.length > 0) schedules.push(startDailyTips({ client, kb, settings: config.tips, log }));
    // Posting is idempotent per channel and week in the same way (docs/teams-and-evidence.md).
    if (config.leaderboard.channels.length > 0) {
      schedules.push(startWeeklyLeaderboard({ client, quiz: store.quiz, settings: config.leaderboard, timeZone: config.tips.timeZone, log }));
    }
  }
  return 0;
}

/**
 * Opens the quiz store before Slack can send a click: a store that cannot work (DATA_DIR in use, a failed
 * migration) stops the start with a message naming the setting. A PostgreSQL that cannot be reached does not:
 * the bot answers meanwhile and answers wait in memory until it is back (docs/teams-and-evidence.md).
 */
async function openStore(settings: StoreSettings, schedule: StreakSchedule, log: Logger): Promise<RunningStore> {
  const store = startStore({ settings, schedule, log });
  try {
    await store.opened;
  } catch (error) {
    await store.stop().catch(() => undefined);
    throw storeFailure(settings, error);
  }
  return store;
}

/** The store's error as a start-up message that says which setting points where. */
function storeFailure(settings: StoreSettings, error: unknown): StoreError {
  const where = settings.databaseUrl === null ? `DATA_DIR=${settings.dataDir} (the embedded database)` : 'DATABASE_URL (PostgreSQL)';
  const message = (error as Error)?.message ?? String(error);
  return new StoreError(`the quiz store at ${where} cannot be used: ${message}`);
}

/**
 * Bolt installs no signal handlers: stop taking work, let running requests finish, keep the answers they
 * recorded, exit within 10 s. Returns the same stop, for a fault that must end the process.
 */
function stopOnSignals(slack: SlackApp, store: RunningStore, schedules: readonly TipScheduler[], log: Logger): (code: number) => void {
  let stopping = false;
  const stop = (reason: NodeJS.Signals | number) => {
    if (stopping) return;
    stopping = true;
    log.info(typeof reason === 'number' ? { exit_code: reason } : { signal: reason }, 'shutting down: no new requests, finishing the running ones');
    // The log is written asynchronously: wait for the lines still on their way, so none is lost or reordered.
    const exit = (code: number) => log.flush(() => process.exit(code));
    setTimeout(() => {
      log.error('shutdown took too long, exiting anyway');
      // No waiting here: this is the limit that must hold even when the log cannot be written.
      process.exit(1);
    }, SHUTDOWN_HARD_LIMIT_MS).unref();
    // A tip post cut short by the hard limit is made by the next start (catch-up) or the next run.
    // The store stops after the requests: an answer recorded by a request still running is not cut off.
    Promise.all([
      slack.stop(SHUTDOWN_GRACE_MS).then(async (result) => {
        await store.stop();
        return result;
      }),
      ...schedules.map((schedule) => schedule.stop()),
    ]).then(
      ([{ drained }]) => {
        log.info({ drained }, 'stopped');
        exit(typeof reason === 'number' ? reason : drained ? 0 : 1);
      },
      (error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return stop;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StoreError) {
      process.stderr.write(`srm-bot cannot start: ${error.message}\nSee .env.example and README.md › Slack app.\n`);
    } else {
      process.stderr.write(`srm-bot cannot start: ${(error as Error).stack ?? String(error)}\n`);
    }
    // A half-started app (a listening server, a socket) would otherwise keep the process alive.
    process.exit(1);
  },
);
