import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type RunningApp } from './support/appProcess.js';
import { BOT_ID, BOT_USER_ID } from './support/fakeSlack.js';
import { useFakeSlack } from './support/fakeSlackSuite.js';
import { eventCallback, sendToApp, type SlackRequest } from './support/slackRequests.js';

/** Findings another app posts in FINDINGS_CHANNELS, answered through signed Events API requests to the built app. */

const FINDINGS = 'C0FINDINGS';
const ELSEWHERE = 'C0GENERAL';
const CHATBOT = 'B0AWSCHATBOT';

const slack = useFakeSlack();
let app: RunningApp;
let counter = 0;

beforeAll(async () => {
  app = await startApp({
    env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: slack.fake.apiUrl, FINDINGS_CHANNELS: FINDINGS },
  });
});

afterAll(async () => {
  await app?.stop();
});

/** A Security Hub finding as AWS Chatbot posts it: the control only in an attachment. */
function chatbotFinding(channel: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const ts = `1700001000.${String(counter).padStart(6, '0')}`;
  const event = {
    type: 'message',
    subtype: 'bot_message',
    channel,
    ts,
    event_ts: ts,
    bot_id: CHATBOT,
    text: '',
    attachments: [
      {
        color: 'danger',
        fallback: 'Security Hub finding',
        title: 'Security Hub Finding | FAILED | HIGH',
        fields: [
          { title: 'Control', value: 'S3.8', short: true },
          { title: 'Resource', value: 'arn:aws:s3:::member-pii-prod', short: true },
        ],
      },
    ],
    ...overrides,
  };
  slack.fake.personPosted({ channel, ts, user: 'U0CHATBOT', text: 'Security Hub finding', bot_id: CHATBOT });
  return { ts, request: eventCallback(event) };
}

const send = async (request: SlackRequest) => {
  const response = await sendToApp(app.baseUrl, request, { secret: TEST_SIGNING_SECRET });
  expect(response.status).toBe(200);
};

const repliesTo = (channel: string, ts: string) => slack.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && c.args.thread_ts === ts);

/** Waits until the app has logged what it did with the finding (or for a message it ignores, a marker after it). */
const settled = (ts: string) => app.waitForLog((line) => line.msg === 'finding answered' && line.finding_ts === ts);

describe('FINDINGS_CHANNELS', () => {
  it('answers a finding carrying S3.8 in an attachment with one threaded reply: the S3 card that cites S3.8, who acts first', async () => {
    const { ts, request } = chatbotFinding(FINDINGS);
    await send(request);
    await settled(ts);
    const replies = repliesTo(FINDINGS, ts);
    expect(replies).toHaveLength(1);
    const blocks = replies[0]!.args.blocks as Array<{ block_id?: string; text?: { text: string } }>;
    expect(blocks[0]!.block_id).toBe('srm_card:s3.access');
    expect(blocks[1]!.text!.text).toContain('Security Hub S3.8');
    expect(blocks[1]!.text!.text).toContain('Who acts: you');
    expect(replies[0]!.args.metadata).toMatchObject({ event_type: 'srm_finding_reply' });
  });

  it('answers a retry of the same event and an edit of the finding with nothing more', async () => {
    const { ts, request } = chatbotFinding(FINDINGS);
    await send(request);
    await settled(ts);
    // Slack redelivers the very same body when it thinks the first went unanswered.
    await send(request);
    await app.waitForLog((line) => line.msg === 'finding answered' && line.finding_ts === ts && line.outcome === 'already_replied');
    await send(
      eventCallback({
        type: 'message',
        subtype: 'message_changed',
        channel: FINDINGS,
        ts: `${ts}1`,
        event_ts: `${ts}1`,
        message: { type: 'message', bot_id: CHATBOT, ts, text: 'S3.8 (updated)' },
        previous_message: { ts },
      }),
    );
    const { ts: marker, request: next } = chatbotFinding(FINDINGS);
    await send(next);
    await settled(marker);
    expect(repliesTo(FINDINGS, ts)).toHaveLength(1);
  });

  it("answers nothing outside the opted-in channels, nor the bot's own posts, nor a person", async () => {
    const other = chatbotFinding(ELSEWHERE);
    await send(other.request);
    const own = chatbotFinding(FINDINGS, { bot_id: BOT_ID, user: BOT_USER_ID, subtype: undefined });
    await send(own.request);
    const person = chatbotFinding(FINDINGS, { bot_id: undefined, subtype: undefined, user: 'U0PERSON', text: 'S3.8' });
    await send(person.request);
    // Each request's log line is written once its listeners are done; Bolt drops the bot's own post before them.
    await app.waitForLog((line) => line.msg === 'request' && line.channel === ELSEWHERE);
    await app.waitForLog((line) => line.msg === 'request' && line.channel === FINDINGS && line.user === 'U0PERSON');
    const { ts: marker, request } = chatbotFinding(FINDINGS);
    await send(request);
    await settled(marker);
    for (const { ts } of [other, own, person]) expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toEqual([]);
  });
});
