/**
 * Fault suite: the real app (dist/src/main.js, HTTP mode) against a fake Slack that fails the way Slack does
 * on a bad day: 429 with Retry-After, 5xx, answers slower than the 3-second ack deadline, connections dropped.
 * srm-bot must still ack in time, deliver once Slack recovers, keep /healthz at 200 and never crash.
 * sendToApp aborts after 3 s, Slack's own deadline, so "acked in time" is enforced by every request here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_IDS, renderAnswer, type SlackMessage } from '../src/cards/index.js';
import { openEngine } from '../src/engine/index.js';
import { openKnowledge } from '../src/knowledge/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, waitUntilReady, type RunningApp } from './support/appProcess.js';
import { findElement } from './support/blocks.js';
import { BOT_USER_ID, FakeSlack } from './support/fakeSlack.js';
import { FaultProxy, type Fault } from './support/faultProxy.js';
import { blockAction, eventCallback, sendToApp, slashCommand, type SlackRequest } from './support/slackRequests.js';

const kb = openKnowledge();
const engine = openEngine(kb);
const card = (text: string, surface: 'ephemeral' | 'message') => renderAnswer(kb, engine.answer(text), { surface });

/** Retries with the app's backoff (0.5 s doubling, randomised) wait up to 15 s in all; a reply may take that long. */
const RECOVERY_MS = 20_000;
/** Per test: a recovery plus the requests around it. */
const TEST_MS = 30_000;

const OUTAGES: Array<[string, Fault]> = [
  ['HTTP 500', { status: 500 }],
  ['HTTP 503', { status: 503 }],
  ['429 with Retry-After: 30', { status: 429, retryAfter: 30 }],
  ['dropped connections', { drop: true }],
  ['answers 5 s late', { delayMs: 5_000 }],
];

let fake: FakeSlack;
let proxy: FaultProxy;
let app: RunningApp;
let counter = 0;
const nextId = () => (counter += 1);

const send = (request: SlackRequest) => sendToApp(app.baseUrl, request, { secret: TEST_SIGNING_SECRET });

async function expectHealthy(): Promise<void> {
  expect(app.child.exitCode).toBeNull();
  const response = await fetch(`${app.baseUrl}/healthz`, { signal: AbortSignal.timeout(3_000) });
  expect(response.status).toBe(200);
}

async function slash(text: string, channel = 'C0GENERAL') {
  const response = await send(slashCommand(text, { responseUrl: proxy.responseUrl(`r${nextId()}`), channel }));
  expect(response.status).toBe(200);
  return response.json() as SlackMessage & { response_type: string };
}

/** An @mention; resolves once Slack acknowledged delivery (HTTP 200 within 3 s), not when the reply is posted. */
async function mention(text: string): Promise<{ channel: string; ts: string; text: string }> {
  const ts = `1700001000.${String(nextId()).padStart(6, '0')}`;
  const channel = `C0FAULT${counter}`;
  const full = `<@${BOT_USER_ID}> ${text}`;
  const response = await send(eventCallback({ type: 'app_mention', user: 'U0ASKER', text: full, ts, channel, event_ts: ts }));
  expect(response.status).toBe(200);
  return { channel, ts, text: full };
}

const replyTo = (asked: { channel: string; ts: string }) =>
  fake.waitForCall('chat.postMessage', (c) => c.outcome === 'ok' && c.args.channel === asked.channel && c.args.thread_ts === asked.ts, RECOVERY_MS);

beforeAll(async () => {
  fake = await FakeSlack.start();
  proxy = await FaultProxy.start(fake.origin);
  app = await startApp({
    env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: proxy.apiUrl, SLACK_API_RETRIES: '4' },
  });
});

afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await fake?.close();
});

beforeEach(() => {
  proxy.reset();
  fake.reset();
});

describe('while Slack is failing, /srm is still acked within 3 s with the full answer', () => {
  it.each(OUTAGES)(
    '%s',
    async (_name, fault) => {
      proxy.breakAll(fault);
      const message = await slash('who patches rds');
      expect(message).toMatchObject({ response_type: 'ephemeral', ...card('who patches rds', 'ephemeral') });
      await expectHealthy();
      proxy.recover();
    },
    TEST_MS,
  );
});

describe('replies that need the Web API arrive once Slack recovers', () => {
  it.each<[string, Fault, number]>([
    ['a 429 with Retry-After', { status: 429, retryAfter: 1 }, 1],
    ['two HTTP 500s', { status: 500 }, 2],
    ['two HTTP 502s', { status: 502 }, 2],
    ['two dropped connections', { drop: true }, 2],
    ['an answer slower than the ack deadline', { delayMs: 4_000 }, 1],
  ])(
    'a mention is acked in time and answered in its thread after %s',
    async (_name, fault, times) => {
      proxy.failNext('chat.postMessage', fault, times);
      const asked = await mention('s3 encryption');
      const reply = await replyTo(asked);
      expect(reply.args).toMatchObject(card(asked.text, 'message'));
      expect(proxy.faultsGiven('chat.postMessage')).toHaveLength(times);
      // One answer, not one per attempt: a slow answer must not be posted twice.
      await expectHealthy();
      expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === asked.channel)).toHaveLength(1);
    },
    TEST_MS,
  );

  it(
    'a mention during a full outage is answered when Slack comes back',
    async () => {
      proxy.breakAll({ status: 503 });
      const asked = await mention('who patches ec2');
      // The app really tried to answer during the outage: the proxy turned its post away.
      await vi.waitFor(() => expect(proxy.faultsGiven('chat.postMessage')).not.toHaveLength(0), { timeout: RECOVERY_MS });
      await expectHealthy();
      proxy.recover();
      const reply = await replyTo(asked);
      expect(reply.args).toMatchObject(card(asked.text, 'message'));
    },
    TEST_MS,
  );

  it(
    '"Share in channel" is acked in time and posted once Slack recovers',
    async () => {
      const message = await slash('ec2 patching', 'C0SHARE');
      const share = findElement(message.blocks, (e) => e.type === 'button' && e.action_id === ACTION_IDS.share);
      proxy.failNext('chat.postMessage', { drop: true });
      proxy.failNext('chat.postMessage', { status: 500 });
      const response = await send(
        blockAction({ actionId: share.action_id, value: share.value!, responseUrl: proxy.responseUrl(`r${nextId()}`), ephemeral: true, channel: 'C0SHARE' }),
      );
      expect(response.status).toBe(200);
      const post = await fake.waitForCall('chat.postMessage', (c) => c.outcome === 'ok' && c.args.channel === 'C0SHARE', RECOVERY_MS);
      expect(post.args.text).toBe(card('ec2 patching', 'message').text);
    },
    TEST_MS,
  );
});

describe('failures that do not recover are contained', () => {
  it(
    'a response_url that keeps failing is logged, and the app keeps answering',
    async () => {
      const message = await slash('s3 encryption', 'C0RESPOND');
      const share = findElement(message.blocks, (e) => e.type === 'button' && e.action_id === ACTION_IDS.share);
      proxy.failNext('respond', { status: 500 }, 10);
      const response = await send(
        blockAction({ actionId: share.action_id, value: share.value!, responseUrl: proxy.responseUrl(`r${nextId()}`), ephemeral: true, channel: 'C0RESPOND' }),
      );
      expect(response.status).toBe(200);
      await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C0RESPOND', RECOVERY_MS);
      await app.waitForLog((line) => line.level >= 40 && line.channel === 'C0RESPOND', RECOVERY_MS);
      await expectHealthy();
      expect((await slash('who patches lambda')).blocks).toEqual(card('who patches lambda', 'ephemeral').blocks);
    },
    TEST_MS,
  );

  it(
    'a reply whose retries all fail is logged once and the process stays up',
    async () => {
      proxy.failNext('chat.postMessage', { status: 500 }, 10);
      const asked = await mention('kms');
      await app.waitForLog((line) => line.level >= 40 && line.channel === asked.channel, RECOVERY_MS);
      expect(proxy.faultsGiven('chat.postMessage')).toHaveLength(5);
      await expectHealthy();
    },
    TEST_MS,
  );

  it('no failure above reached the process as an unhandled rejection or a crash', async () => {
    await expectHealthy();
    expect(app.logs().filter((line) => /unhandled/i.test(String(line.msg)))).toEqual([]);
    expect(app.stderr()).toBe('');
  });
});

describe('Slack unreachable while srm-bot starts', () => {
  let late: RunningApp;
  let lateProxy: FaultProxy;

  beforeAll(async () => {
    lateProxy = await FaultProxy.start(fake.origin);
    lateProxy.breakAll({ drop: true });
    late = await startApp({
      env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: lateProxy.apiUrl, SLACK_API_RETRIES: '1' },
      // Not ready until Slack has said who the bot is: /healthz answers 503 meanwhile.
      waitReady: false,
    });
  });

  afterAll(async () => {
    await late?.stop();
    await lateProxy?.close();
  });

  /*
   * Bolt's own single-token authorization runs auth.test once and keeps the promise, rejected or not. The app
   * gives Bolt an `authorize` (src/slack/identity.ts) that keeps only a success and asks again otherwise, and
   * /healthz stays at 503 until Slack has answered.
   */
  it(
    'is not ready while Slack is unreachable, then answers /srm once Slack is back',
    async () => {
      // First the server must be listening (a busy machine can take seconds to start it), then long enough for
      // the start-up auth.test and its retry to have failed.
      const listening = Date.now() + 15_000;
      while (
        (await fetch(`${late.baseUrl}/healthz`).then(
          (r) => r.status,
          () => 0,
        )) === 0 &&
        Date.now() < listening
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await fetch(`${late.baseUrl}/healthz`)).status).toBe(503);
      lateProxy.recover();
      await waitUntilReady(late);
      const response = await sendToApp(late.baseUrl, slashCommand('who patches rds', { responseUrl: lateProxy.responseUrl('late') }), {
        secret: TEST_SIGNING_SECRET,
      });
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject(card('who patches rds', 'ephemeral'));
    },
    TEST_MS,
  );
});
