import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS, checkBlockKitLimits, renderAnswer, renderHelp, type SlackMessage } from '../src/cards/index.js';
import { openEngine } from '../src/engine/index.js';
import { cardKeyTitle, openKnowledge, parseCardKey } from '../src/knowledge/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type RunningApp } from './support/appProcess.js';
import { feedbackHalf, findElement, interactiveElements } from './support/blocks.js';
import { BOT_ID, BOT_USER_ID, FakeSlack } from './support/fakeSlack.js';
import {
  blockAction,
  eventCallback,
  homeSelection,
  messageShortcut,
  sendToApp,
  slashCommand,
  urlVerification,
  type SendOptions,
  type SlackRequest,
} from './support/slackRequests.js';

const kb = openKnowledge();
const engine = openEngine(kb);
/** What `srm ask --json` prints for a question: the surfaces must answer with exactly this. */
const cliCard = (text: string, surface: 'ephemeral' | 'message' = 'ephemeral') => renderAnswer(kb, engine.answer(text), { surface });

let fake: FakeSlack;
let app: RunningApp;
let responseCounter = 0;
const newResponseId = () => `r${++responseCounter}`;

const send = (request: SlackRequest, options: Partial<SendOptions> = {}) => sendToApp(app.baseUrl, request, { secret: TEST_SIGNING_SECRET, ...options });

async function slash(text: string, options: { channel?: string; user?: string } = {}) {
  const responseId = newResponseId();
  const response = await send(slashCommand(text, { responseUrl: fake.responseUrl(responseId), ...options }));
  expect(response.status).toBe(200);
  return { message: response.json() as SlackMessage & { response_type: string }, responseId };
}

/** Clicks a button of `message` as Slack would post the click. */
async function click(message: SlackMessage, matches: (actionId: string) => boolean, options: { ephemeral: boolean; channel?: string; user?: string }) {
  const button = findElement(message.blocks, (e) => e.type === 'button' && matches(e.action_id));
  const responseId = newResponseId();
  const response = await send(blockAction({ actionId: button.action_id, value: button.value!, responseUrl: fake.responseUrl(responseId), ...options }));
  expect(response.status).toBe(200);
  return { responseId, value: JSON.parse(button.value!) as { k: string; q?: string; vote?: string } };
}

/** Picks the first card of the answer's menu of related cards, as Slack would post the choice. */
async function chooseRelated(message: SlackMessage, options: { ephemeral: boolean }) {
  const menu = findElement(message.blocks, (e) => e.type === 'static_select' && e.action_id === ACTION_IDS.browse);
  const key = menu.options?.[0]?.value ?? menu.option_groups![0]!.options[0]!.value;
  const responseId = newResponseId();
  const response = await send(
    blockAction({ actionId: menu.action_id, value: key, elementType: 'static_select', responseUrl: fake.responseUrl(responseId), ...options }),
  );
  expect(response.status).toBe(200);
  return { responseId, key };
}

/** Every string Slack would render (text fields), leaving out button values which are never shown. */
function renderedText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  return Object.entries(value)
    .map(([key, inner]) => (key === 'text' && typeof inner === 'string' ? inner : key === 'value' ? '' : renderedText(inner)))
    .join('\n');
}

/** An event answered after the ones before it: proves the earlier (ignored) ones had their chance to misbehave. */
async function dmAndWaitForReply(text: string, channel = 'D0ASKER') {
  const ts = `1700000100.${String(++responseCounter).padStart(6, '0')}`;
  const response = await send(eventCallback({ type: 'message', channel_type: 'im', channel, user: 'U0ASKER', text, ts, event_ts: ts }));
  expect(response.status).toBe(200);
  return fake.waitForCall('chat.postMessage', (c) => c.outcome === 'ok' && c.args.channel === channel && c.args.text === cliCard(text, 'message').text);
}

beforeAll(async () => {
  fake = await FakeSlack.start();
  app = await startApp({ env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl } });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

beforeEach(() => fake.reset());

afterEach(() => {
  // Whatever a test made the app send, Slack would have accepted: every message and view within Block Kit limits.
  for (const call of fake.calls.filter((c) => c.method === 'chat.postMessage')) {
    expect(checkBlockKitLimits(call.args as SlackMessage, 'message')).toEqual([]);
  }
  for (const call of fake.callsTo('views.publish')) expect(checkBlockKitLimits(call.args.view, 'home')).toEqual([]);
  for (const { body } of fake.responses.filter((p) => Array.isArray(p.body.blocks))) {
    expect(checkBlockKitLimits(body as SlackMessage, 'message')).toEqual([]);
  }
  for (const call of fake.calls) expect(call.token).toBe(TEST_BOT_TOKEN);
});

describe('HTTP mode: health and Slack handshake', () => {
  it('answers GET /healthz with 200 once ready', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, mode: 'http' });
  });

  it("echoes Slack's url_verification challenge", async () => {
    const response = await send(urlVerification('challenge-3f9a'));
    expect(response.status).toBe(200);
    expect(response.text).toContain('challenge-3f9a');
  });
});

describe('/srm', () => {
  it('acks with the ephemeral card `srm ask --json` prints, with a Share button, and calls nothing else', async () => {
    const { message } = await slash('who patches rds');
    expect(message).toEqual({ response_type: 'ephemeral', ...cliCard('who patches rds') });
    expect(interactiveElements(message.blocks).map((e) => e.action_id)).toContain(ACTION_IDS.share);
    expect(checkBlockKitLimits(message, 'message')).toEqual([]);
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('"/srm help with iam" is a question about IAM: a subcommand that takes nothing stands alone', async () => {
    const { message } = await slash('help with iam');
    expect(message).toEqual({ response_type: 'ephemeral', ...cliCard('help with iam') });
    expect(message.blocks[0]).toMatchObject({ block_id: expect.stringMatching(/^srm_card:iam/) });
  });

  it.each(['', 'help', '  HELP  '])('"/srm %s" shows what the bot can do, with examples to click', async (text) => {
    const { message } = await slash(text);
    expect(message).toEqual({ response_type: 'ephemeral', ...renderHelp() });
    const examples = interactiveElements(message.blocks).filter((e) => e.action_id.startsWith(ACTION_IDS.open));
    expect(examples.length).toBeGreaterThan(1);

    const { responseId, value } = await click(message, (id) => id === examples[0]!.action_id, { ephemeral: true });
    const shown = await fake.waitForResponse(responseId);
    const answer = engine.answerFor(parseCardKey(value.k)!, value.q)!;
    expect(shown).toEqual({ response_type: 'ephemeral', replace_original: true, ...renderAnswer(kb, answer, { surface: 'ephemeral' }) });
  });

  it("answers the same words again with the same card, and the same words elsewhere with that surface's card", async () => {
    const first = await slash('who encrypts dynamodb tables');
    const again = await slash('who encrypts dynamodb tables', { user: 'U0SOMEONEELSE' });
    expect(again.message).toEqual(first.message);
    expect(again.message).toEqual({ response_type: 'ephemeral', ...cliCard('who encrypts dynamodb tables') });
    const reply = await dmAndWaitForReply('who encrypts dynamodb tables');
    const { text, blocks } = cliCard('who encrypts dynamodb tables', 'message');
    expect(reply.args).toMatchObject({ text, blocks });
  });

  it('answers a question it cannot place with "did you mean" choices, never silence', async () => {
    const { message } = await slash('what is the best pizza in town');
    expect(message).toEqual({ response_type: 'ephemeral', ...cliCard('what is the best pizza in town') });
    expect(message.text.length).toBeGreaterThan(0);
  });

  it.each([
    '<!channel> s3 encryption <@U0VICTIM> <https://evil.example|click>',
    // Refused, but with a "did you mean" that carries the question on.
    '<!here> <!channel> s3 pricing & <!everyone> <@U0VICTIM|boss> <https://evil.example|click>',
  ])('never lets user text ping or link: %s', async (text) => {
    const { message } = await slash(text);
    const shown = renderedText(message);
    for (const markup of ['<!channel>', '<!here>', '<!everyone>', '<@U0VICTIM', '<https://evil.example']) expect(shown).not.toContain(markup);

    const { responseId } = await click(message, (id) => id === ACTION_IDS.share || id.startsWith(ACTION_IDS.open), { ephemeral: true });
    await Promise.race([fake.waitForCall('chat.postMessage'), fake.waitForResponse(responseId)]);
    const everythingSent = renderedText([...fake.calls.map((c) => c.args), ...fake.responses.map((p) => p.body)]);
    for (const markup of ['<!channel>', '<!here>', '<!everyone>', '<@U0VICTIM', '<https://evil.example']) {
      expect(everythingSent).not.toContain(markup);
    }
  });
});

describe('buttons', () => {
  it('"Share in channel" posts the card for everyone, says who shared it, and removes the private copy', async () => {
    const { message } = await slash('s3 encryption', { channel: 'C0SECURITY', user: 'U0SHARER' });
    const { responseId } = await click(message, (id) => id === ACTION_IDS.share, { ephemeral: true, channel: 'C0SECURITY', user: 'U0SHARER' });

    const post = await fake.waitForCall('chat.postMessage');
    const expected = renderAnswer(kb, engine.answer('s3 encryption'), { surface: 'message', sharedBy: 'U0SHARER' });
    // Form-encoded as the Web API client sends it: booleans arrive as strings.
    expect(post.args).toMatchObject({ channel: 'C0SECURITY', text: expected.text, blocks: expected.blocks, unfurl_links: 'false' });
    expect(renderedText(post.args.blocks)).toContain('<@U0SHARER>');
    expect(interactiveElements(post.args.blocks).map((e) => e.action_id)).not.toContain(ACTION_IDS.share);
    expect(await fake.waitForResponse(responseId)).toEqual({ delete_original: true });
  });

  it.each([
    ['not_in_channel', /\/invite @srm-bot/],
    ['channel_not_found', /\/invite @srm-bot/],
    ['is_archived', /archived/],
  ])('when Slack refuses the share with %s, the clicker is told why, privately', async (error, explanation) => {
    fake.failNext('chat.postMessage', { error });
    const { message } = await slash('ec2 patching', { channel: 'C0PRIVATE' });
    const { responseId } = await click(message, (id) => id === ACTION_IDS.share, { ephemeral: true, channel: 'C0PRIVATE' });
    const reply = await fake.waitForResponse(responseId);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringMatching(explanation) });
    await app.waitForLog((line) => line.msg === 'could not share the card' && line.error === error && line.channel === 'C0PRIVATE');
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('a related card chosen on an ephemeral card replaces it with that card', async () => {
    const { message } = await slash('s3 encryption');
    const { responseId, key } = await chooseRelated(message, { ephemeral: true });
    const answer = engine.answerFor(parseCardKey(key)!)!;
    expect(answer.match).not.toBeNull();
    expect(await fake.waitForResponse(responseId)).toEqual({
      response_type: 'ephemeral',
      replace_original: true,
      ...renderAnswer(kb, answer, { surface: 'ephemeral' }),
    });
  });

  it('a related card chosen on a message everyone sees answers the clicker privately and leaves the message alone', async () => {
    const shared = cliCard('who patches ec2', 'message');
    const { responseId, key } = await chooseRelated(shared, { ephemeral: false });
    const answer = engine.answerFor(parseCardKey(key)!)!;
    expect(await fake.waitForResponse(responseId)).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      ...renderAnswer(kb, answer, { surface: 'ephemeral' }),
    });
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it.each(['up', 'down'] as const)("a %s vote in Slack's feedback control is thanked privately and recorded as a log line", async (vote) => {
    const { message } = await slash('lambda logging', { user: 'U0VOTER' });
    const { actionId, value } = feedbackHalf(message.blocks, vote);
    const responseId = newResponseId();
    await send(blockAction({ actionId, value, elementType: 'feedback_buttons', responseUrl: fake.responseUrl(responseId), ephemeral: true, user: 'U0VOTER' }));
    const reply = await fake.waitForResponse(responseId);
    expect(reply).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: expect.stringContaining(cardKeyTitle(kb, parseCardKey('lambda.logging')!)),
    });
    const line = await app.waitForLog((l) => l.msg === 'card feedback' && l.feedback?.user === 'U0VOTER' && l.feedback?.vote === vote);
    expect(line.feedback).toMatchObject({ card: 'lambda.logging', query: 'lambda logging', channel: 'C0GENERAL' });
  });

  it('"Details" on an ephemeral answer replaces it in place with the full card, and posts nothing', async () => {
    const { message } = await slash('s3 encryption');
    const { responseId, value } = await click(message, (id) => id === ACTION_IDS.details, { ephemeral: true });
    const full = renderAnswer(kb, engine.answerFor(parseCardKey(value.k)!, value.q)!, { surface: 'ephemeral', length: 'full' });
    const shown = await fake.waitForResponse(responseId);
    expect(shown).toEqual({ response_type: 'ephemeral', replace_original: true, ...full });
    expect(renderedText(shown)).toContain('Best practices');
    expect(interactiveElements(full.blocks).map((e) => e.action_id)).not.toContain(ACTION_IDS.details);
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('"Share in channel" under the details shares the details', async () => {
    const { message } = await slash('s3 encryption', { channel: 'C0SECURITY', user: 'U0SHARER' });
    const details = await click(message, (id) => id === ACTION_IDS.details, { ephemeral: true, channel: 'C0SECURITY' });
    const full = (await fake.waitForResponse(details.responseId)) as unknown as SlackMessage;
    await click(full, (id) => id === ACTION_IDS.share, { ephemeral: true, channel: 'C0SECURITY', user: 'U0SHARER' });
    const post = await fake.waitForCall('chat.postMessage');
    const expected = renderAnswer(kb, engine.answer('s3 encryption'), { surface: 'message', sharedBy: 'U0SHARER', length: 'full' });
    expect(post.args).toMatchObject({ channel: 'C0SECURITY', text: expected.text, blocks: expected.blocks });
  });

  it.each([
    ['in a channel', undefined, '1700000000.000100'],
    ['in a thread', '1700000000.000050', '1700000000.000050'],
  ])('"Details" on a message everyone sees %s posts the full card in its thread', async (_where, threadTs, expectedThread) => {
    const shared = cliCard('who patches ec2', 'message');
    const { responseId, value } = await click(shared, (id) => id === ACTION_IDS.details, {
      ephemeral: false,
      channel: 'C0GENERAL',
      ...(threadTs && { threadTs }),
    });
    const post = await fake.waitForCall('chat.postMessage');
    const full = renderAnswer(kb, engine.answerFor(parseCardKey(value.k)!, value.q)!, { surface: 'message', length: 'full' });
    expect(post.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: expectedThread, text: full.text, blocks: full.blocks });
    await app.waitForLog((l) => l.msg === 'request' && l.type === `block_actions ${ACTION_IDS.details}`);
    expect(fake.responsesTo(responseId)).toEqual([]);
  });

  it('"Details" that Slack refuses to post in the thread is explained to the clicker, privately', async () => {
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const { responseId } = await click(cliCard('ec2 patching', 'message'), (id) => id === ACTION_IDS.details, { ephemeral: false, channel: 'C0PRIVATE' });
    expect(await fake.waitForResponse(responseId)).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: expect.stringMatching(/\/invite @srm-bot/),
    });
    await app.waitForLog((line) => line.msg === 'could not post the details' && line.error === 'not_in_channel');
  });

  it('a control of ours this release does not know is acked, does nothing and is logged', async () => {
    const responseId = newResponseId();
    const response = await send(
      blockAction({ actionId: 'srm_from_a_later_release:1', value: '{}', responseUrl: fake.responseUrl(responseId), ephemeral: true }),
    );
    expect(response.status).toBe(200);
    await app.waitForLog((l) => l.action_id === 'srm_from_a_later_release:1' && l.level === 40);
    await app.waitForLog((l) => l.msg === 'request' && l.type === 'block_actions srm_from_a_later_release:1');
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(fake.responses).toEqual([]);
  });

  it('a button whose value names no card gets an explanation instead of silence', async () => {
    const responseId = newResponseId();
    await send(blockAction({ actionId: `${ACTION_IDS.open}:1`, value: '{"k":"no-such-card"}', responseUrl: fake.responseUrl(responseId), ephemeral: true }));
    expect(await fake.waitForResponse(responseId)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/srm') });
  });
});

describe('mentions and direct messages', () => {
  it('answers an @mention in a thread under the message', async () => {
    await send(
      eventCallback({
        type: 'app_mention',
        user: 'U0ASKER',
        text: `<@${BOT_USER_ID}> who patches ec2`,
        ts: '1700000200.000100',
        channel: 'C0GENERAL',
        event_ts: '1700000200.000100',
      }),
    );
    const reply = await fake.waitForCall('chat.postMessage');
    expect(reply.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000200.000100', ...cliCard(`<@${BOT_USER_ID}> who patches ec2`, 'message') });
  });

  it('answers an @mention inside a thread in that thread', async () => {
    await send(
      eventCallback({
        type: 'app_mention',
        user: 'U0ASKER',
        text: `<@${BOT_USER_ID}> s3 access`,
        ts: '1700000300.000200',
        thread_ts: '1700000300.000100',
        channel: 'C0GENERAL',
        event_ts: '1700000300.000200',
      }),
    );
    const reply = await fake.waitForCall('chat.postMessage');
    expect(reply.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000300.000100' });
  });

  it('answers a direct message in the DM', async () => {
    const reply = await dmAndWaitForReply('is iam my job');
    expect(reply.args).toMatchObject({ channel: 'D0ASKER', ...cliCard('is iam my job', 'message') });
    expect(reply.args.thread_ts).toBeUndefined();
  });

  it('never answers bots, itself, edits, deletions or other subtypes', async () => {
    const ignored = [
      { type: 'message', channel_type: 'im', channel: 'D0ASKER', bot_id: 'B0OTHER', text: 's3 encryption', ts: '1700000400.000001' },
      { type: 'message', channel_type: 'im', channel: 'D0ASKER', user: BOT_USER_ID, bot_id: BOT_ID, text: 's3 encryption', ts: '1700000400.000002' },
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0ASKER',
        subtype: 'message_changed',
        message: { text: 's3 encryption', user: 'U0ASKER' },
        ts: '1700000400.000003',
      },
      { type: 'message', channel_type: 'im', channel: 'D0ASKER', subtype: 'message_deleted', ts: '1700000400.000004' },
      { type: 'message', channel_type: 'im', channel: 'D0ASKER', subtype: 'bot_message', bot_id: 'B0OTHER', text: 's3 encryption', ts: '1700000400.000005' },
      { type: 'message', channel_type: 'channel', channel: 'C0GENERAL', user: 'U0ASKER', text: 's3 encryption', ts: '1700000400.000006' },
      { type: 'app_mention', channel: 'C0GENERAL', user: 'U0OTHERBOT', bot_id: 'B0OTHER', text: `<@${BOT_USER_ID}> s3 encryption`, ts: '1700000400.000007' },
    ];
    for (const event of ignored) expect((await send(eventCallback({ event_ts: event.ts, ...event }))).status).toBe(200);
    await dmAndWaitForReply('who patches rds');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('App Home and the message shortcut', () => {
  it('publishes the home view when someone opens the Home tab', async () => {
    await send(eventCallback({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0ASKER', tab: 'home', event_ts: '1700000500.000001' }));
    const published = await fake.waitForCall('views.publish');
    expect(published.args.user_id).toBe('U0ASKER');
    expect(published.args.view.type).toBe('home');
    expect(checkBlockKitLimits(published.args.view, 'home')).toEqual([]);
  });

  it('choosing a card from the Home tab sends it to the DM with the app', async () => {
    await send(eventCallback({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0ASKER', tab: 'home', event_ts: '1700000500.000002' }));
    const { args } = await fake.waitForCall('views.publish');
    const menu = findElement(args.view.blocks, (e) => e.action_id.startsWith(ACTION_IDS.browse));
    const key = menu.options?.[0]?.value ?? menu.option_groups![0]!.options[0]!.value;
    await send(homeSelection(menu.action_id, key, 'U0BROWSER'));
    const post = await fake.waitForCall('chat.postMessage');
    const expected = renderAnswer(kb, engine.answerFor(parseCardKey(key)!)!, { surface: 'message' });
    expect(post.args).toMatchObject({ channel: 'U0BROWSER', text: expected.text, blocks: expected.blocks });
  });

  it('"Ask srm-bot" on a message answers about its text, privately', async () => {
    const responseId = newResponseId();
    const text = 'did anyone check whether our rds snapshots are encrypted?';
    await send(messageShortcut(text, { responseUrl: fake.responseUrl(responseId), callbackId: 'srm_ask' }));
    expect(await fake.waitForResponse(responseId)).toEqual({ response_type: 'ephemeral', ...cliCard(text) });
  });
});

describe('forged requests', () => {
  it('rejects a wrong signature with 401 and no effect', async () => {
    const request = slashCommand('s3 encryption', { responseUrl: fake.responseUrl('forged') });
    const response = await send(request, { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' });
    expect(response.status).toBe(401);
    const wrongSecret = await send(eventCallback({ type: 'app_mention', user: 'U0ASKER', text: 'ec2', ts: '1.1', channel: 'C0GENERAL' }), {
      secret: 'ffffffffffffffffffffffffffffffff',
    });
    expect(wrongSecret.status).toBe(401);
    await dmAndWaitForReply('kms encryption');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.responses).toEqual([]);
  });

  it('rejects a correctly signed request older than 5 minutes', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await send(slashCommand('s3 encryption', { responseUrl: fake.responseUrl('stale') }), { timestamp: sixMinutesAgo });
    expect(response.status).toBe(401);
    expect(response.text).not.toContain('blocks');
  });
});

describe('Slack Web API failures', () => {
  it('retries a 429 after its Retry-After and the answer still arrives', async () => {
    fake.failNext('chat.postMessage', { rateLimitedFor: 1 });
    const reply = await dmAndWaitForReply('who patches lambda');
    const attempts = fake.callsTo('chat.postMessage');
    expect(attempts.map((a) => a.outcome)).toEqual(['rate_limited', 'ok']);
    expect(attempts[0]!.args).toEqual(attempts[1]!.args);
    expect(reply).toBe(attempts[1]);
  });

  it('a reply Slack refuses is logged with its reason and the app keeps answering', async () => {
    fake.failNext('chat.postMessage', { error: 'is_archived' });
    await send(
      eventCallback({
        type: 'app_mention',
        user: 'U0ASKER',
        text: `<@${BOT_USER_ID}> s3`,
        ts: '1700000600.000001',
        channel: 'C0ARCHIVED',
        event_ts: '1700000600.000001',
      }),
    );
    const line = await app.waitForLog((l) => l.msg === 'could not post the answer' && l.channel === 'C0ARCHIVED');
    expect(line).toMatchObject({ level: 40, error: 'is_archived' });
    await dmAndWaitForReply('s3 backup');
  });

  it('a handler that fails (its response_url unreachable) is logged and the process keeps serving', async () => {
    const { message } = await slash('ebs encryption');
    const { actionId, value } = feedbackHalf(message.blocks, 'up');
    const unreachable = 'http://127.0.0.1:9/respond/gone';
    await send(blockAction({ actionId, value, elementType: 'feedback_buttons', responseUrl: unreachable, ephemeral: true, user: 'U0FAILING' }));
    await app.waitForLog((l) => l.msg === 'request failed' && l.user === 'U0FAILING');
    await app.waitForLog((l) => l.msg === 'a listener failed');
    expect(app.child.exitCode).toBeNull();
    await dmAndWaitForReply('ebs backup');
  });
});

describe('logs', () => {
  it('one JSON line per request with team, channel, user, type, match and duration', async () => {
    await slash('dynamodb encryption', { channel: 'C0LOGS', user: 'U0LOGGER' });
    const line = await app.waitForLog((l) => l.msg === 'request' && l.channel === 'C0LOGS');
    expect(line).toMatchObject({ type: 'command /srm', team: 'T0TEST', user: 'U0LOGGER', match: 'dynamodb.encryption', duration_ms: expect.any(Number) });
    expect(app.logs().filter((l) => l.msg === 'request' && l.channel === 'C0LOGS')).toHaveLength(1);
  });

  it('never contain the bot token or the signing secret', () => {
    const everything = app.stdout() + app.stderr();
    expect(everything.length).toBeGreaterThan(0);
    expect(everything).not.toContain(TEST_BOT_TOKEN);
    expect(everything).not.toContain(TEST_SIGNING_SECRET);
    expect(app.stderr()).toBe('');
  });
});
