import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/cards/index.js';
import { quizShare, STALE_QUIZ_SHARE } from '../../../src/slack/listeners/actions/quizShare.js';
import { findElement } from '../../support/blocks.js';
import { clickArgs, fakeClient, fakeDeps, firstCall } from '../../support/listenerFakes.js';

const { deps } = fakeDeps();
const asked = deps.answers.quiz.ask('');
const shareValue = findElement(asked.message.blocks, (e) => e.action_id === ACTION_IDS.quizShare).value;

async function click(value: string | undefined, client = fakeClient()) {
  const args = clickArgs({ actionId: ACTION_IDS.quizShare, value, ephemeral: true, client });
  await quizShare(deps)(args as never);
  expect(args.ack).toHaveBeenCalledTimes(1);
  return { args, post: firstCall(client.chat.postMessage) };
}

describe('"Ask the channel" on a private quiz question', () => {
  it('posts the question for everyone, saying who asked, and removes the private copy', async () => {
    const { args, post } = await click(shareValue);
    expect(post).toMatchObject({ channel: 'C0GENERAL' });
    expect(JSON.stringify(post.blocks)).toContain('U0CLICKER');
    expect(args.respond).toHaveBeenCalledWith({ delete_original: true });
    expect(args.context.match).toBe(`${asked.match} shared`);
  });

  it('keeps the private copy and says why when Slack refuses the post', async () => {
    const { args } = await click(shareValue, fakeClient({ postFails: 'not_in_channel' }));
    expect(firstCall(args.respond)).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('/invite') });
  });

  it('tells the clicker a question no longer in the quiz cannot be shared', async () => {
    const { args, post } = await click(JSON.stringify({ qz: 'no-such-question' }));
    expect(post).toBeUndefined();
    expect(firstCall(args.respond)).toEqual({ response_type: 'ephemeral', replace_original: false, text: STALE_QUIZ_SHARE });
    expect(args.context.match).toBe('stale');
  });
});
