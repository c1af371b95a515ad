import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { renderAnswer } from '../src/cards/index.js';
import { openEngine } from '../src/engine/index.js';
import { openKnowledge } from '../src/knowledge/index.js';
import { startApp, TEST_APP_TOKEN, TEST_BOT_TOKEN, waitUntilReady, type RunningApp } from './support/appProcess.js';
import { BOT_USER_ID, FakeSlack } from './support/fakeSlack.js';
import { eventCallback, slashCommand } from './support/slackRequests.js';

/**
 * Socket Mode end to end: the app asks the fake Web API for a WebSocket URL (apps.connections.open, with the
 * app-level token), connects to a local WebSocket server playing Slack, and answers the envelopes it receives.
 */
const kb = openKnowledge();
const engine = openEngine(kb);

let fake: FakeSlack;
let sockets: WebSocketServer;
let slackSide: WebSocket;
let app: RunningApp;
const acks = new Map<string, Record<string, any>>();

function deliver(type: 'slash_commands' | 'events_api', payload: unknown, envelopeId: string): Promise<Record<string, any>> {
  slackSide.send(
    JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands', retry_attempt: 0, retry_reason: '' }),
  );
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 3_000;
    const poll = () => {
      const ack = acks.get(envelopeId);
      if (ack) resolve(ack);
      else if (Date.now() > deadline) reject(new Error(`no ack for ${envelopeId} within 3 s`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

beforeAll(async () => {
  fake = await FakeSlack.start();
  sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(sockets, 'listening');
  fake.socketUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link/?ticket=test`;
  const connected = once(sockets, 'connection');
  app = await startApp({ env: { SLACK_APP_TOKEN: TEST_APP_TOKEN, SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_API_URL: fake.apiUrl }, waitReady: false });
  [slackSide] = (await connected) as [WebSocket];
  slackSide.on('message', (data) => {
    const message = JSON.parse(String(data)) as { envelope_id?: string };
    if (message.envelope_id) acks.set(message.envelope_id, message);
  });
  slackSide.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0SRM' } }));
});

afterAll(async () => {
  await app?.stop();
  for (const client of sockets?.clients ?? []) client.terminate();
  await new Promise((resolve) => sockets?.close(resolve));
  await fake?.close();
});

describe('Socket Mode', () => {
  it('opens the connection with the app-level token from SLACK_API_URL', () => {
    const [open] = fake.callsTo('apps.connections.open');
    expect(open?.token).toBe(TEST_APP_TOKEN);
  });

  it('answers GET /healthz on PORT once connected', async () => {
    await waitUntilReady(app);
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, mode: 'socket' });
  });

  it('acks a slash command envelope with the ephemeral card itself', async () => {
    const body = Object.fromEntries(new URLSearchParams(slashCommand('who patches rds', { responseUrl: fake.responseUrl('socket') }).body));
    const ack = await deliver('slash_commands', body, 'env-slash-1');
    expect(ack.payload).toEqual({ response_type: 'ephemeral', ...renderAnswer(kb, engine.answer('who patches rds'), { surface: 'ephemeral' }) });
  });

  it('acks an event envelope and answers the mention in its thread', async () => {
    const event = JSON.parse(
      eventCallback({
        type: 'app_mention',
        user: 'U0ASKER',
        text: `<@${BOT_USER_ID}> ec2 network`,
        ts: '1700000800.000001',
        channel: 'C0GENERAL',
        event_ts: '1700000800.000001',
      }).body,
    );
    await deliver('events_api', event, 'env-event-1');
    const reply = await fake.waitForCall('chat.postMessage');
    expect(reply.token).toBe(TEST_BOT_TOKEN);
    expect(reply.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000800.000001' });
  });

  it('never logs either token', () => {
    const everything = app.stdout() + app.stderr();
    expect(everything).not.toContain(TEST_APP_TOKEN);
    expect(everything).not.toContain(TEST_BOT_TOKEN);
  });
});
