import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/cards/index.js';
import { quizAnswer, STALE_QUIZ_BUTTON } from '../../../src/slack/listeners/actions/quizAnswer.js';
import { findElement } from '../../support/blocks.js';
import { clickArgs, fakeDeps, firstCall, kb } from '../../support/listenerFakes.js';

const { deps } = fakeDeps();
const asked = deps.answers.quiz.ask('s3');
const question = kb.quiz.find((q) => `quiz ${q.id}` === asked.match)!;
const choice = (i: number) => findElement(asked.message.blocks, (e) => e.action_id === `${ACTION_IDS.quizAnswer}:${i}`).value!;

async function click(value: string | undefined, ephemeral = true) {
  const args = clickArgs({ actionId: `${ACTION_IDS.quizAnswer}:0`, value, ephemeral });
  await quizAnswer(deps)(args as never);
  expect(args.ack).toHaveBeenCalledTimes(1);
  return { response: firstCall(args.respond), context: args.context };
}

describe('a click on a quiz answer', () => {
  it('scores the right choice right, in place of the private question', async () => {
    const { response, context } = await click(choice(question.answer));
    expect(context.match).toBe(`quiz ${question.id} right`);
    expect(response).toMatchObject({ response_type: 'ephemeral', replace_original: true });
  });

  it('scores another choice wrong, and under a message others see answers in a message of its own', async () => {
    const { response, context } = await click(choice(question.answer === 0 ? 1 : 0), false);
    expect(context.match).toBe(`quiz ${question.id} wrong`);
    expect(response).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('asks another question in place of one since removed from the quiz', async () => {
    const { response, context } = await click(choice(0).replace(`"qz":"${question.id}"`, '"qz":"retired-question"'));
    expect(context.match).toMatch(/^quiz \S+ \(retired retired-question\)$/);
    expect(response.blocks.length).toBeGreaterThan(0);
  });

  it.each(['not json', undefined])('tells the clicker it cannot read a value it did not make (%s)', async (value) => {
    const { response, context } = await click(value);
    expect(response).toEqual({ response_type: 'ephemeral', replace_original: false, text: STALE_QUIZ_BUTTON });
    expect(context.match).toBe('stale');
  });
});
