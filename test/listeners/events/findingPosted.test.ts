import { describe, expect, it } from 'vitest';
import { FINDING_REPLY_EVENT_TYPE } from '../../../src/answers/index.js';
import { findingPosted } from '../../../src/slack/listeners/events/findingPosted.js';
import { BOT, boltArgs, cardShown, fakeClient, fakeDeps, FINDINGS_CHANNEL, firstCall, type ClientOptions } from '../../support/listenerFakes.js';

const FINDING = {
  type: 'message',
  subtype: 'bot_message',
  bot_id: 'B0CHATBOT',
  channel: FINDINGS_CHANNEL,
  ts: '1700000000.000400',
  text: 'Security Hub finding: S3.8 failed for bucket logs',
};

async function post(event: Record<string, unknown>, options: ClientOptions = {}) {
  const { deps } = fakeDeps();
  const client = fakeClient(options);
  await findingPosted(deps)({ ...boltArgs(client), event: { ...FINDING, ...event } } as never);
  return { reply: firstCall(client.chat.postMessage), replies: client.chat.postMessage.mock.calls.length };
}

describe('a finding another app posts in an opted-in channel', () => {
  it('gets one threaded reply with the card that says who acts, marked as the reply to that finding', async () => {
    const { reply, replies } = await post({});
    expect(replies).toBe(1);
    expect(reply).toMatchObject({ channel: FINDINGS_CHANNEL, thread_ts: FINDING.ts, metadata: { event_type: FINDING_REPLY_EVENT_TYPE } });
    expect(cardShown(reply)).not.toBeNull();
  });

  it('gets no second reply when its thread already holds one', async () => {
    const thread = [{ ts: '1700000000.000500', bot_id: BOT.botId, metadata: { event_type: FINDING_REPLY_EVENT_TYPE } }];
    expect((await post({}, { thread })).replies).toBe(0);
  });

  it.each([
    ['in another channel', { channel: 'C0GENERAL' }],
    ['posted by a person', { subtype: undefined, bot_id: undefined, user: 'U0PERSON' }],
    ['naming no finding', { text: 'Deploy finished' }],
  ])('gets no reply %s', async (_, event) => {
    expect((await post(event)).replies).toBe(0);
  });
});
