import { describe, expect, it } from 'vitest';
import { appMention } from '../../../src/slack/listeners/events/appMention.js';
import { BOT, boltArgs, cardShown, fakeClient, fakeDeps, firstCall } from '../../support/listenerFakes.js';

async function mention(event: Record<string, unknown>) {
  const { deps } = fakeDeps();
  const client = fakeClient();
  const args = { ...boltArgs(client), event: { type: 'app_mention', channel: 'C0GENERAL', ts: '1700000000.000200', user: 'U0ASKER', ...event } };
  await appMention(deps)(args as never);
  return { post: firstCall(client.chat.postMessage), posts: client.chat.postMessage.mock.calls.length, context: args.context };
}

describe('@srm-bot in a channel', () => {
  it('answers in a thread under the question', async () => {
    const { post, context } = await mention({ text: `<@${BOT.botUserId}> who patches ec2` });
    expect(post).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000200' });
    expect(cardShown(post)).toBe('ec2.patching');
    expect(context.match).toBe('ec2.patching');
  });

  it('answers in the thread it was asked in', async () => {
    const { post } = await mention({ text: `<@${BOT.botUserId}> who patches ec2`, thread_ts: '1700000000.000001' });
    expect(post).toMatchObject({ thread_ts: '1700000000.000001' });
  });

  it.each([
    ["in the bot's DM (message.im answers it)", { channel: 'D0DM' }],
    ['from a bot', { bot_id: 'B0OTHER' }],
    ['from srm-bot itself', { user: BOT.botUserId }],
  ])('does not answer a mention %s', async (_, event) => {
    expect((await mention({ text: `<@${BOT.botUserId}> who patches ec2`, ...event })).posts).toBe(0);
  });
});
