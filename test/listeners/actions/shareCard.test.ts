import { describe, expect, it } from 'vitest';
import { ACTION_IDS, encodeButtonPayload } from '../../../src/cards/index.js';
import { STALE_BUTTON } from '../../../src/slack/listeners/actions/clicked.js';
import { shareCard } from '../../../src/slack/listeners/actions/shareCard.js';
import { cardShown, clickArgs, fakeClient, fakeDeps, firstCall } from '../../support/listenerFakes.js';

async function share(value: string | undefined, client = fakeClient()) {
  const { deps, logLines } = fakeDeps();
  const args = clickArgs({ actionId: ACTION_IDS.share, value, ephemeral: true, threadTs: '1700000000.000001', client });
  await shareCard(deps)(args as never);
  expect(args.ack).toHaveBeenCalledTimes(1);
  return { args, post: firstCall(client.chat.postMessage), logLines };
}

describe('"Share in channel" on an ephemeral answer', () => {
  const value = encodeButtonPayload({ k: 's3.encryption', q: 'how do I encrypt s3' });

  it('posts the card for everyone in the thread it was asked in, saying who shared it, then removes the private copy', async () => {
    const { args, post } = await share(value);
    expect(post).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000001' });
    expect(cardShown(post)).toBe('s3.encryption');
    expect(JSON.stringify(post.blocks)).toContain('U0CLICKER');
    expect(args.respond).toHaveBeenCalledWith({ delete_original: true });
  });

  it('keeps the private copy and says how to fix it when Slack refuses the post', async () => {
    const { args, logLines } = await share(value, fakeClient({ postFails: 'not_in_channel' }));
    expect(firstCall(args.respond)).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('/invite @srm-bot') });
    expect(logLines().find((l) => l.msg === 'could not share the card')).toMatchObject({ error: 'not_in_channel' });
  });

  it('tells the clicker a button naming no card is stale', async () => {
    const { args, post } = await share('not json');
    expect(post).toBeUndefined();
    expect(firstCall(args.respond)).toEqual({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON });
  });
});
