import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/cards/index.js';
import { quizAnswer, STALE_QUIZ_BUTTON } from '../../../src/slack/listeners/actions/quizAnswer.js';
import { findElement } from '../../support/blocks.js';
import { clickArgs, fakeDeps, fakeDepsWithRecords, fakeRecords, firstCall, kb } from '../../support/listenerFakes.js';

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

describe('recording a quiz answer', () => {
  const rightChoice = () => choice(question.answer);

  async function clickWith(records: ReturnType<typeof fakeRecords>, value: string | undefined, ephemeral = true) {
    const { deps: recordingDeps, logLines } = fakeDepsWithRecords(records);
    const args = clickArgs({ actionId: `${ACTION_IDS.quizAnswer}:0`, value, ephemeral });
    await quizAnswer(recordingDeps)(args as never);
    return { args, logLines };
  }

  it('records who answered which question, right or wrong, on which quiz message, after the result is sent', async () => {
    const records = fakeRecords();
    const { args } = await clickWith(records, rightChoice());
    expect(records.recorded).toEqual([
      {
        workspace: 'T0TEST',
        user: 'U0CLICKER',
        userName: null,
        question: question.id,
        attempt: '1700000000.000100',
        correct: true,
        answeredAt: expect.any(Date),
      },
    ]);
    expect(args.respond.mock.invocationCallOrder[0]).toBeLessThan(records.record.mock.invocationCallOrder[0]!);
    expect(args.context.recorded).toBe('recorded');
  });

  it('counts a second click on the same quiz message once', async () => {
    const records = fakeRecords();
    await clickWith(records, rightChoice());
    const { args } = await clickWith(records, choice(question.answer === 0 ? 1 : 0));
    expect(records.recorded).toHaveLength(1);
    expect(records.recorded[0]!.correct).toBe(true);
    expect(args.context.recorded).toBe('duplicate');
    // The second click still gets its result.
    expect(firstCall(args.respond).blocks.length).toBeGreaterThan(0);
  });

  it('records nothing for a button it cannot score: a forged value or a retired question', async () => {
    const records = fakeRecords();
    await clickWith(records, 'not json');
    await clickWith(records, choice(0).replace(`"qz":"${question.id}"`, '"qz":"retired-question"'));
    expect(records.record).not.toHaveBeenCalled();
  });

  it('still reveals the result when the store fails, and logs why the answer was not kept', async () => {
    const { args, logLines } = await clickWith(fakeRecords({ fails: true }), rightChoice());
    expect(firstCall(args.respond)).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(logLines().find((line) => line.msg === 'quiz answer not recorded')).toMatchObject({ level: 40, question: question.id });
  });

  it('records the answer even when the reveal fails (the person did answer)', async () => {
    const records = fakeRecords();
    const { deps: recordingDeps } = fakeDepsWithRecords(records);
    const args = clickArgs({ actionId: `${ACTION_IDS.quizAnswer}:0`, value: rightChoice(), ephemeral: true });
    args.respond.mockRejectedValueOnce(new Error('response_url expired'));
    await expect(quizAnswer(recordingDeps)(args as never)).rejects.toThrow('response_url expired');
    expect(records.recorded).toHaveLength(1);
  });
});
