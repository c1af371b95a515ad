import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../src/cards/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { openDatabase } from '../src/store/index.js';
import { addDays, localDateTime } from '../src/tips/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type RunningApp } from './support/appProcess.js';
import { runSrm } from './support/cli.js';
import { FakeSlack } from './support/fakeSlack.js';
import { POSTGRES_MISSING, startTestCluster, type TestCluster } from './support/postgres.js';
import { answerCount } from './support/storedAnswers.js';
import { quizAnswerClick, sendToApp, slashCommand, type SlackRequest } from './support/slackRequests.js';

/**
 * Two replicas of the built app in HTTP mode behind one PostgreSQL, as a load balancer spreads Slack's requests:
 * 200 different quiz answers, each delivered twice (the second time as Slack's retry, half of them to the other
 * replica, some while the first is still running), make exactly 200 rows, which `/srm stats` and `srm evidence`
 * then show.
 */

const kb = loadKnowledge();
const USERS = 20;
const QUESTIONS = kb.quiz.slice(0, 10);
const IN_FLIGHT = 16;

interface Click {
  user: string;
  question: (typeof QUESTIONS)[number];
  correct: boolean;
  request: SlackRequest;
  responseId: string;
}

/** Every person answers every question once: 20 × 10 different answers, a third of them wrong. */
function everyonesAnswers(fake: FakeSlack): Click[] {
  return QUESTIONS.flatMap((question, q) =>
    Array.from({ length: USERS }, (_, u) => {
      const user = `U0REPLICA${String(u).padStart(2, '0')}`;
      const correct = (q + u) % 3 !== 0;
      const chosen = correct ? question.answer : (question.answer + 1) % question.choices.length;
      const responseId = `answer-${q}-${u}`;
      return {
        user,
        question,
        correct,
        responseId,
        request: quizAnswerClick(question, chosen, { user, responseUrl: fake.responseUrl(responseId), ephemeral: true }),
      };
    }),
  );
}

let fake: FakeSlack;
let cluster: TestCluster;
let databaseUrl: string;
let replicas: RunningApp[] = [];
let clicks: Click[] = [];

if (POSTGRES_MISSING !== null) console.warn(`two-replica test skipped: ${POSTGRES_MISSING}`);

describe.skipIf(POSTGRES_MISSING !== null)('two replicas sharing one PostgreSQL', () => {
  beforeAll(async () => {
    fake = await FakeSlack.start();
    cluster = await startTestCluster();
    databaseUrl = await cluster.createDatabase();
    clicks = everyonesAnswers(fake);
    const env = {
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      // A Web API call the fake fails is not retried: no request waits on the client's back-off.
      SLACK_API_RETRIES: '0',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
    };
    // Started together, as a rollout does: the migrations run once, under their lock.
    replicas = await Promise.all([startApp({ env }), startApp({ env })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await fake?.close();
    cluster?.stop();
  });

  it('records 200 answers delivered twice across both replicas exactly once; /srm stats and srm evidence show them', async () => {
    // IN_FLIGHT clicks at a time, the first deliveries alternating between the replicas; half of the retries go
    // to the other replica (clicks 2, 3, 6, 7…), half to the same one.
    let next = 0;
    const worker = async () => {
      while (next < clicks.length) {
        const i = next++;
        const click = clicks[i]!;
        const first = replicas[i % 2]!;
        const crosses = Math.floor(i / 2) % 2 === 1;
        const retry = replicas[(i + (crosses ? 1 : 0)) % 2]!;
        const original = () => deliver(first, click.request);
        const again = () => deliver(retry, click.request, { num: 1, reason: 'http_timeout' });
        // One in five retries arrives while the first delivery is still being answered.
        if (i % 5 === 0) await Promise.all([original(), again()]);
        else {
          await original();
          await again();
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    // Every delivery was acked and answered at its response_url; the answer is posted after the ack, so it may land a
    // moment after the last delivery returns.
    const answered = await until(
      async () => clicks.map((click) => fake.responsesTo(click.responseId).length),
      (counts) => counts.every((count) => count >= 1),
    );
    for (const count of answered) expect(count).toBeGreaterThanOrEqual(1);
    // Each delivery's log line is written once its listener is done, after the ack: recording comes last.
    const outcomesOf = () => replicas.map((replica) => replica.logs().filter((line) => line.msg === 'request' && line.recorded !== undefined));
    const outcomes = await until(
      async () => outcomesOf(),
      (lines) => lines.flat().length >= 2 * clicks.length,
    );
    expect(outcomes.flat()).toHaveLength(2 * clicks.length);
    expect(outcomes.flat().filter((line) => !['recorded', 'duplicate', 'queued'].includes(line.recorded))).toEqual([]);
    // No click was recorded twice, and each replica found clicks the other had stored.
    expect(outcomes.flat().filter((line) => line.recorded === 'recorded').length).toBeLessThanOrEqual(clicks.length);
    for (const lines of outcomes) expect(lines.some((line) => line.recorded === 'duplicate')).toBe(true);

    const database = await openDatabase({ databaseUrl, dataDir: tmpdir(), retentionDays: 730 });
    try {
      // An answer the database was too slow for waits in memory and is stored on the next retry (10 s).
      const rows = await until(
        () => answerCount(database),
        (count) => count >= clicks.length,
      );
      expect(rows).toBe(clicks.length);
      const { rows: kept } = await database.query<{ user_id: string; question: string; correct: boolean; workspace: string }>(
        'SELECT user_id, question, correct, workspace FROM quiz_answers ORDER BY user_id, question',
      );
      const expected = clicks
        .map((click) => ({ user_id: click.user, question: click.question.id, correct: click.correct, workspace: 'T0TEST' }))
        .sort((a, b) => (a.user_id === b.user_id ? (a.question < b.question ? -1 : 1) : a.user_id < b.user_id ? -1 : 1));
      expect(kept).toEqual(expected);
    } finally {
      await database.close();
    }

    const right = (user: string) => clicks.filter((click) => click.user === user && click.correct).length;
    const stats = await askStats(replicas[1]!, 'U0REPLICA00');
    expect(stats).toContain(`${right('U0REPLICA00')} of ${QUESTIONS.length} answers right`);
    expect(stats).toContain(`${USERS} people answered ${clicks.length} questions`);

    const today = localDateTime(Date.now(), 'UTC').date;
    const evidence = await runSrm(['evidence', '--from', addDays(today, -1), '--to', addDays(today, 1), '--format', 'csv'], { DATABASE_URL: databaseUrl });
    expect(evidence).toMatchObject({ code: 0, stderr: '' });
    const [header, ...people] = evidence.stdout.trimEnd().split('\r\n');
    expect(header).toBe('workspace,user_id,name,questions_answered,correct,first_date,last_date,days_active');
    expect(people).toHaveLength(USERS);
    for (const row of people) {
      const [workspace, user, , answered, correct] = row.split(',');
      expect([workspace, Number(answered), Number(correct)]).toEqual(['T0TEST', QUESTIONS.length, right(user!)]);
    }
  }, 60_000);
});

async function deliver(replica: RunningApp, request: SlackRequest, retry?: { num: number; reason: string }): Promise<void> {
  const response = await sendToApp(replica.baseUrl, request, { secret: TEST_SIGNING_SECRET, ...(retry && { retry }) });
  expect(response.status).toBe(200);
}

/** Reads `value` until `done` says so, for at most 15 s, and returns the last reading. */
async function until<T>(value: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const reading = await value();
    if (done(reading) || Date.now() > deadline) return reading;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `/srm stats` as `user`, signed as Slack sends it: the text of the private answer at the response_url. */
async function askStats(replica: RunningApp, user: string): Promise<string> {
  const responseId = `stats-${user}`;
  const ack = await sendToApp(replica.baseUrl, slashCommand('stats', { responseUrl: fake.responseUrl(responseId), user }), { secret: TEST_SIGNING_SECRET });
  expect(ack.status).toBe(200);
  return JSON.stringify(((await fake.waitForResponse(responseId)) as SlackMessage).blocks);
}
