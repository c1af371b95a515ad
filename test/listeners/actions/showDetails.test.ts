import { describe, expect, it } from 'vitest';
import { ACTION_IDS, encodeButtonPayload, renderAnswer } from '../../../src/cards/index.js';
import { parseCardKey } from '../../../src/knowledge/index.js';
import { showDetails } from '../../../src/slack/listeners/actions/showDetails.js';
import { clickArgs, engine, fakeClient, fakeDeps, kb, type ClientOptions } from '../../support/listenerFakes.js';

/*
 * The "Details" listener with fakes in place of Bolt: what it acks, answers through response_url and posts
 * through the Web API for each kind of click Slack can send.
 */

const DETAILS = encodeButtonPayload({ k: 's3.encryption', q: 'how do I encrypt s3', d: true });
const details = (surface: 'ephemeral' | 'message') =>
  renderAnswer(kb, engine.answerFor(parseCardKey('s3.encryption')!, 'how do I encrypt s3')!, { surface, length: 'full' });

interface Click extends ClientOptions {
  value?: string;
  ephemeral: boolean;
  threadTs?: string;
}

async function clickDetails({ value = DETAILS, ephemeral, threadTs, postFails }: Click) {
  const { deps, logLines } = fakeDeps();
  const client = fakeClient({ ...(postFails && { postFails }) });
  const args = clickArgs({ actionId: ACTION_IDS.details, value, ephemeral, client, ...(threadTs && { threadTs }) });
  await showDetails(deps)(args as never);
  return {
    acks: args.ack.mock.calls,
    responses: args.respond.mock.calls.map(([r]) => r),
    posts: client.chat.postMessage.mock.calls.map(([p]) => p),
    context: args.context,
    logLines,
  };
}

describe('"Details"', () => {
  it('on an ephemeral answer: acks, then replaces the answer with the full card through response_url', async () => {
    const { acks, responses, posts, context } = await clickDetails({ ephemeral: true });
    expect(acks).toHaveLength(1);
    expect(responses).toEqual([{ response_type: 'ephemeral', replace_original: true, ...details('ephemeral') }]);
    expect(posts).toEqual([]);
    expect(context.match).toBe('s3.encryption');
  });

  it("on a message in a channel: posts the full card in the message's thread, for everyone", async () => {
    const { responses, posts } = await clickDetails({ ephemeral: false });
    const full = details('message');
    expect(posts).toEqual([expect.objectContaining({ channel: 'C0GENERAL', thread_ts: '1700000000.000100', text: full.text, blocks: full.blocks })]);
    expect(responses).toEqual([]);
  });

  it('on a message inside a thread: posts in that thread, not under the message', async () => {
    const { posts } = await clickDetails({ ephemeral: false, threadTs: '1700000000.000001' });
    expect(posts[0]).toMatchObject({ thread_ts: '1700000000.000001' });
  });

  it('tells the clicker why, privately, when Slack refuses the post', async () => {
    const { responses, logLines } = await clickDetails({ ephemeral: false, postFails: 'not_in_channel' });
    expect(responses).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('/invite @srm-bot') }),
    ]);
    expect(logLines().find((l) => l.msg === 'could not post the details')).toMatchObject({ error: 'not_in_channel', channel: 'C0GENERAL' });
  });

  it.each(['{"k":"no-such-card","d":true}', 'not json', ''])('answers a value it cannot read (%s) with an explanation, never silence', async (value) => {
    const { acks, responses, posts, context } = await clickDetails({ ephemeral: true, value });
    expect(acks).toHaveLength(1);
    expect(responses).toEqual([expect.objectContaining({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('/srm') })]);
    expect(posts).toEqual([]);
    expect(context.match).toBe('stale');
  });
});
