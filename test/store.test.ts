import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteAnswersBefore,
  evidenceCsv,
  evidenceFor,
  forgetUser,
  migrate,
  MigrationError,
  MIGRATIONS,
  openDatabase,
  recordQuizAnswer,
  statsFor,
  StoreError,
  type Database,
  type QuizAnswer,
} from '../src/store/index.js';
import { answerCount } from './support/storedAnswers.js';
import { storeBackends } from './support/stores.js';

const MON_FRI = { days: [1, 2, 3, 4, 5], timeZone: 'Europe/Berlin' };

function answer(overrides: Partial<QuizAnswer> = {}): QuizAnswer {
  return {
    workspace: 'T0TEAM',
    user: 'U0ALICE',
    userName: 'alice',
    question: 'q-data-owner',
    attempt: '1733300000.000100',
    correct: true,
    answeredAt: new Date('2026-12-01T10:00:00Z'),
    ...overrides,
  };
}

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const backends = storeBackends();

describe.each(backends)('store on $name', (backend) => {
  let database: Database;
  const count = () => answerCount(database);

  describe.skipIf(backend.missing !== null)('', () => {
    beforeAll(async () => {
      database = await openDatabase(await backend.settings());
      expect((await migrate(database)).applied).toEqual(MIGRATIONS.map((m) => m.version));
    }, 60_000);
    afterAll(() => database?.close());
    beforeEach(async () => {
      await database.query('DELETE FROM quiz_answers');
    });

    it('migrates idempotently: a second run applies nothing and keeps the data', async () => {
      await recordQuizAnswer(database, answer());
      expect(await migrate(database)).toEqual({ applied: [], version: MIGRATIONS.at(-1)!.version });
      expect(await migrate(database)).toEqual({ applied: [], version: MIGRATIONS.at(-1)!.version });
      expect(await count()).toBe(1);
    });

    it('stops on a failed migration, naming it, with nothing of it applied', async () => {
      const broken = { version: 999, name: 'add a broken table', statements: ['CREATE TABLE half_done (id int)', 'SELECT * FROM no_such_table'] };
      const failure = await migrate(database, [...MIGRATIONS, broken]).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as Error).message).toMatch(/^database migration 999 "add a broken table" failed: .*no_such_table/);
      const left = await database.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      expect(left.rows).toEqual([]);
      expect((await migrate(database)).version).toBe(MIGRATIONS.at(-1)!.version);
    });

    it('records 200 concurrent deliveries of one click, each retried, exactly once', async () => {
      const click = answer();
      const deliveries = Array.from({ length: 200 }, async () => [await recordQuizAnswer(database, click), await recordQuizAnswer(database, click)]);
      const outcomes = (await Promise.all(deliveries)).flat();
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await count()).toBe(1);
    });

    it('counts a new attempt at the same question, and other people, separately', async () => {
      await recordQuizAnswer(database, answer());
      await recordQuizAnswer(database, answer({ attempt: '1733300099.000200', correct: false }));
      await recordQuizAnswer(database, answer({ user: 'U0BOB', userName: null }));
      expect(await count()).toBe(3);
    });

    it('keeps names and ids that look like SQL as plain data', async () => {
      const hostile = "Robert'); DROP TABLE quiz_answers; --";
      expect(await recordQuizAnswer(database, answer({ userName: hostile, question: hostile }))).toBe(true);
      expect(await count()).toBe(1);
      expect((await evidenceFor(database, { from: '2026-12-01', to: '2026-12-01', timeZone: 'UTC' }))[0]!.name).toBe(hostile);
    });

    it('refuses an answer no Slack payload could carry', async () => {
      await expect(recordQuizAnswer(database, answer({ user: '' }))).rejects.toThrow(/user must be 1 to 255 characters/);
      await expect(recordQuizAnswer(database, answer({ attempt: 'x'.repeat(256) }))).rejects.toThrow(/attempt/);
    });

    it('shows score, a weekday streak across a weekend in the tip time zone, and the team', async () => {
      // Thu 3, Fri 4, (weekend), Mon 7, and Mon 7 at 23:30 UTC, which is Tuesday 8 in Berlin; Wednesday 9 has no
      // answer yet at noon, which breaks nothing.
      for (const [at, correct] of [
        ['2026-12-03T09:00:00Z', true],
        ['2026-12-04T09:00:00Z', false],
        ['2026-12-07T09:00:00Z', true],
        ['2026-12-07T23:30:00Z', true],
      ] as const) {
        await recordQuizAnswer(database, answer({ attempt: at, answeredAt: new Date(at), correct }));
      }
      await recordQuizAnswer(database, answer({ user: 'U0BOB', attempt: 'b', answeredAt: new Date('2026-12-09T08:00:00Z') }));
      await recordQuizAnswer(database, answer({ workspace: 'T0OTHER', user: 'U0CAROL', attempt: 'c', answeredAt: new Date('2026-12-09T08:00:00Z') }));
      const stats = await statsFor(database, { workspace: 'T0TEAM', user: 'U0ALICE', schedule: MON_FRI, now: new Date('2026-12-09T12:00:00Z') });
      expect(stats).toEqual({
        answered: 4,
        correct: 3,
        streak: { unit: 'day', current: 4, longest: 4 },
        team: { since: '2026-11-12', people: 2, answers: 5, correct: 4 },
      });
      // Bob answered on Wednesday only: on Thursday that is a run of one.
      const later = await statsFor(database, { workspace: 'T0TEAM', user: 'U0BOB', schedule: MON_FRI, now: new Date('2026-12-10T12:00:00Z') });
      expect(later.streak).toEqual({ unit: 'day', current: 1, longest: 1 });
    });

    it('counts weeks when tips are weekly', async () => {
      for (const at of ['2026-11-16T09:00:00Z', '2026-11-25T09:00:00Z', '2026-12-04T09:00:00Z']) {
        await recordQuizAnswer(database, answer({ attempt: at, answeredAt: new Date(at) }));
      }
      const stats = await statsFor(database, {
        workspace: 'T0TEAM',
        user: 'U0ALICE',
        schedule: { days: [1], timeZone: 'UTC' },
        now: new Date('2026-12-09T12:00:00Z'),
      });
      expect(stats.streak).toEqual({ unit: 'week', current: 3, longest: 3 });
    });

    it('exports evidence per person for a period, as CSV a spreadsheet parses back row for row', async () => {
      const awkward = '=HYPERLINK("x"), "Al" \r\nSmith';
      await recordQuizAnswer(database, answer({ userName: awkward, attempt: 'a1', answeredAt: new Date('2026-12-01T09:00:00Z') }));
      await recordQuizAnswer(database, answer({ userName: awkward, attempt: 'a2', correct: false, answeredAt: new Date('2026-12-01T15:00:00Z') }));
      await recordQuizAnswer(database, answer({ userName: awkward, attempt: 'a3', answeredAt: new Date('2026-12-03T09:00:00Z') }));
      await recordQuizAnswer(database, answer({ user: 'U0BOB', userName: null, attempt: 'b1', answeredAt: new Date('2026-12-02T09:00:00Z') }));
      await recordQuizAnswer(database, answer({ user: 'U0EARLY', attempt: 'e1', answeredAt: new Date('2026-11-30T22:59:00Z') })); // 23:59 in Berlin, before the period
      const people = await evidenceFor(database, { from: '2026-12-01', to: '2026-12-03', timeZone: 'Europe/Berlin' });
      const rows = parseCsv(evidenceCsv(people));
      expect(rows).toEqual([
        ['workspace', 'user_id', 'name', 'questions_answered', 'correct', 'first_date', 'last_date', 'days_active'],
        ['T0TEAM', 'U0ALICE', `'${awkward}`, '3', '2', '2026-12-01', '2026-12-03', '2'],
        ['T0TEAM', 'U0BOB', '', '1', '1', '2026-12-02', '2026-12-02', '1'],
      ]);
      expect(await evidenceFor(database, { from: '2026-12-01', to: '2026-12-03', timeZone: 'Europe/Berlin', workspace: 'T0NONE' })).toEqual([]);
    });

    it('forgets a person everywhere, and keeps everyone else', async () => {
      await recordQuizAnswer(database, answer());
      await recordQuizAnswer(database, answer({ workspace: 'T0OTHER' }));
      await recordQuizAnswer(database, answer({ user: 'U0BOB' }));
      expect(await forgetUser(database, 'U0ALICE')).toBe(2);
      const stats = await statsFor(database, { workspace: 'T0TEAM', user: 'U0ALICE', schedule: MON_FRI, now: new Date('2026-12-02T00:00:00Z') });
      expect(stats).toMatchObject({ answered: 0, correct: 0, streak: { current: 0, longest: 0 } });
      expect((await evidenceFor(database, { from: '2026-01-01', to: '2026-12-31', timeZone: 'UTC' })).map((p) => p.user)).toEqual(['U0BOB']);
    });

    it('deletes answers past retention only', async () => {
      await recordQuizAnswer(database, answer({ attempt: 'old', answeredAt: new Date('2024-01-01T00:00:00Z') }));
      await recordQuizAnswer(database, answer({ attempt: 'new' }));
      expect(await deleteAnswersBefore(database, new Date('2025-01-01T00:00:00Z'))).toBe(1);
      expect(await count()).toBe(1);
    });
  });
});

describe.skipIf(backends[1]!.missing !== null)('two replicas on one PostgreSQL', () => {
  it('migrate at once (one applies, the other waits and finds it done) and record 200 retried clicks once each', async () => {
    const settings = await backends[1]!.settings();
    const replicas = [await openDatabase(settings), await openDatabase(settings)];
    try {
      const reports = await Promise.all(replicas.map((replica) => migrate(replica)));
      expect(reports.map((r) => r.applied).sort()).toEqual([[], MIGRATIONS.map((m) => m.version)]);
      const clicks = Array.from({ length: 200 }, (_, i) => answer({ user: `U0PERSON${i}`, attempt: `ts.${i}` }));
      // Each click delivered to both replicas, and retried by each.
      await Promise.all(clicks.flatMap((click) => replicas.flatMap((replica) => [recordQuizAnswer(replica, click), recordQuizAnswer(replica, click)])));
      const { rows } = await replicas[0]!.query<{ n: number; people: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS people FROM quiz_answers',
      );
      expect(rows[0]).toEqual({ n: 200, people: 200 });
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });
});

describe('embedded store', () => {
  it('refuses a DATA_DIR another open store holds, naming the variable and the way out', async () => {
    const settings = await backends[0]!.settings();
    const first = await openDatabase(settings);
    try {
      await expect(openDatabase(settings)).rejects.toThrow(StoreError);
      await expect(openDatabase(settings)).rejects.toThrow(/DATA_DIR .* is in use .* set DATABASE_URL/);
    } finally {
      await first.close();
    }
    const again = await openDatabase(settings);
    await again.close();
  }, 60_000);
});
