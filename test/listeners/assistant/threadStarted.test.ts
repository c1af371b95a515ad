import { describe, expect, it, vi } from 'vitest';
import { cardKeyTitle } from '../../../src/knowledge/index.js';
import { threadStarted } from '../../../src/slack/listeners/assistant/threadStarted.js';
import { fakeDeps, firstCall, kb, TODAYS_TIP } from '../../support/listenerFakes.js';

async function start(setSuggestedPrompts = vi.fn(async (_prompts: unknown) => {})) {
  const { deps, logLines } = fakeDeps();
  await threadStarted(deps)({ setSuggestedPrompts, event: { assistant_thread: { channel_id: 'D0AGENT' } } } as never);
  return { prompts: firstCall(setSuggestedPrompts), logLines };
}

describe('a thread opened in the agent view', () => {
  it("offers today's tip's subject first, then example questions, four at most", async () => {
    const { prompts } = await start();
    const subject = cardKeyTitle(kb, TODAYS_TIP.tip);
    expect(prompts.title).toBe('Ask who secures what');
    expect(prompts.prompts[0]).toEqual({ title: `Today's tip: ${subject}`, message: `Who is responsible for ${subject}?` });
    expect(prompts.prompts).toHaveLength(4);
  });

  it('logs, and does not throw, when Slack refuses the prompts', async () => {
    const { logLines } = await start(
      vi.fn(async () => {
        throw new Error('An API error occurred: invalid_arguments');
      }),
    );
    expect(logLines().some((l) => l.msg === 'could not set the suggested prompts')).toBe(true);
  });
});
