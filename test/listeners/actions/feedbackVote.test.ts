import { describe, expect, it } from 'vitest';
import { ACTION_IDS, encodeButtonPayload } from '../../../src/cards/index.js';
import { cardTitle, lookupCard } from '../../../src/knowledge/index.js';
import { feedbackVote } from '../../../src/slack/listeners/actions/feedbackVote.js';
import { STALE_BUTTON } from '../../../src/slack/listeners/actions/clicked.js';
import { feedbackHalf } from '../../support/blocks.js';
import { clickArgs, fakeDeps, firstCall, kb } from '../../support/listenerFakes.js';

async function vote(value: string | undefined) {
  const { deps, feedback } = fakeDeps();
  const args = clickArgs({ actionId: ACTION_IDS.feedback, value });
  await feedbackVote(deps)(args as never);
  expect(args.ack).toHaveBeenCalledTimes(1);
  return { thanks: firstCall(args.respond), report: firstCall(feedback.report), context: args.context };
}

describe('👍/👎 on a card', () => {
  const card = fakeDeps().deps.answers.question('who patches ec2', { surface: 'ephemeral' }).message;

  it('thanks the voter privately, naming the card as its header does, and reports the vote with who and where', async () => {
    const { thanks, report, context } = await vote(feedbackHalf(card.blocks, 'up').value);
    expect(thanks).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(thanks.text).toContain(cardTitle(lookupCard(kb, 'ec2.patching')!));
    expect(report).toEqual({
      kind: 'vote',
      vote: 'up',
      card: 'ec2.patching',
      query: 'who patches ec2',
      user: 'U0CLICKER',
      channel: 'C0GENERAL',
      team: 'T0TEST',
    });
    expect(context.match).toBe('vote up ec2.patching');
  });

  it.each([encodeButtonPayload({ k: 's3' }), 'not json', undefined])(
    'tells the clicker a value that is no vote is stale, and reports nothing (%s)',
    async (value) => {
      const { thanks, report, context } = await vote(value);
      expect(thanks).toEqual({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON });
      expect(report).toBeUndefined();
      expect(context.match).toBe('stale');
    },
  );
});
