import { describe, expect, it } from 'vitest';
import { ACTION_IDS, encodeButtonPayload, renderAnswer, type SlackMessage } from '../src/cards/index.js';
import { createEngine } from '../src/engine/index.js';
import { loadKnowledge, parseCardKey } from '../src/knowledge/index.js';
import { createAnswers } from '../src/answers/index.js';
import type { SlackDeps } from '../src/slack/deps.js';
import type { ActionArgs } from '../src/slack/listeners/actions/clicked.js';
import { showDetails } from '../src/slack/listeners/actions/showDetails.js';
import { captureLog } from './support/logCapture.js';

/*
 * The "Details" listener with fakes in place of Bolt: what it acks, answers through response_url and posts
 * through the Web API for each kind of click Slack can send.
 */

const kb = loadKnowledge();
const engine = createEngine(kb);
const details = (surface: 'ephemeral' | 'message') =>
  renderAnswer(kb, engine.answerFor(parseCardKey('s3.encryption')!, 'how do I encrypt s3')!, { surface, length: 'full' });

interface Click {
  value?: string;
  ephemeral: boolean;
  threadTs?: string;
  /** Slack's error for chat.postMessage, when it refuses. */
  postFails?: string;
}

async function clickDetails({ value = encodeButtonPayload({ k: 's3.encryption', q: 'how do I encrypt s3', d: true }), ephemeral, threadTs, postFails }: Click) {
  const acks: unknown[] = [];
  const responses: Record<string, unknown>[] = [];
  const posts: Record<string, unknown>[] = [];
  const context: Record<string, unknown> = {};
  const { log, lines } = captureLog();
  const args = {
    ack: async () => void acks.push(true),
    respond: async (message: Record<string, unknown>) => void responses.push(message),
    client: {
      chat: {
        postMessage: async (message: Record<string, unknown>) => {
          if (postFails) throw Object.assign(new Error(`An API error occurred: ${postFails}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: postFails } });
          posts.push(message);
          return { ok: true };
        },
      },
    },
    context,
    body: {
      type: 'block_actions',
      user: { id: 'U0CLICKER', team_id: 'T0TEST' },
      team: { id: 'T0TEST' },
      channel: { id: 'C0GENERAL' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: ephemeral, ...(threadTs && { thread_ts: threadTs }) },
    },
    action: { type: 'button', action_id: ACTION_IDS.details, value },
  } as unknown as ActionArgs;
  const deps = { answers: createAnswers({ kb, engine }), log } as unknown as SlackDeps;
  await showDetails(deps)(args);
  return { acks, responses, posts, context, logLines: lines() };
}

describe('"Details"', () => {
  it('on an ephemeral answer: acks, then replaces the answer with the full card through response_url', async () => {
    const { acks, responses, posts, context } = await clickDetails({ ephemeral: true });
    expect(acks).toHaveLength(1);
    expect(responses).toEqual([{ response_type: 'ephemeral', replace_original: true, ...details('ephemeral') }]);
    expect(posts).toEqual([]);
    expect(context.match).toBe('s3.encryption');
  });

  it('on a message in a channel: posts the full card in the message\'s thread, for everyone', async () => {
    const { responses, posts } = await clickDetails({ ephemeral: false });
    const full: SlackMessage = details('message');
    expect(posts).toEqual([expect.objectContaining({ channel: 'C0GENERAL', thread_ts: '1700000000.000100', text: full.text, blocks: full.blocks })]);
    expect(responses).toEqual([]);
  });

  it('on a message inside a thread: posts in that thread, not under the message', async () => {
    const { posts } = await clickDetails({ ephemeral: false, threadTs: '1700000000.000001' });
    expect(posts[0]).toMatchObject({ thread_ts: '1700000000.000001' });
  });

  it('tells the clicker why, privately, when Slack refuses the post', async () => {
    const { responses, logLines } = await clickDetails({ ephemeral: false, postFails: 'not_in_channel' });
    expect(responses).toEqual([expect.objectContaining({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('/invite @srm-bot') })]);
    expect(logLines.find((l) => l.msg === 'could not post the details')).toMatchObject({ error: 'not_in_channel', channel: 'C0GENERAL' });
  });

  it.each(['{"k":"no-such-card","d":true}', 'not json', ''])('answers a value it cannot read (%s) with an explanation, never silence', async (value) => {
    const { acks, responses, posts, context } = await clickDetails({ ephemeral: true, value });
    expect(acks).toHaveLength(1);
    expect(responses).toEqual([expect.objectContaining({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('/srm') })]);
    expect(posts).toEqual([]);
    expect(context.match).toBe('stale');
  });
});
