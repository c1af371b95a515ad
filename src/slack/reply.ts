import type { Context } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../cards/index.js';
import type { Answered } from '../answers/index.js';
import { noteMatch } from './match.js';
import { postCard } from '../slackApi/client.js';
import { slackErrorCode } from '../slackApi/errors.js';
import type { SlackDeps } from './deps.js';
import { lastCardInThread } from './threadContext.js';

/** The parts of a message event that decide whether and where the bot answers. */
export interface IncomingMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
}

/**
 * Only people's new messages get an answer: never a bot (the loop two bots could start), never this app's own
 * posts, never edits, deletions or other subtypes.
 */
export function isFromPerson(message: IncomingMessage, context: Context): boolean {
  return message.subtype === undefined && message.bot_id === undefined && message.user !== undefined && message.user !== context.botUserId;
}

/**
 * What a message asks, understood in its thread: a message in a thread is read after the last card the bot
 * answered with there (read back from the thread, see threadContext.ts), so "and for aurora?" or "why?" follow
 * that card. `threadHadCard` says whether the thread held such a card.
 */
export async function understand(
  deps: SlackDeps,
  client: webApi.WebClient,
  context: Context,
  message: IncomingMessage,
): Promise<Answered & { threadHadCard: boolean }> {
  const previous = message.thread_ts ? await lastCardInThread(client, context, deps.log, { channel: message.channel, threadTs: message.thread_ts }) : null;
  const answered = deps.answers.question(message.text ?? '', { surface: 'message' }, previous);
  noteMatch(context, answered);
  return { ...answered, threadHadCard: previous !== null };
}

/**
 * Posts an answer where the question was asked: in `threadTs` when given. Nobody waits on a response_url here, so
 * a refusal from Slack (archived channel, removed bot) can only be logged.
 */
export async function postReply(
  deps: SlackDeps,
  client: webApi.WebClient,
  message: IncomingMessage,
  card: SlackMessage,
  threadTs: string | undefined,
): Promise<void> {
  try {
    await postCard(client, message.channel, card, threadTs);
  } catch (error) {
    deps.log.warn({ channel: message.channel, user: message.user, error: slackErrorCode(error), err: error }, 'could not post the answer');
  }
}

/** Answers a message where it was asked, in the light of its thread: in `threadTs` when given. */
export async function replyWithAnswer(
  deps: SlackDeps,
  client: webApi.WebClient,
  context: Context,
  message: IncomingMessage,
  threadTs: string | undefined,
): Promise<void> {
  const { message: card } = await understand(deps, client, context, message);
  await postReply(deps, client, message, card, threadTs);
}
