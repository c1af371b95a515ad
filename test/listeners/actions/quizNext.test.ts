import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/cards/index.js';
import { quizNext } from '../../../src/slack/listeners/actions/quizNext.js';
import { clickArgs, fakeDeps, firstCall, kb } from '../../support/listenerFakes.js';

const { deps } = fakeDeps();

async function click(value: string | undefined) {
  const args = clickArgs({ actionId: ACTION_IDS.quizNext, value, ephemeral: true });
  await quizNext(deps)(args as never);
  expect(args.ack).toHaveBeenCalledTimes(1);
  const id = String(args.context.match).replace(/^quiz /, '');
  return { response: firstCall(args.respond), question: kb.quiz.find((q) => q.id === id) };
}

describe('"Next question"', () => {
  it('asks another question on the same subject, in a new private message', async () => {
    const after = kb.quiz.find((q) => q.card.startsWith('s3'))!;
    const { response, question } = await click(JSON.stringify({ after: after.id, about: 's3' }));
    expect(response).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(question?.card).toMatch(/^s3(\.|$)/);
    expect(question?.id).not.toBe(after.id);
  });

  it('still asks a question when it cannot read the value', async () => {
    const { response, question } = await click('not json');
    expect(question).toBeDefined();
    expect(response.blocks.length).toBeGreaterThan(0);
  });
});
