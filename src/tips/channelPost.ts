import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { postOnce } from '../slackApi/postOnce.js';
import { failureOf } from './failures.js';

export type ChannelResult =
  | { channel: string; status: 'posted' | 'already_posted'; ts: string }
  | { channel: string; status: 'failed'; reason: string; retryable: boolean; fix: string };

/** Where to look for this bot's posts carrying metadata of one event type: a stretch of a channel's history. */
export interface BotPostSearch {
  client: webApi.WebClient;
  /** This app's bot id: only its own posts count (metadata can be set by any app). */
  botId: string;
  eventType: string;
  /** Epoch milliseconds: no earlier message is read. */
  oldest: number;
  /** Epoch milliseconds: no later message is read; up to now when absent. */
  latest?: number;
}

/**
 * One scheduled post (a day's tip, a week's leaderboard) in one channel, exactly once however many processes try
 * (src/slackApi/postOnce.ts): the post carries message metadata naming what it is, and the channel's history
 * since `oldest` (no earlier message can be this post) is searched for the bot's posts with that metadata.
 */
export interface ChannelPost extends Omit<BotPostSearch, 'latest'> {
  log: Logger;
  /** Whether a post's metadata payload names this very post (its date, its week). */
  isThisOne(payload: Record<string, unknown>): boolean;
  /** What the log lines call it ("daily tip") and the fields that identify it. */
  what: string;
  fields: Record<string, unknown>;
}

export async function postOnceInChannel(posting: ChannelPost, channel: string, post: () => Promise<string>): Promise<ChannelResult> {
  try {
    const { posted, ts } = await postOnce({
      find: () => findPosts(posting, channel),
      post,
      remove: (ts, kept) => removeDuplicate(posting, channel, ts, kept),
      recheckFailed: (error) =>
        posting.log.warn({ channel, ...posting.fields, ...failureOf(error) }, `${posting.what} posted, but the check for a duplicate failed`),
    });
    return { channel, status: posted ? 'posted' : 'already_posted', ts };
  } catch (error) {
    return { channel, status: 'failed', ...failureOf(error) };
  }
}

/** One of the bot's posts found in a channel: its timestamp and the payload of its metadata. */
export interface BotPost {
  ts: string;
  payload: Record<string, unknown>;
}

/**
 * Every post of this bot with this metadata event type in the channel's history from `oldest` to `latest`, newest
 * first, reading every page. The one reader of what the scheduled posts left in Slack: the post-once check and
 * `srm evidence` (src/tips/posted.ts) both use it.
 */
export async function botPostsIn({ client, botId, eventType, oldest, latest }: BotPostSearch, channel: string): Promise<BotPost[]> {
  const found: BotPost[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.history({
      channel,
      oldest: (oldest / 1000).toFixed(6),
      ...(latest !== undefined && { latest: (latest / 1000).toFixed(6) }),
      limit: 200,
      include_all_metadata: true,
      ...(cursor && { cursor }),
    });
    for (const message of page.messages ?? []) {
      const metadata = message.metadata;
      if (message.ts && message.bot_id === botId && metadata?.event_type === eventType) {
        found.push({ ts: message.ts, payload: (metadata.event_payload ?? {}) as Record<string, unknown> });
      }
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return found;
}

const findPosts = async (posting: ChannelPost, channel: string): Promise<string[]> =>
  (await botPostsIn(posting, channel)).filter((post) => posting.isThisOne(post.payload)).map((post) => post.ts);

/** Deletes a later post of the same thing: duplicates left by a race or a crash heal on the next run. */
async function removeDuplicate({ client, log, what, fields }: ChannelPost, channel: string, ts: string, kept: string): Promise<void> {
  try {
    await client.chat.delete({ channel, ts });
    log.info({ channel, ...fields, ts, kept }, `${what} posted twice: removed the later post`);
  } catch (error) {
    const { reason } = failureOf(error);
    // Another process removed it first.
    if (reason !== 'message_not_found') log.warn({ channel, ...fields, ts, reason }, `${what} posted twice and the later post could not be removed`);
  }
}

/** A scheduled post's message: the metadata that names it is added here, so every post carries it. */
type PostBody = Omit<webApi.ChatPostMessageArguments, 'channel' | 'metadata'>;

/**
 * Posts the message once in each channel, with metadata naming it (`payload`), and logs each channel's outcome.
 * `logFields` add to the identifying fields in the log lines (the tip's id beside its date).
 */
export async function postOnceInChannels(
  posting: ChannelPost,
  channels: readonly string[],
  message: PostBody,
  payload: Record<string, string>,
  logFields: Record<string, unknown> = {},
): Promise<ChannelResult[]> {
  const { client, log, what } = posting;
  const results: ChannelResult[] = [];
  for (const channel of channels) {
    const result = await postOnceInChannel(posting, channel, async () => {
      const posted = await client.chat.postMessage({
        ...message,
        channel,
        metadata: { event_type: posting.eventType, event_payload: payload },
      } as webApi.ChatPostMessageArguments);
      return posted.ts!;
    });
    const fields = { channel, ...posting.fields, ...logFields };
    if (result.status === 'failed') {
      log.warn({ ...fields, reason: result.reason, retryable: result.retryable, fix: result.fix }, `${what} not posted`);
    } else {
      log.info({ ...fields, ts: result.ts, outcome: result.status }, result.status === 'posted' ? `${what} posted` : `${what} already there`);
    }
    results.push(result);
  }
  return results;
}
