import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuizStore, migrate, openDatabase, startStore, type Database, type QuizAnswer } from '../src/store/index.js';
import { captureLog } from './support/logCapture.js';
import { storeBackends } from './support/stores.js';

const SCHEDULE = { days: [1, 2, 3, 4, 5], timeZone: 'UTC' };
const answer = (attempt: string): QuizAnswer => ({
  workspace: 'T0TEAM',
  user: 'U0ALICE',
  userName: null,
  question: 'q1',
  attempt,
  correct: true,
  answeredAt: new Date('2026-12-01T10:00:00Z'),
});

/** A server that accepts connections and never says a word: a database that hangs. */
async function silentServer(): Promise<{ url: string; close(): void }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `postgres://srm:test-password@127.0.0.1:${port}/srm`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

const backends = storeBackends();
const postgres = backends[1]!;

describe('a database that hangs', () => {
  let hanging: { url: string; close(): void };
  let database: Database;
  beforeAll(async () => {
    hanging = await silentServer();
    database = await openDatabase({ databaseUrl: hanging.url, dataDir: '.', retentionDays: 730 });
  });
  afterAll(() => {
    hanging.close();
    void database.close().catch(() => undefined);
  });

  it('gives the caller its answer at the timeout, while the database still has not answered, with one warning', async () => {
    const capture = captureLog();
    const quiz = createQuizStore({ database: () => database, log: capture.log, schedule: SCHEDULE, timeoutMs: 200, retryEveryMs: 60_000 });
    expect(await Promise.all([quiz.record(answer('a')), quiz.record(answer('b'))])).toEqual(['queued', 'queued']);
    expect(await quiz.stats('T0TEAM', 'U0ALICE')).toBeNull();
    expect(quiz.waiting).toBe(2);
    const warnings = capture.lines().filter((line) => line.level === 40);
    expect(warnings.map((line) => line.msg)).toEqual([
      expect.stringMatching(/^quiz answers are not being recorded: no answer from the database within 200 ms; they are kept in memory/),
      expect.stringMatching(/^quiz stats unavailable: no answer from the database within 200 ms/),
    ]);
    await quiz.stop();
    expect(capture.lines().at(-1)).toMatchObject({ level: 50, lost: 2 });
    expect(JSON.stringify(capture.lines())).not.toContain('test-password');
  });
});

describe.skipIf(postgres.missing !== null)('PostgreSQL down, then back', () => {
  it('keeps answers while it is down and stores each once when it is back', async () => {
    const settings = await postgres.settings();
    const cluster = postgres.cluster();
    const database = await openDatabase(settings);
    await migrate(database);
    const capture = captureLog();
    const quiz = createQuizStore({ database: () => database, log: capture.log, schedule: SCHEDULE, timeoutMs: 2_000, retryEveryMs: 60_000 });
    try {
      expect(await quiz.record(answer('before'))).toBe('recorded');
      cluster.pause();
      // The same click twice while down (a double click), and another one.
      expect(await Promise.all([quiz.record(answer('down-1')), quiz.record(answer('down-1')), quiz.record(answer('down-2'))])).toEqual([
        'queued',
        'queued',
        'queued',
      ]);
      expect(capture.lines().filter((line) => line.level === 40)).toHaveLength(1);
      expect(await quiz.flush()).toBe(false);
      cluster.start();
      expect(await quiz.flush()).toBe(true);
      expect(quiz.waiting).toBe(0);
      const { rows } = await database.query<{ attempt: string }>('SELECT attempt FROM quiz_answers ORDER BY attempt');
      expect(rows.map((row) => row.attempt)).toEqual(['before', 'down-1', 'down-2']);
      expect(capture.lines().at(-1)).toMatchObject({ msg: 'quiz answers that waited for the database are recorded', stored: 3 });
    } finally {
      await quiz.stop();
      await database.close();
    }
  }, 60_000);

  it('starts with the database down, queues answers, and migrates and stores them once it is up', async () => {
    const settings = await postgres.settings();
    const cluster = postgres.cluster();
    cluster.pause();
    const capture = captureLog();
    const running = startStore({ settings, schedule: SCHEDULE, log: capture.log, retryEveryMs: 100, quiz: { timeoutMs: 500, retryEveryMs: 100 } });
    try {
      expect(await running.quiz.record(answer('early'))).toBe('queued');
      const unavailable = () =>
        capture.lines().some((line) => /^the database is unavailable \(postgres:\/\/srm@127\.0\.0\.1:\d+\/srm_test_\d+\)/.test(line.msg));
      await expect.poll(unavailable, { timeout: 10_000 }).toBe(true);
      cluster.start();
      await running.ready;
      await expect.poll(() => running.quiz.waiting, { timeout: 10_000 }).toBe(0);
      expect(await running.quiz.stats('T0TEAM', 'U0ALICE', new Date('2026-12-01T12:00:00Z'))).toMatchObject({ answered: 1 });
      expect(JSON.stringify(capture.lines())).not.toContain('test-password');
    } finally {
      await running.stop();
    }
  }, 60_000);
});
