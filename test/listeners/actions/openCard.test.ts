import { describe, expect, it } from 'vitest';
import { ACTION_IDS, encodeButtonPayload } from '../../../src/cards/index.js';
import { openCard } from '../../../src/slack/listeners/actions/openCard.js';
import { STALE_BUTTON } from '../../../src/slack/listeners/actions/clicked.js';
import { cardShown, clickArgs, fakeClient, fakeDeps, firstCall, type Click } from '../../support/listenerFakes.js';

async function open(click: Omit<Click, 'actionId'>) {
  const { deps } = fakeDeps();
  const client = fakeClient();
  const args = clickArgs({ actionId: `${ACTION_IDS.open}:1`, client, ...click });
  await openCard(deps)(args as never);
  expect(args.ack).toHaveBeenCalledTimes(1);
  return { response: firstCall(args.respond), post: firstCall(client.chat.postMessage), context: args.context };
}

const toKms = encodeButtonPayload({ k: 'kms', q: 'who manages keys' });

describe('a button or menu that opens a card', () => {
  it('on an ephemeral card changes that card', async () => {
    const { response, context } = await open({ value: toKms, ephemeral: true });
    expect(response).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(cardShown(response)).toBe('kms');
    expect(context.match).toBe('kms');
  });

  it('on a message everyone sees gives the clicker the card privately, leaving the message as it was', async () => {
    const { response } = await open({ value: 's3.encryption' });
    expect(response).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(cardShown(response)).toBe('s3.encryption');
  });

  it("in App Home sends the card to the app's DM with the clicker", async () => {
    const { response, post } = await open({ value: toKms, inView: true });
    expect(response).toBeUndefined();
    expect(post).toMatchObject({ channel: 'U0CLICKER' });
    expect(cardShown(post)).toBe('kms');
  });

  it('tells the clicker a button naming no card is stale', async () => {
    const { response, context } = await open({ value: encodeButtonPayload({ k: 'no-such-card' }), ephemeral: true });
    expect(response).toEqual({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON });
    expect(context.match).toBe('stale');
  });
});
