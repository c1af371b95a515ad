import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StoreSettings } from '../src/config.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { botClient } from '../src/slackApi/client.js';
import { migrate, MIGRATIONS, openDatabase, recordQuizAnswer, type QuizAnswer } from '../src/store/index.js';
import { createRotation, parseTipDays, TIP_EVENT_TYPE } from '../src/tips/index.js';
import { TEST_BOT_TOKEN } from './support/appProcess.js';
import { runSrm } from './support/cli.js';
import { freshDataDir } from './support/dataDir.js';
import { useFakeSlack } from './support/fakeSlackSuite.js';
import { captureLog } from './support/logCapture.js';
import { withDatabase } from './support/database.js';
import { storeBackends } from './support/stores.js';

/** `npx srm …` on the store the settings name, days in Berlin; `env` adds settings (a bot token, TIP_CHANNELS). */
const srm = (args: string[], settings: StoreSettings, env: Record<string, string> = {}) =>
  runSrm(args, { DATA_DIR: settings.dataDir, DATABASE_URL: settings.databaseUrl ?? '', TIP_TIMEZONE: 'Europe/Berlin', ...env });

const click = (user: string, attempt: string, at: string, correct = true): QuizAnswer => ({
  workspace: 'T0TEAM',
  user,
  userName: user === 'U0ALICE' ? 'Alice, "Ops"' : null,
  question: 'q1',
  attempt,
  correct,
  answeredAt: new Date(at),
});

const seed = (settings: StoreSettings, answers: QuizAnswer[]): Promise<void> =>
  withDatabase(settings, async (database) => {
    await migrate(database);
    for (const answer of answers) await recordQuizAnswer(database, answer);
  });

const backends = storeBackends();

describe.each(backends)('srm db, evidence and forget on $name', (backend) => {
  it.skipIf(backend.missing !== null)(
    'migrates idempotently, exports evidence as CSV and JSON, forgets a person',
    async () => {
      const settings = await backend.settings();
      const latest = MIGRATIONS.at(-1)!.version;
      const all = MIGRATIONS.map((m) => m.version).join(', ');
      expect(await srm(['db', 'migrate'], settings)).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`database schema at version ${latest}, applied ${all} `),
      });
      expect(await srm(['db', 'migrate'], settings)).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`database schema at version ${latest}, already up to date `),
      });
      await seed(settings, [
        click('U0ALICE', 'a', '2026-12-01T09:00:00Z'),
        click('U0ALICE', 'b', '2026-12-02T09:00:00Z', false),
        click('U0BOB', 'c', '2026-12-02T09:00:00Z'),
        click('U0BOB', 'd', '2027-01-05T09:00:00Z'),
      ]);
      const csv = await srm(['evidence', '--from', '2026-12-01', '--to', '2026-12-31'], settings);
      expect(csv).toMatchObject({ code: 0, stderr: '' });
      expect(csv.stdout).toBe(
        'workspace,user_id,name,questions_answered,correct,first_date,last_date,days_active\r\n' +
          'T0TEAM,U0ALICE,"Alice, ""Ops""",2,1,2026-12-01,2026-12-02,2\r\n' +
          'T0TEAM,U0BOB,,1,1,2026-12-02,2026-12-02,1\r\n',
      );
      const json = JSON.parse((await srm(['evidence', '--from', '2026-12-01', '--to', '2027-12-31', '--format', 'json'], settings)).stdout);
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
      expect(await srm(['forget', 'U0ALICE'], settings)).toMatchObject({ code: 0, stdout: '2 quiz answers of U0ALICE erased\n' });
      expect((await srm(['evidence', '--from', '2026-01-01', '--to', '2027-12-31'], settings)).stdout).not.toContain('U0ALICE');
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
    [['evidence', '--from', '2026-12-01', '--to', '2026-12-31', '--format', 'json', '--tips-csv', 'tips.csv'], /--tips-csv is for --format csv/],
    [['evidence', '--from', '2026-12-01', '--to', '2026-12-31', '--channel', 'C0TIPSONE'], /--channel names the channels .* add --tips-csv FILE/],
    [['evidence', '--from', '2026-12-01', '--to', '2026-12-31', '--format', 'json', '--channel', '#security'], /--channel #security: must be a channel id/],
    [['forget', 'U0ALICE', '--tips-csv', 'tips.csv'], /--channel and --tips-csv are options of srm evidence/],
  ])('%o with exit 2 and what to type instead', async (args, message) => {
    const run = await srm(args, settings);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('usage:');
  });

  it('a DATA_DIR the bot holds, with exit 1 and the way out', async () => {
    const held = await backends[0]!.settings();
    const database = await openDatabase(held);
    try {
      const run = await srm(['db', 'migrate'], held);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/DATA_DIR .* is in use by another srm-bot process \(pid \d+\).*set DATABASE_URL/);
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe('srm evidence with the daily tips posted per channel, read from Slack', () => {
  const slack = useFakeSlack();
  const kb = loadKnowledge();
  const rotation = createRotation(kb.tips, parseTipDays('mon-fri') as number[]);
  const tipOf = (date: string) => rotation.tipOn(date)!.tip.id;
  /** The period: Monday to Friday, days in Berlin (UTC+1 in November). */
  const PERIOD = ['--from', '2026-11-16', '--to', '2026-11-20'];
  const PEOPLE = 'workspace,user_id,name,questions_answered,correct,first_date,last_date,days_active\r\nT0TEAM,U0BOB,,1,1,2026-11-17,2026-11-17,1\r\n';

  /** A tip post as the daily tip makes it (the bot's message with the tip's metadata), Slack's clock set to `at`. */
  async function tipPosted(channel: string, date: string, at: string): Promise<void> {
    slack.fake.now = () => Date.parse(at);
    const client = botClient({ slackApiUrl: slack.fake.apiUrl, slackApiRetries: 0 }, TEST_BOT_TOKEN, captureLog().log);
    await client.chat.postMessage({ channel, text: 'tip', metadata: { event_type: TIP_EVENT_TYPE, event_payload: { date, tip: tipOf(date) } } });
  }

  let settings: StoreSettings;
  let env: Record<string, string>;
  let folder: string;
  beforeAll(async () => {
    folder = await freshDataDir();
    settings = { databaseUrl: null, dataDir: folder, retentionDays: 730 };
    await seed(settings, [click('U0BOB', 'a', '2026-11-17T09:00:00Z')]);
    env = { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_API_URL: slack.fake.apiUrl, SLACK_API_RETRIES: '0', TIP_CHANNELS: 'C0TIPSONE,C0TIPSTWO' };
  }, 30_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  // The fake Slack is emptied before each test: the tip posts, in and around the period, are made again.
  beforeEach(async () => {
    await tipPosted('C0TIPSONE', '2026-11-13', '2026-11-13T08:00:00Z'); // the Friday before: not in the period
    await tipPosted('C0TIPSONE', '2026-11-18', '2026-11-15T10:00:00Z'); // posted three days early (post-tip --date)
    await tipPosted('C0TIPSONE', '2026-11-16', '2026-11-16T08:00:00Z');
    await tipPosted('C0TIPSTWO', '2026-11-16', '2026-11-16T08:00:00Z');
    await tipPosted('C0TIPSONE', '2026-11-16', '2026-11-16T08:00:05Z'); // a duplicate a race left: the day counts once
    await tipPosted('C0TIPSONE', '2026-11-20', '2026-11-20T22:59:00Z'); // 23:59 in Berlin: still the last day
    await tipPosted('C0TIPSONE', '2026-11-19', '2026-11-20T23:30:00Z'); // Thursday's, posted after the period ended
    await tipPosted('C0TIPSONE', '2026-11-23', '2026-11-23T08:00:00Z'); // the Monday after
    slack.fake.now = () => Date.now();
    slack.fake.setChannel('C0NOTMEMBER', 'not_in_channel');
  });

  const tipOne = [
    { date: '2026-11-16', tip: tipOf('2026-11-16'), postedAt: '2026-11-16T08:00:00.000Z' },
    { date: '2026-11-18', tip: tipOf('2026-11-18'), postedAt: '2026-11-15T10:00:00.000Z' },
    { date: '2026-11-20', tip: tipOf('2026-11-20'), postedAt: '2026-11-20T22:59:00.000Z' },
  ];

  it('writes the tips per channel to --tips-csv FILE, the people alone on stdout; an unreadable channel is named and exits 1', async () => {
    const file = join(folder, 'tips.csv');
    const run = await srm(['evidence', ...PERIOD, '--tips-csv', file, '--channel', 'C0TIPSONE,C0NOTMEMBER', '--channel', 'C0TIPSTWO'], settings, env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(PEOPLE);
    expect(run.stderr).toMatch(/the tips posted in C0NOTMEMBER could not be read: not_in_channel: .*\/invite @srm-bot/);
    expect(run.stderr).toContain(`tips posted per channel written to ${file}: C0TIPSONE 3, C0NOTMEMBER unread, C0TIPSTWO 1`);
    expect(readFileSync(file, 'utf8')).toBe(
      'workspace,channel,date,tip,posted_at\r\n' +
        tipOne.map((t) => `T0TEST,C0TIPSONE,${t.date},${t.tip},${t.postedAt}\r\n`).join('') +
        `T0TEST,C0TIPSTWO,2026-11-16,${tipOf('2026-11-16')},2026-11-16T08:00:00.000Z\r\n`,
    );
    expect(run.stdout + run.stderr).not.toContain(TEST_BOT_TOKEN);
    // Only the stretch of history the period needs is read: from a week before it to the end of its last day.
    const reads = slack.fake.callsTo('conversations.history');
    expect(reads.every((call) => String(call.args.include_all_metadata) === 'true')).toBe(true);
    expect(Math.min(...reads.map((call) => Number(call.args.oldest))) * 1000).toBe(Date.parse('2026-11-08T10:00:00Z'));
    expect(Math.max(...reads.map((call) => Number(call.args.latest))) * 1000).toBe(Date.parse('2026-11-21T12:00:00Z'));
  }, 30_000);

  it('puts the tips of TIP_CHANNELS in the JSON; csv without --tips-csv reads no Slack and says where they are', async () => {
    const json = await srm(['evidence', ...PERIOD, '--format', 'json'], settings, env);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toMatchObject({
      people: [{ user: 'U0BOB', answered: 1 }],
      tips: {
        workspace: 'T0TEST',
        channels: [
          { channel: 'C0TIPSONE', posted: tipOne },
          { channel: 'C0TIPSTWO', posted: [tipOne[0]] },
        ],
      },
    });
    slack.fake.calls.length = 0;
    const csv = await srm(['evidence', ...PERIOD], settings, env);
    expect(csv).toMatchObject({ code: 0, stdout: PEOPLE });
    expect(csv.stderr).toContain('the tips posted in TIP_CHANNELS are not in this file (one row per person): --tips-csv FILE writes them');
    expect(slack.fake.calls).toEqual([]);
  }, 30_000);

  it('lists people only, saying why, without a bot token, without tip channels, or for another workspace', async () => {
    const file = join(folder, 'tips-without-token.csv');
    const noToken = await srm(['evidence', ...PERIOD, '--tips-csv', file], settings, { ...env, SLACK_BOT_TOKEN: '' });
    expect(noToken).toMatchObject({ code: 0, stdout: PEOPLE });
    expect(noToken.stderr).toContain(
      'srm evidence: no SLACK_BOT_TOKEN: the tips posted per channel are read from Slack with the bot token; listing people only',
    );
    expect(() => readFileSync(file)).toThrow(/ENOENT/);

    const noTokenJson = await srm(['evidence', ...PERIOD, '--format', 'json'], settings, { ...env, SLACK_BOT_TOKEN: '' });
    expect(noTokenJson.code).toBe(0);
    expect(JSON.parse(noTokenJson.stdout)).toMatchObject({ people: [{ user: 'U0BOB' }], tips: null });

    const noChannels = await srm(['evidence', ...PERIOD, '--format', 'json'], settings, { ...env, TIP_CHANNELS: '' });
    expect(noChannels.stderr).toContain('no tip channels: set TIP_CHANNELS or pass --channel C0123456789; listing people only');
    expect(JSON.parse(noChannels.stdout)).toMatchObject({ tips: null });

    const other = await srm(['evidence', ...PERIOD, '--format', 'json', '--workspace', 'T0OTHER'], settings, env);
    expect(other.stderr).toContain('SLACK_BOT_TOKEN is of workspace T0TEST, not --workspace T0OTHER: its tips are left out');
    expect(JSON.parse(other.stdout)).toMatchObject({ workspace: 'T0OTHER', people: [], tips: null });
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(8);
  }, 30_000);
});
