import { describe, expect, it, vi } from 'vitest';
import { renderHelp, renderStats, STATS_NOT_KEPT, STATS_UNAVAILABLE } from '../../../src/cards/index.js';
import { srmCommand } from '../../../src/slack/listeners/commands/srm.js';
import { OUR_FAILURE } from '../../../src/slackApi/errors.js';
import { boltArgs, cardShown, fakeDeps, fakeDepsWithRecords, fakeRecords, firstCall, kb } from '../../support/listenerFakes.js';

/** `/srm <text>` as Bolt hands it to the listener. */
async function slash(text: string, deps = fakeDeps().deps) {
  const args = { ...boltArgs(), command: { command: '/srm', text, user_id: 'U0ASKER', channel_id: 'C0GENERAL', team_id: 'T0TEST' } };
  await srmCommand(deps)(args as unknown as Parameters<ReturnType<typeof srmCommand>>[0]);
  expect(args.ack).toHaveBeenCalledTimes(1);
  return { reply: firstCall(args.ack), context: args.context, args };
}

/** The tip a tip message shows, found by its title among the knowledge's tips. */
const tipShown = (reply: { text: string }) => kb.tips.find((tip) => reply.text.endsWith(tip.title));

describe('/srm', () => {
  it('alone as "help" shows help, privately, in the ack', async () => {
    const { reply, context } = await slash('help');
    expect(reply).toEqual({ response_type: 'ephemeral', ...renderHelp() });
    expect(context.match).toBe('subcommand help');
  });

  it('"help with iam" answers about IAM: "help" is a subcommand only on its own', async () => {
    const { reply, context } = await slash('help with iam');
    expect(reply.response_type).toBe('ephemeral');
    expect(cardShown(reply)).toMatch(/^iam(\.|$)/);
    expect(context.match).toMatch(/^iam/);
  });

  it.each(['tip for s3', 'tip s3', 'Tip about S3'])('"%s" gives a tip on S3', async (text) => {
    const { reply, context } = await slash(text);
    expect(tipShown(reply)?.service).toBe('s3');
    expect(context.match).toBe('subcommand tip');
  });

  it('"tip" alone gives today\'s tip', async () => {
    const { reply } = await slash('tip');
    expect(tipShown(reply)).toBe(kb.tips.find((tip) => tip.service === null) ?? kb.tips[0]);
  });

  it('"quiz s3" asks a question about S3', async () => {
    const { reply, context } = await slash('quiz s3');
    const id = String(context.match).replace(/^quiz /, '');
    expect(kb.quiz.find((q) => q.id === id)?.card).toMatch(/^s3(\.|$)/);
    expect(reply.blocks.length).toBeGreaterThan(0);
  });

  it('answers a question with its card, and notes a question it has no card for', async () => {
    expect(cardShown((await slash('who patches ec2')).reply)).toBe('ec2.patching');
    const { context } = await slash('what is the capital of peru');
    expect(context.unanswered).toMatchObject({ query: 'what is the capital of peru' });
  });

  it('still acks, with an apology, when answering fails', async () => {
    const { deps } = fakeDeps();
    const failing = {
      ...deps,
      answers: {
        ...deps.answers,
        command: vi.fn(() => {
          throw new Error('boom');
        }),
      },
    };
    const args = { ...boltArgs(), command: { text: 'anything' } };
    await expect(srmCommand(failing)(args as unknown as Parameters<ReturnType<typeof srmCommand>>[0])).rejects.toThrow('boom');
    expect(args.ack).toHaveBeenCalledWith({ response_type: 'ephemeral', text: OUR_FAILURE });
  });

  describe('stats', () => {
    const answer = { workspace: 'T0TEST', userName: null, question: kb.quiz[0]!.id, attempt: '1700000000.000100', answeredAt: new Date() };

    it('acks at once, then sends the asker their own stats privately to the response_url', async () => {
      const records = fakeRecords();
      await records.record({ ...answer, user: 'U0ASKER', correct: true });
      await records.record({ ...answer, user: 'U0OTHER', correct: false });
      const { reply, args, context } = await slash('stats', fakeDepsWithRecords(records).deps);
      expect(reply).toBeUndefined();
      expect(records.stats).toHaveBeenCalledWith('T0TEST', 'U0ASKER');
      const stats = (await records.stats.mock.results[0]!.value)!;
      expect(firstCall(args.respond)).toEqual({ response_type: 'ephemeral', ...renderStats(stats) });
      expect(JSON.stringify(firstCall(args.respond))).not.toContain('U0OTHER');
      expect(context.match).toBe('subcommand stats');
    });

    it('says the stats are unavailable when the store does not answer', async () => {
      const { args, context } = await slash('stats', fakeDepsWithRecords(fakeRecords({ fails: true })).deps);
      expect(firstCall(args.respond)).toEqual({ response_type: 'ephemeral', text: STATS_UNAVAILABLE, blocks: [] });
      expect(context.match).toBe('subcommand stats (unavailable)');
    });

    it('says stats are not kept where there is no store', async () => {
      const { args } = await slash('stats');
      expect(firstCall(args.respond)).toMatchObject({ response_type: 'ephemeral', text: STATS_NOT_KEPT });
    });

    it('"stats for s3 buckets" is a question, answered in the ack', async () => {
      const { reply, args } = await slash('stats for s3 buckets');
      expect(reply.response_type).toBe('ephemeral');
      expect(args.respond).not.toHaveBeenCalled();
    });
  });
});
