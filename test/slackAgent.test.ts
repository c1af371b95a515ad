import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkBlockKitLimits, renderAnswer, renderCard, type SlackMessage } from '../src/cards/index.js';
import { openEngine } from '../src/engine/index.js';
import { cardKeyTitle, formatCardKey, openKnowledge, parseCardKey } from '../src/knowledge/index.js';
import { LOOKING_IT_UP } from '../src/slack/listeners/assistant/userMessage.js';
import { parseTipDays, tipOfTheDay } from '../src/tips/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type RunningApp } from './support/appProcess.js';
import { BOT_ID, BOT_USER_ID, FakeSlack, type ApiCall, type PersonMessage } from './support/fakeSlack.js';
import { eventCallback, sendToApp } from './support/slackRequests.js';

const kb = openKnowledge();
const engine = openEngine(kb);
const rdsPatching = parseCardKey('rds.patching')!;

/** The card the app must post for `text` in a thread whose last card was `previous`: what the engine and cards make of it. */
const cardFor = (text: string, previous?: string) =>
  renderAnswer(kb, engine.answer(text, previous ? { previous: parseCardKey(previous)! } : undefined), { surface: 'message' });

/** Which card a posted message shows, by its header's block_id ("srm_card:aurora.patching"). */
const cardShown = (call: ApiCall) => (call.args.blocks as Array<{ type: string; block_id?: string }>).find((b) => b.type === 'header')?.block_id;

let fake: FakeSlack;
let app: RunningApp;
let tsCounter = 0;
const nextTs = () => `1700000600.${String(++tsCounter).padStart(6, '0')}`;

const send = async (event: Record<string, unknown>) => {
  const response = await sendToApp(app.baseUrl, eventCallback(event), { secret: TEST_SIGNING_SECRET });
  expect(response.status).toBe(200);
};

/** A person's message as Slack delivers it (a DM, or a message in an agent view thread), kept in the fake's threads too. */
async function personSays(text: string, where: { channel: string; threadTs?: string }): Promise<PersonMessage> {
  const message: PersonMessage = { channel: where.channel, ts: nextTs(), user: 'U0ASKER', text, ...(where.threadTs && { thread_ts: where.threadTs }) };
  fake.personPosted(message);
  await send({ type: 'message', channel_type: 'im', event_ts: message.ts, ...message });
  return message;
}

/** `@srm-bot …` in a channel, in the thread `threadTs` when given. */
async function mention(text: string, threadTs?: string): Promise<PersonMessage> {
  const message: PersonMessage = {
    channel: 'C0GENERAL',
    ts: nextTs(),
    user: 'U0ASKER',
    text: `<@${BOT_USER_ID}> ${text}`,
    ...(threadTs && { thread_ts: threadTs }),
  };
  fake.personPosted(message);
  await send({ type: 'app_mention', event_ts: message.ts, ...message });
  return message;
}

/** The card the app posted for the n-th answer in `channel` (1 = first). */
const answerNumber = (n: number, channel: string) =>
  fake.waitForCall(
    'chat.postMessage',
    (c) =>
      c.outcome === 'ok' &&
      c.args.channel === channel &&
      fake
        .callsTo('chat.postMessage')
        .filter((p) => p.args.channel === channel)
        .indexOf(c) ===
        n - 1,
  );

/** Opens the agent view: Slack starts a thread in the app's DM with the person. */
async function startAgentThread(channel = 'D0AGENT'): Promise<string> {
  const threadTs = nextTs();
  await send({
    type: 'assistant_thread_started',
    assistant_thread: {
      user_id: 'U0ASKER',
      channel_id: channel,
      thread_ts: threadTs,
      context: { channel_id: 'C0GENERAL', team_id: 'T0TEST', enterprise_id: null },
    },
    event_ts: nextTs(),
  });
  return threadTs;
}

beforeAll(async () => {
  fake = await FakeSlack.start();
  app = await startApp({
    env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, TIP_DAYS: 'daily', TIP_TIMEZONE: 'UTC' },
  });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

beforeEach(() => fake.reset());

afterEach(() => {
  for (const call of fake.callsTo('chat.postMessage')) expect(checkBlockKitLimits(call.args as SlackMessage, 'message')).toEqual([]);
  for (const call of fake.calls) expect(call.token).toBe(TEST_BOT_TOKEN);
});

describe('the agent view', () => {
  it("opening it sets up to four suggested prompts for that thread, today's tip among them, each answered with a card", async () => {
    const threadTs = await startAgentThread();
    const call = await fake.waitForCall('assistant.threads.setSuggestedPrompts');
    expect(call.args).toMatchObject({ channel_id: 'D0AGENT', thread_ts: threadTs });
    const prompts = call.args.prompts as Array<{ title: string; message: string }>;
    expect(prompts.length).toBeGreaterThanOrEqual(2);
    expect(prompts.length).toBeLessThanOrEqual(4);

    const today = tipOfTheDay(kb, { channels: [], time: '09:00', timeZone: 'UTC', days: parseTipDays('daily') as number[] })();
    const subject = cardKeyTitle(kb, today!.tip);
    const tipPrompt = prompts.find((prompt) => prompt.title.includes(subject));
    expect(tipPrompt).toBeDefined();
    expect(formatCardKey(engine.answer(tipPrompt!.message).match!)).toBe(formatCardKey(today!.tip));
    for (const prompt of prompts) expect(engine.answer(prompt.message).kind).toBe('card');
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('a question gets a status, titles the thread, and is answered with its card in that thread', async () => {
    const threadTs = await startAgentThread();
    await personSays('who patches rds?', { channel: 'D0AGENT', threadTs });
    const answer = await answerNumber(1, 'D0AGENT');
    expect(answer.args).toMatchObject({ thread_ts: threadTs, ...cardFor('who patches rds?') });

    const status = fake.callsTo('assistant.threads.setStatus');
    expect(status).toEqual([expect.objectContaining({ args: expect.objectContaining({ channel_id: 'D0AGENT', thread_ts: threadTs, status: LOOKING_IT_UP }) })]);
    // Set before the answer went out, which is what clears it.
    expect(fake.calls.indexOf(status[0]!)).toBeLessThan(fake.calls.indexOf(answer));
    const title = await fake.waitForCall('assistant.threads.setTitle');
    expect(title.args).toMatchObject({ channel_id: 'D0AGENT', thread_ts: threadTs, title: 'who patches rds?' });
  });

  it.each([
    ['who patches rds?', 'and for aurora?', 'aurora.patching'],
    ['who patches rds?', 'what about backups?', 'rds.backup'],
  ])('"%s" then "%s" answers %s in the same thread, under the first question\'s title', async (first, followUp, expected) => {
    const threadTs = await startAgentThread();
    await personSays(first, { channel: 'D0AGENT', threadTs });
    await answerNumber(1, 'D0AGENT');
    await personSays(followUp, { channel: 'D0AGENT', threadTs });
    const answer = await answerNumber(2, 'D0AGENT');
    expect(cardShown(answer)).toBe(`srm_card:${expected}`);
    expect(answer.args).toMatchObject({ thread_ts: threadTs, ...cardFor(followUp, formatCardKey(engine.answer(first).match!)) });
    expect(fake.callsTo('assistant.threads.setTitle').map((c) => c.args.title)).toEqual([first]);
  });

  it('"why?" after a card posts all of that card in the thread', async () => {
    const threadTs = await startAgentThread();
    await personSays('who patches rds?', { channel: 'D0AGENT', threadTs });
    await answerNumber(1, 'D0AGENT');
    await personSays('why?', { channel: 'D0AGENT', threadTs });
    const details = await answerNumber(2, 'D0AGENT');
    expect(details.args).toMatchObject({ thread_ts: threadTs, ...renderCard(kb, rdsPatching, { surface: 'message', length: 'full' }, 'why?') });
  });

  it('a thread it cannot read back is answered all the same, as a question of its own, and logged', async () => {
    const threadTs = await startAgentThread();
    await personSays('who patches rds?', { channel: 'D0AGENT', threadTs });
    await answerNumber(1, 'D0AGENT');
    fake.failNext('conversations.replies', { error: 'ratelimited' });
    await personSays('and for aurora?', { channel: 'D0AGENT', threadTs });
    const answer = await answerNumber(2, 'D0AGENT');
    expect(answer.args).toMatchObject({ thread_ts: threadTs, ...cardFor('and for aurora?') });
    await app.waitForLog((line) => line.msg.startsWith('could not read the thread') && line.error === 'ratelimited' && line.channel === 'D0AGENT');
  });

  it('moving to another channel with the view open rewrites none of its messages', async () => {
    const threadTs = await startAgentThread();
    await personSays('who patches rds?', { channel: 'D0AGENT', threadTs });
    await answerNumber(1, 'D0AGENT');
    await send({
      type: 'assistant_thread_context_changed',
      assistant_thread: {
        user_id: 'U0ASKER',
        channel_id: 'D0AGENT',
        thread_ts: threadTs,
        context: { channel_id: 'C0OTHER', team_id: 'T0TEST', enterprise_id: null },
      },
      event_ts: nextTs(),
    });
    await personSays('and for aurora?', { channel: 'D0AGENT', threadTs });
    expect(cardShown(await answerNumber(2, 'D0AGENT'))).toBe('srm_card:aurora.patching');
    expect(fake.callsTo('chat.update')).toEqual([]);
  });

  it('its own answers in the thread, which Slack also delivers, get no answer', async () => {
    const threadTs = await startAgentThread();
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'D0AGENT',
      thread_ts: threadTs,
      user: BOT_USER_ID,
      bot_id: BOT_ID,
      text: 's3 encryption',
      ts: nextTs(),
    });
    await personSays('is iam my job', { channel: 'D0AGENT', threadTs });
    await answerNumber(1, 'D0AGENT');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.callsTo('assistant.threads.setStatus')).toHaveLength(1);
  });
});

describe('follow-ups outside the agent view', () => {
  it('in an @mention thread: "and for aurora?" after "who patches rds?" answers Aurora · Patching in that thread', async () => {
    const question = await mention('who patches rds?');
    const first = await answerNumber(1, 'C0GENERAL');
    expect(first.args.thread_ts).toBe(question.ts);
    await mention('and for aurora?', question.ts);
    const answer = await answerNumber(2, 'C0GENERAL');
    expect(cardShown(answer)).toBe('srm_card:aurora.patching');
    expect(answer.args).toMatchObject({ thread_ts: question.ts, ...cardFor(`<@${BOT_USER_ID}> and for aurora?`, 'rds.patching') });
    expect(fake.callsTo('assistant.threads.setStatus')).toEqual([]);
  });

  it('in a DM thread of a workspace without the agent view: the same follow-up, though Slack refuses the status', async () => {
    await personSays('who patches rds?', { channel: 'D0ASKER' });
    const first = await answerNumber(1, 'D0ASKER');
    expect(first.args.thread_ts).toBeUndefined();
    const { ts: firstTs } = fake.messagesIn('D0ASKER').find((message) => message.bot_id === BOT_ID)!;

    fake.failNext('assistant.threads.setStatus', { error: 'invalid_thread' });
    await personSays('and for aurora?', { channel: 'D0ASKER', threadTs: firstTs });
    const answer = await answerNumber(2, 'D0ASKER');
    expect(cardShown(answer)).toBe('srm_card:aurora.patching');
    expect(answer.args).toMatchObject({ thread_ts: firstTs, ...cardFor('and for aurora?', 'rds.patching') });
    // The thread started on the bot's answer: it is not a new conversation to title.
    expect(fake.callsTo('assistant.threads.setTitle')).toEqual([]);
  });

  it('a new question in a thread is answered on its own: only follow-ups lean on the last card', async () => {
    const question = await mention('who patches rds?');
    await answerNumber(1, 'C0GENERAL');
    await mention('is s3 encrypted by default?', question.ts);
    const answer = await answerNumber(2, 'C0GENERAL');
    expect(answer.args).toMatchObject({ thread_ts: question.ts, ...cardFor(`<@${BOT_USER_ID}> is s3 encrypted by default?`) });
  });
});
