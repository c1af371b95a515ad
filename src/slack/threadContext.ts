import type { Context, webApi } from '@slack/bolt';
import { cardShownBy, type CardKey, type ThreadMessage } from '../answers/index.js';
import type { Logger } from '../logger.js';
import { slackErrorCode } from '../slackApi/errors.js';

/** A page of a thread as conversations.replies returns it (Slack's maximum page is 1,000; most threads fit in one). */
const THREAD_PAGE = 200;
/**
 * Pages read at most: a thread with more replies than this is answered with the last card in its first 1,000
 * messages, rather than paging through it for every follow-up.
 */
const THREAD_PAGES_MAX = 5;

/**
 * The last card the bot answered with in a thread, read from the thread itself (conversations.replies) so that
 * whichever replica gets a follow-up knows what it follows: the app keeps no conversation state of its own.
 * Null when the thread holds no card of the bot's, and when Slack cannot be asked: the question is then
 * answered on its own, which is a worse answer but never a silence.
 */
export async function lastCardInThread(
  client: webApi.WebClient,
  context: Context,
  log: Logger,
  where: { channel: string; threadTs: string },
): Promise<CardKey | null> {
  let last: CardKey | null = null;
  let cursor: string | undefined;
  try {
    for (let page = 0; page < THREAD_PAGES_MAX; page += 1) {
      const replies = await client.conversations.replies({ channel: where.channel, ts: where.threadTs, limit: THREAD_PAGE, ...(cursor && { cursor }) });
      for (const message of replies.messages ?? []) last = cardShownBy(message as ThreadMessage, context) ?? last;
      cursor = replies.response_metadata?.next_cursor || undefined;
      if (!replies.has_more || !cursor) break;
    }
  } catch (error) {
    log.warn({ channel: where.channel, thread_ts: where.threadTs, error: slackErrorCode(error) }, 'could not read the thread: answering without its context');
  }
  return last;
}
