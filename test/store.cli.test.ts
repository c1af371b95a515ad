import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreSettings } from '../src/config.js';
import { packageRoot } from '../src/knowledge/index.js';
import { migrate, MIGRATIONS, openDatabase, recordQuizAnswer, type QuizAnswer } from '../src/store/index.js';
import { storeBackends } from './support/stores.js';

const root = packageRoot();
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

function srm(args: string[], settings: StoreSettings) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: settings.dataDir, DATABASE_URL: settings.databaseUrl ?? '', TIP_TIMEZONE: 'Europe/Berlin' };
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const click = (user: string, attempt: string, at: string, correct = true): QuizAnswer => ({
  workspace: 'T0TEAM',
  user,
  userName: user === 'U0ALICE' ? 'Alice, "Ops"' : null,
  question: 'q1',
  attempt,
  correct,
  answeredAt: new Date(at),
});

async function seed(settings: StoreSettings, answers: QuizAnswer[]): Promise<void> {
  const database = await openDatabase(settings);
  try {
    await migrate(database);
    for (const answer of answers) await recordQuizAnswer(database, answer);
  } finally {
    await database.close();
  }
}

const backends = storeBackends();

describe.each(backends)('srm db, evidence and forget on $name', (backend) => {
  it.skipIf(backend.missing !== null)(
    'migrates idempotently, exports evidence as CSV and JSON, forgets a person',
    async () => {
      const settings = await backend.settings();
      const latest = MIGRATIONS.at(-1)!.version;
      const all = MIGRATIONS.map((m) => m.version).join(', ');
      expect(srm(['db', 'migrate'], settings)).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`database schema at version ${latest}, applied ${all} `),
      });
      expect(srm(['db', 'migrate'], settings)).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`database schema at version ${latest}, already up to date `),
      });
      await seed(settings, [
        click('U0ALICE', 'a', '2026-12-01T09:00:00Z'),
        click('U0ALICE', 'b', '2026-12-02T09:00:00Z', false),
        click('U0BOB', 'c', '2026-12-02T09:00:00Z'),
        click('U0BOB', 'd', '2027-01-05T09:00:00Z'),
      ]);
      const csv = srm(['evidence', '--from', '2026-12-01', '--to', '2026-12-31'], settings);
      expect(csv).toMatchObject({ code: 0, stderr: '' });
      expect(csv.stdout).toBe(
        'workspace,user_id,name,questions_answered,correct,first_date,last_date,days_active\r\n' +
          'T0TEAM,U0ALICE,"Alice, ""Ops""",2,1,2026-12-01,2026-12-02,2\r\n' +
          'T0TEAM,U0BOB,,1,1,2026-12-02,2026-12-02,1\r\n',
      );
      const json = JSON.parse(srm(['evidence', '--from', '2026-12-01', '--to', '2027-12-31', '--format', 'json'], settings).stdout);
      expect(json).toMatchObject({ from: '2026-12-01', to: '2027-12-31', timeZone: 'Europe/Berlin' });
      expect(json.people[1]).toEqual({
        workspace: 'T0TEAM',
        user: 'U0BOB',
        name: null,
        answered: 2,
        correct: 2,
        firstDate: '2026-12-02',
        lastDate: '2027-01-05',
        daysActive: 2,
      });
      expect(srm(['forget', 'U0ALICE'], settings)).toMatchObject({ code: 0, stdout: '2 quiz answers of U0ALICE erased\n' });
      expect(srm(['evidence', '--from', '2026-01-01', '--to', '2027-12-31'], settings).stdout).not.toContain('U0ALICE');
    },
    60_000,
  );
});

describe('srm db, evidence and forget refuse', () => {
  const settings: StoreSettings = { databaseUrl: null, dataDir: '/nonexistent-never-opened', retentionDays: 730 };
  it.each([
    [['evidence', '--from', '2026-12-01'], /--from and --to must be dates YYYY-MM-DD/],
    [['evidence', '--from', '2026-12-31', '--to', '2026-12-01'], /--from 2026-12-31 is after --to 2026-12-01/],
    [['evidence', '--from', '2026-12-01', '--to', '2026-12-31', '--format', 'xlsx'], /--format must be csv or json/],
    [['forget', 'alice'], /give one Slack user id such as U0123456789/],
    [['forget', 'U0ALICE', '--workspace', "T0'; DROP"], /--workspace must be a Slack team id/],
    [['db', 'drop'], /the only db command is "migrate"/],
  ])('%o with exit 2 and what to type instead', (args, message) => {
    const run = srm(args, settings);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('usage:');
  });

  it('a DATA_DIR the bot holds, with exit 1 and the way out', async () => {
    const held = await backends[0]!.settings();
    const database = await openDatabase(held);
    try {
      const run = srm(['db', 'migrate'], held);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/DATA_DIR .* is in use by another srm-bot process \(pid \d+\).*set DATABASE_URL/);
    } finally {
      await database.close();
    }
  }, 60_000);
});
