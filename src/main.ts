import dotenv from 'dotenv';
import { createAnswers } from './answers/index.js';
import { runConsole } from './cli/console.js';
import { ConfigError, loadConfig, secretsOf } from './config.js';
import { openEngine } from './engine/index.js';
import { createFeedbackReporter } from './feedback/index.js';
import { KnowledgeError, openKnowledge } from './knowledge/index.js';
import { createLogger, type Logger } from './logger.js';
import { createSlackApp, type SlackApp } from './slack/app.js';
import { installationsIn } from './slack/installationStore.js';
import { botClient } from './slackApi/client.js';
import { startStore, type RunningStore } from './store/index.js';
import { startDailyTips, tipOfTheDay, type TipScheduler } from './tips/index.js';

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
  const answers = createAnswers({ kb, engine: openEngine(kb), todaysTip: tipOfTheDay(kb, config.tips) });

  if (config.slack === null) {
    await runConsole({ answers, input: process.stdin, output: process.stdout });
    return 0;
  }

  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  const { slack: connection } = config;
  // OAuth mode keeps the workspaces' installations in the store (docs/oauth.md).
  const store = connection.mode === 'oauth' ? startStore({ settings: config.store, schedule: config.tips, log }) : null;
  const slack = createSlackApp(
    config,
    connection,
    {
      answers,
      log,
      feedback: createFeedbackReporter({ kb, log, channel: config.feedback.channel, perMinute: config.feedback.perMinute }),
      findingChannels: new Set(config.findingChannels),
    },
    store && connection.mode === 'oauth' ? installationsIn(store, connection.tokenKeys, log) : undefined,
  );
  let tips: TipScheduler | null = null;
  stopOnSignals(slack, () => tips, store, log);
  // A migration that fails stops the start, naming the step; a database being reached only delays readiness.
  store?.ready.catch((error: unknown) => {
    process.stderr.write(`srm-bot cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  });
  await slack.start();
  // Only the process that should post tips gets TIP_CHANNELS (one process, or none when a CronJob runs
  // `srm post-tip`); posting is idempotent, so a second one costs Slack calls, not posts (docs/daily-tips.md).
  // OAuth mode refuses TIP_CHANNELS (src/config.ts): tips are one workspace's.
  if (config.tips.channels.length > 0 && connection.mode !== 'oauth') {
    tips = startDailyTips({ client: botClient(config, connection.botToken, log), kb, settings: config.tips, log });
  }
  return 0;
}

/** Bolt installs no signal handlers: stop taking work, let running requests finish, exit within 10 s. */
function stopOnSignals(slack: SlackApp, tips: () => TipScheduler | null, store: RunningStore | null, log: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new requests, finishing the running ones');
    // The log is written asynchronously: wait for the lines still on their way, so none is lost or reordered.
    const exit = (code: number) => log.flush(() => process.exit(code));
    setTimeout(() => {
      log.error('shutdown took too long, exiting anyway');
      // No waiting here: this is the limit that must hold even when the log cannot be written.
      process.exit(1);
    }, SHUTDOWN_HARD_LIMIT_MS).unref();
    // A tip post cut short by the hard limit is made by the next start (catch-up) or the next run.
    Promise.all([slack.stop(SHUTDOWN_GRACE_MS).finally(() => store?.stop()), tips()?.stop()]).then(
      ([{ drained }]) => {
        log.info({ drained }, 'stopped');
        exit(drained ? 0 : 1);
      },
      (error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      process.stderr.write(`srm-bot cannot start: ${error.message}\nSee .env.example and README.md › Slack app.\n`);
    } else {
      process.stderr.write(`srm-bot cannot start: ${(error as Error).stack ?? String(error)}\n`);
    }
    // A half-started app (a listening server, a socket) would otherwise keep the process alive.
    process.exit(1);
  },
);
