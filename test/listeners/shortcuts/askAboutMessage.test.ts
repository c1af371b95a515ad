import { describe, expect, it } from 'vitest';
import { askAboutMessage } from '../../../src/slack/listeners/shortcuts/askAboutMessage.js';
import { boltArgs, cardShown, fakeDeps, firstCall } from '../../support/listenerFakes.js';

async function shortcut(text: string | undefined, respondFails = false) {
  const { deps, logLines } = fakeDeps();
  const args = boltArgs();
  if (respondFails) args.respond.mockRejectedValueOnce(new Error('expired_url'));
  const shortcutPayload = { type: 'message_action', callback_id: 'srm_ask', user: { id: 'U0ASKER' }, channel: { id: 'C0GENERAL' }, message: { text } };
  await askAboutMessage(deps)({ ...args, shortcut: shortcutPayload } as never);
  expect(args.ack).toHaveBeenCalledTimes(1);
  return { response: firstCall(args.respond), context: args.context, logLines };
}

describe('"Ask srm-bot" on a message', () => {
  it("answers about the message's text, privately", async () => {
    const { response, context } = await shortcut('does aws patch the os on our ec2 instances?');
    expect(response.response_type).toBe('ephemeral');
    expect(cardShown(response)).toBe('ec2.patching');
    expect(context.match).toBe('ec2.patching');
  });

  it('answers a message without text (an image, a file) with how to ask, never silence', async () => {
    const { response, context } = await shortcut(undefined);
    expect(response).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('srm-bot answers who secures what') });
    expect(context.match).toBe('help');
  });

  it('notes a message it has no card for as unanswered, for the feedback report', async () => {
    const { context } = await shortcut('what is the capital of peru');
    expect(context.unanswered).toMatchObject({ query: 'what is the capital of peru', reason: expect.any(String) });
  });

  it('logs, and does not throw, when the answer cannot be delivered', async () => {
    const { logLines } = await shortcut('who patches ec2', true);
    expect(logLines().find((l) => l.msg === 'could not answer the shortcut')).toMatchObject({ user: 'U0ASKER', channel: 'C0GENERAL' });
  });
});
