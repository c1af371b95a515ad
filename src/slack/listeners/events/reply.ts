import type { Context } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import { noteMatch } from '../../answers.js';
import { postCard } from '../../../slackApi/client.js';
import { slackErrorCode } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';

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
 * Answers a message where it was asked: in `threadTs` when given. Nobody waits on a response_url here, so a
 * refusal from Slack (archived channel, removed bot) can only be logged.
 */
export async function replyWithAnswer(
  deps: SlackDeps,
  client: webApi.WebClient,
  context: Context,
  message: IncomingMessage,
  threadTs: string | undefined,
): Promise<void> {
  const { answer, message: card } = deps.answers.text(message.text ?? '', { surface: 'message' });
  noteMatch(context, answer);
  try {
    await postCard(client, message.channel, card, threadTs);
  } catch (error) {
    deps.log.warn({ channel: message.channel, user: message.user, error: slackErrorCode(error), err: error }, 'could not post the answer');
  }
}
