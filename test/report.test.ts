import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../src/cards/index.js';
import { summarizeFeedback, type FeedbackSummary } from '../src/cli/report.js';
import { startApp, REPO_ROOT, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from './support/appProcess.js';
import { feedbackHalf } from './support/blocks.js';
import { FakeSlack } from './support/fakeSlack.js';
import { blockAction, eventCallback, sendToApp, slashCommand } from './support/slackRequests.js';

const dir = mkdtempSync(join(tmpdir(), 'srm-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built CLI, as `npx srm` runs it. */
function srm(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', input });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const line = (feedback: Record<string, unknown>, time = '2026-11-20T10:00:00.000Z') => JSON.stringify({ level: 30, time, feedback, msg: 'x' });
const unanswered = (query: string, user = 'U1', reason = 'not_understood', time?: string) =>
  line({ kind: 'no_match', query, reason, suggestions: [], source: 'command /srm', user, channel: 'C1', dm: false, delivery: 'log' }, time);
const voteLine = (vote: 'up' | 'down', card: string, query?: string) =>
  line({ kind: 'vote', vote, card, ...(query !== undefined && { query }), user: 'U1', channel: 'C1', dm: false, delivery: 'log' });

describe('srm report on the log of a real run', () => {
  let logFile: string;

  beforeAll(async () => {
    const fake = await FakeSlack.start();
    // No FEEDBACK_CHANNEL: the reports are log lines only, as most installs start.
    const app = await startApp({ env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl } });
    let n = 0;
    const send = (request: ReturnType<typeof slashCommand>) => sendToApp(app.baseUrl, request, { secret: TEST_SIGNING_SECRET });
    const slash = async (text: string, user = 'U0ASKER') =>
      (await send(slashCommand(text, { responseUrl: fake.responseUrl(`r${++n}`), user }))).json() as SlackMessage;
    const vote = async (text: string, direction: 'up' | 'down') => {
      const { actionId, value } = feedbackHalf((await slash(text)).blocks, direction);
      await send(blockAction({ actionId, value, elementType: 'feedback_buttons', responseUrl: fake.responseUrl(`r${++n}`), ephemeral: true }));
    };

    for (const user of ['U01', 'U02', 'U03']) await slash('What about Amazon Nova?', user);
    await slash('what about amazon nova', 'U01');
    await slash('tell me about gamelift');
    await slash('tell me about gamelift');
    await send(eventCallback({ type: 'app_mention', channel: 'C0TEAM', user: 'U04', text: '<@U0SRMBOT> what about amazon nova', ts: '1700000400.000100' }));
    await slash('pizza recipe');
    // Answered with the general access card, and still a gap: GameLift has no card.
    await slash('who controls access to our gamelift fleets');
    for (let i = 0; i < 3; i += 1) await vote('s3 encryption', 'down');
    await vote('s3 encryption', 'up');
    await vote('who patches rds', 'down');
    await vote('who patches ec2', 'up');
    await vote('who patches ec2', 'up');
    await app.waitForLog(
      () => app.logs().filter((l) => l.msg === 'card feedback').length === 7 && app.logs().filter((l) => l.msg === 'unanswered query').length === 9,
    );
    await app.stop();
    await fake.close();
    logFile = join(dir, 'srm-bot.log');
    writeFileSync(logFile, app.stdout());
    // The mention's answer is the only post: reports went to the log alone.
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.args.channel)).toEqual(['C0TEAM']);
  });

  it('prints the most frequent unanswered questions and the worst-rated cards', () => {
    const run = srm(['report', logFile]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('9 unanswered questions and 7 votes');
    const unansweredRows = out
      .slice(out.indexOf('Most frequent unanswered'), out.indexOf('Worst-rated'))
      .split('\n')
      .filter((l) => l.includes('"'));
    expect(unansweredRows[0]).toMatch(/^\s+5\s+4\s+\S.*"What about Amazon Nova\?"$/);
    expect(unansweredRows[1]).toMatch(/^\s+2\s+1\s+.*"tell me about gamelift"$/);
    expect(unansweredRows.slice(2).join('\n')).toContain('"pizza recipe"');
    expect(unansweredRows.find((row) => row.includes('gamelift fleets'))).toMatch(/not covered/);
    const cardRows = out.slice(out.indexOf('Worst-rated')).split('\n').slice(2);
    expect(cardRows[0]).toMatch(/^\s+3\s+1\s+Amazon S3 · Encryption \(s3\.encryption\)$/);
    expect(cardRows[1]).toContain('asked as: "s3 encryption" x3');
    expect(cardRows[2]).toMatch(/^\s+1\s+0\s+Amazon RDS · Patching.* \(rds\.patching\)$/);
    expect(out).not.toContain('ec2');
  });

  it('prints the same as JSON, cut to --top', () => {
    const run = srm(['report', logFile, '--json', '--top', '1']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as FeedbackSummary;
    expect(summary).toMatchObject({ votes: 7, unanswered: 9 });
    expect(summary.topUnanswered).toEqual([
      { query: 'What about Amazon Nova?', count: 5, askers: 4, reasons: [expect.any(String)], lastSeen: expect.any(String) },
    ]);
    expect(summary.worstCards).toEqual([
      { card: 's3.encryption', title: 'Amazon S3 · Encryption', up: 1, down: 3, missedQueries: [{ query: 's3 encryption', count: 3 }] },
    ]);
  });

  it('reads the log from standard input', () => {
    const run = srm(['report', '-', '--top', '1'], `npm noise\n${unanswered('from stdin')}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"from stdin"');
    expect(run.stdout).toContain('1 not JSON, skipped');
  });
});

describe('srm report on hand-written log lines', () => {
  const summarize = (lines: string[]) => summarizeFeedback(lines, (card) => `title of ${card}`);

  it('groups a question however it was typed, counts distinct askers, and orders by how often it was asked', async () => {
    const summary = await summarize([
      unanswered('b question', 'U1'),
      unanswered('A question', 'U1', 'too_vague', '2026-11-21T00:00:00.000Z'),
      unanswered('a  QUESTION!', 'U2', 'too_vague'),
      unanswered('a question', 'U3', 'not_understood'),
      unanswered('b question', 'U1'),
      unanswered('c question', 'U1'),
      unanswered('   '),
    ]);
    expect(summary.unanswered).toBe(6);
    expect(summary.topUnanswered).toEqual([
      { query: 'A question', count: 3, askers: 3, reasons: ['too_vague', 'not_understood'], lastSeen: '2026-11-21T00:00:00.000Z' },
      { query: 'b question', count: 2, askers: 1, reasons: ['not_understood'], lastSeen: '2026-11-20T10:00:00.000Z' },
      { query: 'c question', count: 1, askers: 1, reasons: ['not_understood'], lastSeen: '2026-11-20T10:00:00.000Z' },
    ]);
    expect([summary.from, summary.to]).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-21T00:00:00.000Z']);
  });

  it('ranks cards by thumbs-down net of thumbs-up, then by thumbs-down, and leaves out cards nobody voted down', async () => {
    const summary = await summarize([
      voteLine('down', 'rds'),
      voteLine('down', 'rds'),
      voteLine('up', 'rds'),
      voteLine('up', 'rds'),
      voteLine('up', 'rds'),
      voteLine('down', 'iam.access', 'who owns iam'),
      voteLine('down', 'iam.access', 'who owns iam'),
      voteLine('up', 'iam.access'),
      voteLine('down', 's3'),
      voteLine('up', 'ec2'),
      // A vote logged before votes carried a kind.
      JSON.stringify({ feedback: { vote: 'down', card: 'kms', query: 'kms keys' }, msg: 'card feedback' }),
    ]);
    expect(summary.votes).toBe(11);
    expect(summary.worstCards.map((c) => [c.card, c.down, c.up])).toEqual([
      ['iam.access', 2, 1],
      ['kms', 1, 0],
      ['s3', 1, 0],
      ['rds', 2, 3],
    ]);
    expect(summary.worstCards[0]!.missedQueries).toEqual([{ query: 'who owns iam', count: 2 }]);
  });

  it('skips every other line: request lines, other JSON, pretty-printed text, broken JSON', async () => {
    const summary = await summarize([
      JSON.stringify({ type: 'command /srm', match: 'no_match', msg: 'request' }),
      JSON.stringify({ feedback: { kind: 'no_match' } }),
      JSON.stringify({ feedback: { kind: 'vote', vote: 'maybe', card: 's3' } }),
      JSON.stringify({ feedback: 'x' }),
      '[10:00:00.000] INFO: request',
      '{"broken',
      '[]',
      '',
      unanswered('kept'),
    ]);
    expect(summary).toMatchObject({ linesRead: 8, notJson: 3, unanswered: 1, votes: 0 });
  });

  it('prints what people typed on one line, control characters and all neutralised', () => {
    writeFileSync(join(dir, 'hostile.log'), `${unanswered('\u001b[2Jwipe\u202Eevil\nsecond line')}\n`);
    const run = srm(['report', join(dir, 'hostile.log')]);
    expect(run.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that these control characters are gone
    expect(run.stdout).not.toMatch(/[\u001b\u202E]/);
    expect(run.stdout).toContain('"[2Jwipe evil second line"');
  });

  it('says when a log holds no feedback lines, and fails clearly on a file it cannot read or bad arguments', () => {
    writeFileSync(join(dir, 'empty.log'), `${JSON.stringify({ msg: 'request' })}\n`);
    const empty = srm(['report', join(dir, 'empty.log')]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No feedback lines found');

    const missing = srm(['report', join(dir, 'nope.log')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    for (const args of [['report'], ['report', 'a', 'b'], ['report', 'a', '--top', '0']]) expect(srm(args).code).toBe(2);
  });
});
