import { describe, expect, it } from 'vitest';
import { directMessage } from '../../../src/slack/listeners/events/directMessage.js';
import { BOT, boltArgs, cardShown, fakeClient, fakeDeps, firstCall, type ClientOptions } from '../../support/listenerFakes.js';

async function dm(event: Record<string, unknown>, options: ClientOptions = {}) {
  const { deps } = fakeDeps();
  const client = fakeClient(options);
  const args = { ...boltArgs(client), event: { type: 'message', channel_type: 'im', channel: 'D0DM', ts: '1700000000.000300', user: 'U0ASKER', ...event } };
  await directMessage(deps)(args as never);
  return { post: firstCall(client.chat.postMessage), posts: client.chat.postMessage.mock.calls.length, readThread: client.conversations.replies };
}

describe('a DM to the bot', () => {
  it('is answered in the DM', async () => {
    const { post, readThread } = await dm({ text: 'who patches ec2' });
    expect(post).toMatchObject({ channel: 'D0DM' });
    expect(post.thread_ts).toBeUndefined();
    expect(cardShown(post)).toBe('ec2.patching');
    expect(readThread).not.toHaveBeenCalled();
  });

  it('in a thread is read after the last card the bot answered with there', async () => {
    const thread = [
      { user: 'U0ASKER', text: 'who patches rds' },
      { bot_id: BOT.botId, blocks: [{ type: 'header', block_id: 'srm_card:rds.patching' }] },
    ];
    const { post } = await dm({ text: 'and for aurora?', thread_ts: '1700000000.000001' }, { thread });
    expect(post).toMatchObject({ thread_ts: '1700000000.000001' });
    expect(cardShown(post)).toBe('aurora.patching');
  });

  it.each([
    ['in a channel', { channel_type: 'channel', channel: 'C0GENERAL' }],
    ['from a bot', { bot_id: 'B0OTHER' }],
    ['that is an edit', { subtype: 'message_changed' }],
  ])('leaves a message %s unanswered', async (_, event) => {
    expect((await dm({ text: 'who patches ec2', ...event })).posts).toBe(0);
  });
});
