import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS, checkBlockKitLimits, parseButtonPayload, type SlackMessage } from '../src/cards/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type RunningApp } from './support/appProcess.js';
import { feedbackHalf, findElement, interactiveElements } from './support/blocks.js';
import { FakeSlack, type ApiCall } from './support/fakeSlack.js';
import { blockAction, eventCallback, messageShortcut, sendToApp, slashCommand } from './support/slackRequests.js';

/** 👍/👎 and unanswered questions reaching FEEDBACK_CHANNEL, through signed requests against the built app. */

const FEEDBACK_CHANNEL = 'C0FEEDBACK';

let fake: FakeSlack;
/** A generous rate, for what a report says. */
let app: RunningApp;
/** Three reports a minute, for the burst. */
let limited: RunningApp;
let counter = 0;

const start = (perMinute: number) =>
  startApp({
    env: {
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      FEEDBACK_CHANNEL,
      FEEDBACK_REPORTS_PER_MINUTE: String(perMinute),
    },
  });

async function slash(to: RunningApp, text: string, options: { channel?: string; user?: string } = {}) {
  const response = await sendToApp(to.baseUrl, slashCommand(text, { responseUrl: fake.responseUrl(`f${++counter}`), ...options }), {
    secret: TEST_SIGNING_SECRET,
  });
  expect(response.status).toBe(200);
  return response.json() as SlackMessage;
}

async function vote(message: SlackMessage, direction: 'up' | 'down', options: { channel?: string; user?: string } = {}) {
  const { actionId, value } = feedbackHalf(message.blocks, direction);
  const response = await sendToApp(
    app.baseUrl,
    blockAction({ actionId, value, elementType: 'feedback_buttons', responseUrl: fake.responseUrl(`f${++counter}`), ephemeral: true, ...options }),
    { secret: TEST_SIGNING_SECRET },
  );
  expect(response.status).toBe(200);
}

const toFeedbackChannel = (call: ApiCall) => call.method === 'chat.postMessage' && call.args.channel === FEEDBACK_CHANNEL;
/** What Slack shows of a posted message: every text, no button values. */
const shown = (call: ApiCall) =>
  JSON.stringify({ text: call.args.text, blocks: call.args.blocks }, (key, value: unknown) => (key === 'value' ? undefined : value));

beforeAll(async () => {
  fake = await FakeSlack.start();
  [app, limited] = await Promise.all([start(100), start(3)]);
});

afterAll(async () => {
  await Promise.all([app?.stop(), limited?.stop()]);
  await fake?.close();
});

beforeEach(() => fake.reset());

describe('FEEDBACK_CHANNEL', () => {
  it('receives a 👎 with the query, the card it matched, the vote, where it happened and a button to the card', async () => {
    const card = await slash(app, 'how do I encrypt my s3 buckets');
    await vote(card, 'down', { user: 'U0VOTER', channel: 'C0TEAM' });
    const report = await fake.waitForCall('chat.postMessage', toFeedbackChannel);
    expect(checkBlockKitLimits(report.args as SlackMessage)).toEqual([]);
    for (const part of ['Missed', 'Amazon S3 · Encryption', 's3.encryption', 'how do I encrypt my s3 buckets', '<#C0TEAM>', '`U0VOTER`']) {
      expect(shown(report)).toContain(part);
    }
    const open = findElement(report.args.blocks, (e) => e.action_id.startsWith(ACTION_IDS.open));
    expect(parseButtonPayload(open.value)).toMatchObject({ k: 's3.encryption' });
    expect(String(report.args.unfurl_links)).toBe('false');
    const line = await app.waitForLog((l) => l.msg === 'card feedback' && l.feedback?.user === 'U0VOTER');
    expect(line.feedback).toMatchObject({
      kind: 'vote',
      vote: 'down',
      card: 's3.encryption',
      query: 'how do I encrypt my s3 buckets',
      delivery: 'channel',
      dm: false,
    });
  });

  it('receives every question that got no card, from /srm, a mention and the message shortcut', async () => {
    await slash(app, 'what about amazon nova', { user: 'U0SLASH' });
    const fromSlash = await fake.waitForCall('chat.postMessage', (c) => toFeedbackChannel(c) && shown(c).includes('what about amazon nova'));
    expect(shown(fromSlash)).toContain('Unanswered');
    expect(shown(fromSlash)).toContain('via command /srm');

    await sendToApp(
      app.baseUrl,
      eventCallback({ type: 'app_mention', channel: 'C0TEAM', user: 'U0MENTION', text: '<@U0SRMBOT> tell me about gamelift', ts: '1700000200.000100' }),
      { secret: TEST_SIGNING_SECRET },
    );
    const fromMention = await fake.waitForCall('chat.postMessage', (c) => toFeedbackChannel(c) && shown(c).includes('tell me about gamelift'));
    expect(shown(fromMention)).not.toContain('U0SRMBOT>');
    expect(shown(fromMention)).toContain('<#C0TEAM>');

    await sendToApp(app.baseUrl, messageShortcut('pizza recipe please', { responseUrl: fake.responseUrl('shortcut'), callbackId: 'srm_ask' }), {
      secret: TEST_SIGNING_SECRET,
    });
    await fake.waitForCall('chat.postMessage', (c) => toFeedbackChannel(c) && shown(c).includes('pizza recipe please'));

    const lines = await Promise.all(['U0SLASH', 'U0MENTION'].map((user) => app.waitForLog((l) => l.msg === 'unanswered query' && l.feedback?.user === user)));
    expect(lines.map((l) => l.feedback)).toEqual([
      expect.objectContaining({
        kind: 'no_match',
        query: 'what about amazon nova',
        reason: expect.any(String),
        source: 'command /srm',
        channel: 'C0GENERAL',
        delivery: 'channel',
      }),
      expect.objectContaining({ kind: 'no_match', query: 'tell me about gamelift', source: 'event app_mention', channel: 'C0TEAM' }),
    ]);
  });

  it('gets no report for a question that was answered, or for help', async () => {
    await slash(app, 'who patches rds');
    await slash(app, 'help');
    await slash(app, 'quiz');
    await slash(app, 'zzz unanswered marker');
    await fake.waitForCall('chat.postMessage', (c) => toFeedbackChannel(c) && shown(c).includes('zzz unanswered marker'));
    expect(fake.calls.filter(toFeedbackChannel)).toHaveLength(1);
  });

  it('never gets the text of a DM: it says a DM asked, and the log keeps the text marked dm', async () => {
    const ts = '1700000300.000100';
    await sendToApp(
      app.baseUrl,
      eventCallback({ type: 'message', channel_type: 'im', channel: 'D0PRIVATE', user: 'U0DM', text: 'project falcon launch codes', ts, event_ts: ts }),
      { secret: TEST_SIGNING_SECRET },
    );
    const report = await fake.waitForCall('chat.postMessage', toFeedbackChannel);
    expect(JSON.stringify(report.args)).not.toContain('falcon');
    expect(shown(report)).toContain('Asked in a DM');
    const line = await app.waitForLog((l) => l.msg === 'unanswered query' && l.feedback?.user === 'U0DM');
    expect(line.feedback).toMatchObject({ dm: true, query: 'project falcon launch codes' });
  });

  it('is rate-limited: a burst of junk reaches the channel N times, the rest is logged only and counted', async () => {
    for (let i = 0; i < 8; i += 1) await slash(limited, `lorem ipsum ${i}`, { user: 'U0SPAMMER' });
    const lines = await Promise.all(
      Array.from({ length: 8 }, (_, i) => limited.waitForLog((l) => l.msg === 'unanswered query' && l.feedback?.query === `lorem ipsum ${i}`)),
    );
    expect(lines.map((l) => l.feedback.delivery)).toEqual([
      'channel',
      'channel',
      'channel',
      'rate_limited',
      'rate_limited',
      'rate_limited',
      'rate_limited',
      'rate_limited',
    ]);
    await limited.waitForLog((l) => l.level === 40 && /rate limit reached/.test(l.msg) && l.per_minute === 3);
    // Whatever was posted has been received by the time every request's log line is written.
    const answered = (l: Record<string, any>) => l.msg === 'request' && l.match === 'no_match' && l.user === 'U0SPAMMER';
    await limited.waitForLog(() => limited.logs().filter(answered).length === 8);
    expect(fake.calls.filter(toFeedbackChannel)).toHaveLength(3);
    expect(interactiveElements(fake.calls.filter(toFeedbackChannel)[0]!.args.blocks)).toEqual([]);
  });
});
