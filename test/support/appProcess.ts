import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../src/knowledge/index.js';
import { freshDataDir } from './dataDir.js';
import { freePort } from './localServer.js';

/** The repository, whether this file runs from test/ (vitest) or dist/test/ (the HTTP benchmark). */
export const REPO_ROOT = packageRoot();

/** Credentials the tests give the app. They look real enough to pass config checks and must never be logged. */
export const TEST_BOT_TOKEN = 'xoxb-test-bot-token-never-logged';
export const TEST_APP_TOKEN = 'xapp-test-app-token-never-logged';
export const TEST_SIGNING_SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';

/** Every variable the app (and the srm CLI) reads, blank: a developer's .env or shell must not leak into a test. */
export const BLANK_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_APP_TOKEN: '',
  SLACK_SIGNING_SECRET: '',
  SLACK_CLIENT_ID: '',
  SLACK_CLIENT_SECRET: '',
  SLACK_STATE_SECRET: '',
  TOKEN_ENCRYPTION_KEY: '',
  TOKEN_ENCRYPTION_KEY_PREVIOUS: '',
  PORT: '',
  SLACK_API_URL: '',
  SLACK_API_RETRIES: '',
  LOG_LEVEL: '',
  FEEDBACK_CHANNEL: '',
  FEEDBACK_REPORTS_PER_MINUTE: '',
  TIP_CHANNELS: '',
  TIP_TIME: '',
  TIP_TIMEZONE: '',
  TIP_DAYS: '',
  FINDINGS_CHANNELS: '',
  DATABASE_URL: '',
  DATA_DIR: '',
  QUIZ_RETENTION_DAYS: '',
  LEADERBOARD_CHANNELS: '',
  LEADERBOARD_DAY: '',
  LEADERBOARD_TIME: '',
};

export interface RunningApp {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  /** Milliseconds from spawn to /healthz answering 200 (set once ready). */
  readyMs: number;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines written so far. */
  logs(): Array<Record<string, any>>;
  waitForLog(matches: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** Sends a signal and resolves with the exit code (or the signal that killed it). */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  env: Record<string, string>;
  /** `npm start` exactly as a person types it, or node directly (faster). */
  via?: 'npm' | 'node';
  /** With `via: 'node'`, the script to run instead of the app (the benchmark's bare Bolt app). */
  entry?: string;
  /** Leave the app's log unread, as production does: a benchmark must not spend its CPU keeping it. */
  quiet?: boolean;
  /** Wait for /healthz to answer 200 before resolving (HTTP and Socket Mode). */
  waitReady?: boolean;
  stdin?: string;
}

/** Starts the built app (dist/src/main.js) as a child process, the way it runs in production. */
export async function startApp({ env, via = 'node', entry = 'dist/src/main.js', quiet = false, waitReady = true, stdin }: StartOptions): Promise<RunningApp> {
  const port = env.PORT !== undefined ? Number(env.PORT) : await freePort();
  const [command, args] = via === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, [entry]];
  // Unless the test picks the store, each app gets an embedded one of its own, removed when it exits.
  const ownData = env.DATA_DIR === undefined && env.DATABASE_URL === undefined ? await freshDataDir() : null;
  const started = performance.now();
  const child = spawn(command, args as string[], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...BLANK_ENV, PORT: String(port), SLACK_API_RETRIES: '1', LOG_LEVEL: 'debug', ...(ownData && { DATA_DIR: ownData }), ...env },
    stdio: ['pipe', quiet ? 'ignore' : 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  if (stdin !== undefined) child.stdin!.end(stdin);
  const exited = once(child, 'exit').then(([code, signal]) => {
    if (ownData) rmSync(ownData, { recursive: true, force: true });
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });

  const logs = () =>
    out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, any>);
  const baseUrl = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    child,
    baseUrl,
    port,
    readyMs: Number.NaN,
    stdout: () => out,
    stderr: () => err,
    logs,
    exited,
    async waitForLog(matches, timeoutMs = 8_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logs().find(matches);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching log line within ${timeoutMs} ms; last lines:\n${tail(out)}\nstderr:\n${tail(err)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (waitReady) {
    await waitUntilReady(app);
    app.readyMs = performance.now() - started;
  }
  return app;
}

/** Polls GET /healthz until it answers 200; kills the app and fails if it does not in time or exits. */
export async function waitUntilReady(app: RunningApp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void app.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`${app.baseUrl}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    // Often enough that the start-to-ready time it yields is within a few ms of the truth.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await app.stop('SIGKILL');
  throw new Error(`the app did not become ready; stdout:\n${tail(app.stdout())}\nstderr:\n${tail(app.stderr())}`);
}

/** The end of a long output, each line cut short: enough to see what happened without flooding the report. */
const tail = (text: string, lines = 15) =>
  text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line))
    .join('\n');
