/**
 * `npm run bench:http`: what srm-bot costs per slash command next to a bare @slack/bolt app that only acks.
 * Each app runs alone as a child process on 127.0.0.1 against a local fake Slack Web API and gets the same
 * correctly signed `/srm` requests from autocannon, in alternating rounds. Prints requests/s, ack latency
 * p50/p95/p99, errors, server CPU per request, peak RSS (VmHWM of the server process) and the ratio
 * srm-bot/bare, then the time from start to ready (/healthz 200) for `node dist/src/main.js` and for
 * `npm start`. A third app, the bare one acking with srm-bot's own answer, separates the cost of the answer's
 * size from the cost of srm-bot's code; a fourth, srm-bot asked a new question every time, shows what it costs
 * when its cache of cards never helps. Then quiz answer clicks (each a new person's answer, so each is stored):
 * their ack latency with the embedded store against a throwaway PostgreSQL, started as the tests start one when
 * its binaries are there. Asserts nothing: timings vary by machine; the targets are printed beside the figures.
 * BENCH_ONLY=quiz runs the quiz clicks alone.
 * Bounded: every run is a fixed number of requests with a per-request timeout; the script stops by itself.
 */
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { StoreSettings } from '../src/config.js';
import { openKnowledge, packageRoot } from '../src/knowledge/index.js';
import { startApp, type RunningApp } from '../test/support/appProcess.js';
import { freshDataDir } from '../test/support/dataDir.js';
import { FakeSlack } from '../test/support/fakeSlack.js';
import { POSTGRES_MISSING, startTestCluster, type TestCluster } from '../test/support/postgres.js';
import { quizAnswerClick, signature, slashCommand, type SlackRequest } from '../test/support/slackRequests.js';
import { answersKeptIn } from '../test/support/storedAnswers.js';
import { median, percentile } from './stats.js';

const REQUESTS = positiveInt('BENCH_REQUESTS', 2_000);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 20);
const ROUNDS = positiveInt('BENCH_ROUNDS', 5);
// Enough for V8 to have optimised the hot paths of both apps: with a few hundred, srm-bot's larger code was
// still being compiled during the measured run, on the cores the run shares.
const WARMUP_REQUESTS = positiveInt('BENCH_WARMUP', 2_000);
const STARTS = 5;
const QUESTION = process.env.BENCH_QUESTION ?? 'who patches rds';
/** `quiz`: only the quiz clicks (embedded store against PostgreSQL); anything else or unset: everything. */
const ONLY = process.env.BENCH_ONLY ?? '';
/**
 * Throughput is judged against the bare app acking srm-bot's own answer: what Slack would cost any app saying as
 * much. A quiz click's ack with PostgreSQL is judged against the same click on the embedded store.
 */
const TARGETS = { throughputRatio: 0.9, p99Ratio: 1.25, readyMs: 1_500, quizP99Ratio: 1.25 };

const BOT_TOKEN = 'xoxb-bench-not-a-real-token';
const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const ROOT = packageRoot();

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0, got "${raw}"`);
  return value;
}

interface AppUnderTest {
  name: string;
  /** Argv after node: the server's entry point. */
  entry: string;
  env?: Record<string, string>;
  /** What it is sent, when not QUESTION as a slash command every time. */
  load?: () => Load;
}

/** What a run sends: one request by hand first, then autocannon's requests. */
interface Load {
  /** The request by hand; resolves with the ack's body, throws when the server answered wrongly. */
  check(app: AppUnderTest, baseUrl: string): Promise<string>;
  /** autocannon's request source, one for warm-up and run; undefined: QUESTION as a slash command every time. */
  requests?: autocannon.Request;
}

const BARE: AppUnderTest = { name: 'bare Bolt app', entry: join(ROOT, 'dist', 'bench', 'bareBoltApp.js') };
const SRM_BOT: AppUnderTest = { name: 'srm-bot', entry: join(ROOT, 'dist', 'src', 'main.js') };
/** Not a target: srm-bot when its cache of cards never helps. */
const SRM_BOT_NEW_QUESTIONS: AppUnderTest = {
  ...SRM_BOT,
  name: 'srm-bot, new questions',
  load: () => ({ check: checkAnswer, requests: newQuestionEachTime() }),
};
/** Not a target: the bare app acking with srm-bot's own answer, to tell the answer's size from srm-bot's code. */
const bareWithAnswer = (answer: string): AppUnderTest => ({ ...BARE, name: 'bare + answer', env: { BENCH_ACK_BODY: answer } });

/** The environment of a production HTTP-mode start, with nothing inherited that could change the mode. */
function serverEnv(fake: FakeSlack): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_API_RETRIES: '',
    LOG_LEVEL: 'info',
  };
}

/** Starts a server and resolves once /healthz answers 200. Its log lines are written, as in production, but not read. */
const startServer = (fake: FakeSlack, options: { entry?: string; via?: 'npm'; env?: Record<string, string> } = {}): Promise<RunningApp> =>
  startApp({
    env: { ...serverEnv(fake), ...options.env },
    quiet: true,
    ...(options.entry && { entry: options.entry }),
    ...(options.via && { via: options.via }),
  });

/** A request exactly as Slack posts it, signed now (Bolt accepts a signature for 5 minutes). */
function signed({ body, contentType }: SlackRequest): { body: string; headers: Record<string, string> } {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(SIGNING_SECRET, timestamp, body) },
  };
}

const signedSlashCommand = (text: string) => signed(slashCommand(text, { responseUrl: 'http://127.0.0.1:9/respond' }));

/** One request by hand first, whose ack body it returns: a fast server that answers wrongly would make a meaningless figure. */
async function checkAnswer(app: AppUnderTest, baseUrl: string): Promise<string> {
  const request = signedSlashCommand(QUESTION);
  const response = await fetch(`${baseUrl}/slack/events`, { method: 'POST', ...request, signal: AbortSignal.timeout(3_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${app.name} answered ${response.status}: ${text}`);
  // By entry, not identity: every srm-bot variant (e.g. SRM_BOT_NEW_QUESTIONS) is a copy of SRM_BOT.
  if (app.entry === SRM_BOT.entry && !Array.isArray((JSON.parse(text) as { blocks?: unknown }).blocks)) {
    throw new Error(`${app.name} acked without a card: ${text}`);
  }
  return text;
}

interface LoadResult {
  requests: number;
  seconds: number;
  latenciesMs: number[];
  errors: number;
}

let holdout: string[] | undefined;

/**
 * Where the questions of `srm-bot, new questions` come from: the holdout sets, which the engine was not tuned on.
 * Read on the first such run and kept, so the file reads stay out of every later round.
 */
function holdoutQuestions(): string[] {
  holdout ??= ['holdout.jsonl', 'holdout2.jsonl', 'holdout3.jsonl'].flatMap((file) =>
    readFileSync(join(ROOT, 'eval', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );
  return holdout;
}

/**
 * Every request a question never asked before (a holdout question plus a ticket number, which the engine
 * ignores), each signed by autocannon as it goes: what srm-bot costs when its cache of cards never helps.
 */
function newQuestionEachTime(): autocannon.Request {
  const questions = holdoutQuestions();
  let sent = 0;
  return {
    setupRequest: (request) => {
      sent += 1;
      const { body, headers } = signedSlashCommand(`${questions[sent % questions.length]} (ticket ${sent})`);
      return { ...request, body, headers };
    },
  };
}

async function fire(baseUrl: string, amount: number, requests?: autocannon.Request): Promise<LoadResult> {
  const request = signedSlashCommand(QUESTION);
  const latenciesMs: number[] = [];
  let badStatus = 0;
  let lastResponse = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}/slack/events`,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        ...(requests && { requests: [requests] }),
        connections: CONNECTIONS,
        amount,
        // Seconds. Slack gives up after 3; a slower ack is an error here too.
        timeout: 3,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latenciesMs.push(responseTime);
      lastResponse = performance.now();
      if (statusCode !== 200) badStatus += 1;
    });
  });
  return {
    requests: result.requests.total,
    // To the last answer, not to autocannon's end: it notices the count was reached on a 1-second tick, which
    // would round every run of a second or two up to a whole second.
    seconds: (lastResponse - started) / 1000,
    latenciesMs,
    errors: result.errors + result.timeouts + badStatus,
  };
}

/**
 * CPU time a process has used so far, all threads, in ms (Linux: utime + stime in /proc/<pid>/stat, in clock
 * ticks of 10 ms). Per request it is the figure the machine's load disturbs least.
 */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Peak resident set size of a process so far, in MiB (Linux: VmHWM in /proc/<pid>/status). */
function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  cpuUs: number;
  rssMiB: number;
  apiCalls: number;
}

async function measure(app: AppUnderTest, fake: FakeSlack): Promise<{ figures: Figures; answer: string }> {
  const server = await startServer(fake, { entry: app.entry, ...(app.env && { env: app.env }) });
  const pid = server.child.pid!;
  try {
    const load = app.load?.() ?? { check: checkAnswer };
    const answer = await load.check(app, server.baseUrl);
    // One source for warm-up and run, so no question (or quiz answer) of the run was already sent in the warm-up.
    await fire(server.baseUrl, WARMUP_REQUESTS, load.requests);
    const callsBefore = fake.calls.length;
    const cpuBefore = cpuMs(pid);
    const run = await fire(server.baseUrl, REQUESTS, load.requests);
    const sorted = [...run.latenciesMs].sort((a, b) => a - b);
    const figures = {
      rps: run.requests / run.seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      errors: run.errors,
      cpuUs: (1000 * (cpuMs(pid) - cpuBefore)) / run.requests,
      rssMiB: peakRssMiB(pid),
      apiCalls: fake.calls.length - callsBefore,
    };
    return { figures, answer };
  } finally {
    await server.stop();
  }
}

const COLUMNS: Array<[string, (f: Figures) => string]> = [
  ['req/s', (f) => f.rps.toFixed(0)],
  ['p50 ms', (f) => f.p50.toFixed(1)],
  ['p95 ms', (f) => f.p95.toFixed(1)],
  ['p99 ms', (f) => f.p99.toFixed(1)],
  ['errors', (f) => String(f.errors)],
  ['CPU µs/req', (f) => f.cpuUs.toFixed(0)],
  ['peak RSS MiB', (f) => f.rssMiB.toFixed(1)],
  ['API calls', (f) => String(f.apiCalls)],
];
const HEADER = `${''.padEnd(18)}${COLUMNS.map(([title]) => title.padStart(13)).join('')}`;
const row = (name: string, f: Figures) => `${name.padEnd(18)}${COLUMNS.map(([, value]) => value(f).padStart(13)).join('')}`;

function medianFigures(runs: readonly Figures[]): Figures {
  const pick = (key: keyof Figures) => median(runs.map((r) => r[key]));
  return {
    rps: pick('rps'),
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    errors: pick('errors'),
    cpuUs: pick('cpuUs'),
    rssMiB: pick('rssMiB'),
    apiCalls: pick('apiCalls'),
  };
}

/** Median over rounds of a ratio taken within each round. */
const ratio = (runs: readonly Figures[], base: readonly Figures[], key: keyof Figures) => median(runs.map((r, i) => r[key] / base[i]![key]));

async function readyTimes(fake: FakeSlack, via?: 'npm'): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const server = await startServer(fake, via && { via });
    times.push(server.readyMs);
    await server.stop();
  }
  return times;
}

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/** The slash-command rounds against the bare app, then the start times. */
async function slashCommands(fake: FakeSlack): Promise<void> {
  console.log(
    `HTTP ack benchmark: node ${process.version}, ${REQUESTS} signed "/srm ${QUESTION}" per run at concurrency ${CONNECTIONS} ` +
      `(after ${WARMUP_REQUESTS} warm-up), autocannon on 127.0.0.1, ${ROUNDS} alternating rounds; ` +
      `${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)} before the start`,
  );
  console.log(HEADER);
  const bareRuns: Figures[] = [];
  const srmRuns: Figures[] = [];
  const payloadRuns: Figures[] = [];
  const newQuestionRuns: Figures[] = [];
  let answerBytes = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = (await measure(BARE, fake)).figures;
    bareRuns.push(bare);
    console.log(row(`bare #${round}`, bare));
    const srm = await measure(SRM_BOT, fake);
    srmRuns.push(srm.figures);
    answerBytes = Buffer.byteLength(srm.answer);
    console.log(row(`srm-bot #${round}`, srm.figures));
    const payload = (await measure(bareWithAnswer(srm.answer), fake)).figures;
    payloadRuns.push(payload);
    console.log(row(`bare+answer #${round}`, payload));
    const fresh = (await measure(SRM_BOT_NEW_QUESTIONS, fake)).figures;
    newQuestionRuns.push(fresh);
    console.log(row(`srm-bot new q #${round}`, fresh));
  }
  console.log('median of rounds:');
  console.log(row('bare Bolt app', medianFigures(bareRuns)));
  console.log(row('srm-bot', medianFigures(srmRuns)));
  console.log(row('bare + answer', medianFigures(payloadRuns)));
  console.log(row('srm-bot new q', medianFigures(newQuestionRuns)));
  // Ratios per round, then their median: the runs of a round are seconds apart and share whatever else the
  // machine was doing, so a busy moment does not count against one app only.
  const throughput = ratio(srmRuns, payloadRuns, 'rps');
  const p99 = ratio(srmRuns, payloadRuns, 'p99');
  console.log(
    `srm-bot/(bare + answer) (median of per-round ratios): throughput ${throughput.toFixed(2)} ` +
      `(target ≥ ${TARGETS.throughputRatio}: ${verdict(throughput >= TARGETS.throughputRatio)}), ` +
      `p99 ${p99.toFixed(2)}× (target ≤ ${TARGETS.p99Ratio}×: ${verdict(p99 <= TARGETS.p99Ratio)}), ` +
      `CPU per request ${ratio(srmRuns, payloadRuns, 'cpuUs').toFixed(2)}×`,
  );
  console.log(
    `srm-bot/bare: throughput ${ratio(srmRuns, bareRuns, 'rps').toFixed(2)}, p99 ${ratio(srmRuns, bareRuns, 'p99').toFixed(2)}×, ` +
      `CPU per request ${ratio(srmRuns, bareRuns, 'cpuUs').toFixed(2)}×, peak RSS ${ratio(srmRuns, bareRuns, 'rssMiB').toFixed(2)}×`,
  );
  console.log(
    `the answer's size alone (bare + answer / bare): throughput ${ratio(payloadRuns, bareRuns, 'rps').toFixed(2)}, ` +
      `p99 ${ratio(payloadRuns, bareRuns, 'p99').toFixed(2)}×, CPU per request ${ratio(payloadRuns, bareRuns, 'cpuUs').toFixed(2)}× ` +
      `(srm-bot's ack body: ${answerBytes} bytes)`,
  );
  // autocannon signs each of these requests itself, on the CPU the server shares: its CPU per request is the
  // figure to read, not its requests/s.
  console.log(
    `srm-bot when every question is new (no cached card; new q / bare): CPU per request ` +
      `${ratio(newQuestionRuns, bareRuns, 'cpuUs').toFixed(2)}×, p99 ${ratio(newQuestionRuns, bareRuns, 'p99').toFixed(2)}×, ` +
      `throughput ${ratio(newQuestionRuns, bareRuns, 'rps').toFixed(2)}`,
  );

  const direct = await readyTimes(fake);
  const viaNpm = await readyTimes(fake, 'npm');
  const ms = (times: number[]) => `median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`;
  console.log(`start to ready (/healthz 200), ${STARTS} starts each, target ≤ ${TARGETS.readyMs} ms:`);
  console.log(`  node dist/src/main.js  ${ms(direct)}: ${verdict(median(direct) <= TARGETS.readyMs)}`);
  console.log(`  npm start              ${ms(viaNpm)}: ${verdict(median(viaNpm) <= TARGETS.readyMs)}`);
}

let quizQuestions: ReturnType<typeof openKnowledge>['quiz'] | undefined;
let answersSent = 0;

/** A quiz answer never sent before: a new person each time (so each one is stored), the questions in turn. */
function newQuizAnswer(fake: FakeSlack, responseId: string): SlackRequest {
  quizQuestions ??= openKnowledge().quiz;
  answersSent += 1;
  const question = quizQuestions[answersSent % quizQuestions.length]!;
  return quizAnswerClick(question, question.answer, { user: `U0BENCH${answersSent}`, responseUrl: fake.responseUrl(responseId), ephemeral: true });
}

/** Where every click of the runs is answered (the result, at its response_url). */
const QUIZ_RESPONSES = 'bench-quiz';

/** One click by hand: acked with 200, and its result at the response_url, or the figures would mean nothing. */
async function checkQuizClick(fake: FakeSlack, app: AppUnderTest, baseUrl: string): Promise<string> {
  const responseId = `bench-quiz-check-${answersSent}`;
  const response = await fetch(`${baseUrl}/slack/events`, { method: 'POST', ...signed(newQuizAnswer(fake, responseId)), signal: AbortSignal.timeout(3_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${app.name} answered a quiz click ${response.status}: ${text}`);
  const result = await fake.waitForResponse(responseId);
  if (!Array.isArray(result.blocks)) throw new Error(`${app.name} answered a quiz click without its result: ${JSON.stringify(result)}`);
  return text;
}

/** A store for one quiz run: what the app is given, and how to count the answers kept once it has stopped. */
interface QuizStore {
  name: string;
  env: Record<string, string>;
  settings: StoreSettings;
  remove(): void;
}

async function embeddedStore(): Promise<QuizStore> {
  const dataDir = await freshDataDir();
  return {
    name: 'embedded',
    env: { DATA_DIR: dataDir },
    settings: { databaseUrl: null, dataDir, retentionDays: 730 },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresStore(cluster: TestCluster): Promise<QuizStore> {
  const databaseUrl = await cluster.createDatabase();
  return { name: 'PostgreSQL', env: { DATABASE_URL: databaseUrl }, settings: { databaseUrl, dataDir: tmpdir(), retentionDays: 730 }, remove: () => undefined };
}

/**
 * One run of quiz answer clicks on a fresh store: the click is acked first and recorded after its result is sent
 * (src/slack/listeners/actions/quizAnswer.ts), so what the store costs the ack is the work it adds to the process.
 * Also counts the answers the store kept against the clicks answered: a figure from a store that fell behind
 * would flatter it.
 */
async function measureQuizClicks(fake: FakeSlack, store: QuizStore): Promise<{ figures: Figures; stored: number; answered: number }> {
  const app: AppUnderTest = {
    ...SRM_BOT,
    name: `srm-bot, ${store.name}`,
    env: store.env,
    load: () => ({
      check: (app, baseUrl) => checkQuizClick(fake, app, baseUrl),
      requests: { setupRequest: (request) => ({ ...request, ...signed(newQuizAnswer(fake, QUIZ_RESPONSES)) }) },
    }),
  };
  try {
    const { figures } = await measure(app, fake);
    // The check's click too. measure() has stopped the app: what waited in memory was stored or logged as lost.
    const answered = fake.responsesTo(QUIZ_RESPONSES).length + 1;
    return { figures, stored: await answersKeptIn(store.settings), answered };
  } finally {
    store.remove();
    // The fake keeps every result posted; a run's are not needed after it.
    fake.reset();
  }
}

/** Quiz clicks on the embedded store and on PostgreSQL in alternating rounds, and the p99 ratio between them. */
async function quizClicks(fake: FakeSlack): Promise<void> {
  console.log(
    `quiz answer clicks: ${REQUESTS} signed clicks per run at concurrency ${CONNECTIONS} (after ${WARMUP_REQUESTS} warm-up), ` +
      `each a new person's answer, on a fresh store; ${ROUNDS} alternating rounds; load average ${loadavg()[0]!.toFixed(2)}`,
  );
  const cluster = POSTGRES_MISSING === null ? await startTestCluster() : null;
  if (cluster === null) console.log(`  PostgreSQL skipped: ${POSTGRES_MISSING}`);
  try {
    console.log(HEADER);
    const runs: Record<'embedded' | 'postgres', Figures[]> = { embedded: [], postgres: [] };
    const report = (name: string, run: { figures: Figures; stored: number; answered: number }) =>
      console.log(`${row(name, run.figures)}   stored ${run.stored} of ${run.answered} answered`);
    for (let round = 1; round <= ROUNDS; round++) {
      const embedded = await measureQuizClicks(fake, await embeddedStore());
      runs.embedded.push(embedded.figures);
      report(`embedded #${round}`, embedded);
      if (cluster === null) continue;
      const postgres = await measureQuizClicks(fake, await postgresStore(cluster));
      runs.postgres.push(postgres.figures);
      report(`PostgreSQL #${round}`, postgres);
    }
    console.log('median of rounds:');
    console.log(row('embedded', medianFigures(runs.embedded)));
    if (cluster === null) return;
    console.log(row('PostgreSQL', medianFigures(runs.postgres)));
    const p99 = ratio(runs.postgres, runs.embedded, 'p99');
    console.log(
      `quiz click ack, PostgreSQL/embedded (median of per-round ratios): p99 ${p99.toFixed(2)}× ` +
        `(target ≤ ${TARGETS.quizP99Ratio}×: ${verdict(p99 <= TARGETS.quizP99Ratio)}), p50 ${ratio(runs.postgres, runs.embedded, 'p50').toFixed(2)}×, ` +
        `throughput ${ratio(runs.postgres, runs.embedded, 'rps').toFixed(2)}, srm-bot's CPU per request ${ratio(runs.postgres, runs.embedded, 'cpuUs').toFixed(2)}×`,
    );
  } finally {
    cluster?.stop();
  }
}

async function main(): Promise<void> {
  const fake = await FakeSlack.start();
  try {
    if (ONLY !== 'quiz') await slashCommands(fake);
    await quizClicks(fake);
  } finally {
    await fake.close();
  }
}

await main();
