import { describe, expect, it, vi } from 'vitest';
import { LOOKING_IT_UP, userMessage } from '../../../src/slack/listeners/assistant/userMessage.js';
import { BOT, boltArgs, cardShown, fakeClient, fakeDeps, firstCall, type ClientOptions } from '../../support/listenerFakes.js';

async function ask(message: Record<string, unknown>, options: ClientOptions = {}) {
  const { deps } = fakeDeps();
  const client = fakeClient(options);
  const args = { ...boltArgs(client), setStatus: vi.fn(async (_status: string) => {}), setTitle: vi.fn(async (_title: string) => {}) };
  await userMessage(deps)({
    ...args,
    message: { channel: 'D0AGENT', ts: '1700000000.000600', thread_ts: '1700000000.000001', user: 'U0ASKER', ...message },
  } as never);
  return { ...args, post: firstCall(client.chat.postMessage) };
}

describe('a question in an agent view thread', () => {
  it('shows a status, titles the thread after its first question and answers in the thread', async () => {
    const { setStatus, setTitle, post } = await ask({ text: 'who patches ec2' });
    expect(setStatus).toHaveBeenCalledWith(LOOKING_IT_UP);
    expect(setTitle).toHaveBeenCalledWith('who patches ec2');
    expect(post).toMatchObject({ channel: 'D0AGENT', thread_ts: '1700000000.000001' });
    expect(cardShown(post)).toBe('ec2.patching');
  });

  it("reads a follow-up after the thread's last card and keeps the thread's title", async () => {
    const thread = [{ bot_id: BOT.botId, blocks: [{ type: 'header', block_id: 'srm_card:rds.patching' }] }];
    const { setTitle, post } = await ask({ text: 'and for aurora?' }, { thread });
    expect(cardShown(post)).toBe('aurora.patching');
    expect(setTitle).not.toHaveBeenCalled();
  });

  it("still answers where the agent view's status cannot be set", async () => {
    const { deps } = fakeDeps();
    const client = fakeClient();
    const setStatus = vi.fn(async () => {
      throw new Error('An API error occurred: not_allowed');
    });
    await userMessage(deps)({
      ...boltArgs(client),
      setStatus,
      setTitle: vi.fn(),
      message: { channel: 'D0DM', ts: '1', thread_ts: '1', user: 'U0ASKER', text: 'who patches ec2' },
    } as never);
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
  });

  it("leaves a bot's message unanswered", async () => {
    const { setStatus, post } = await ask({ text: 'who patches ec2', user: undefined, bot_id: 'B0OTHER' });
    expect(setStatus).not.toHaveBeenCalled();
    expect(post).toBeUndefined();
  });
});
