import type { Answer, Engine } from '../engine/index.js';

/**
 * Replies to findings that another app (AWS Chatbot, a SIEM, a webhook) posts into the channels FINDINGS_CHANNELS
 * names: which messages get one, what in them is read, and what they get. Slack-free: the listener in
 * src/slack/listeners/events/findingPosted.ts only translates. docs/findings.md says why each rule holds.
 */

/** The metadata event type on every reply to a finding: how a retried event finds the reply already there. */
export const FINDING_REPLY_EVENT_TYPE = 'srm_finding_reply';

/** A message event as far as these rules read it. Attachments and blocks are whatever the posting app sent. */
export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  attachments?: unknown[];
  blocks?: unknown[];
}

export interface FindingChannels {
  /** FINDINGS_CHANNELS: the only channels whose findings get a reply. */
  channels: ReadonlySet<string>;
  /** This app's bot id and bot user id: its own posts are never findings. */
  botId?: string;
  botUserId?: string;
}

/**
 * A finding is a new top-level message an app posted in an opted-in channel. People ask with @srm-bot and /srm;
 * an edit (message_changed), a deletion or a thread reply is not a new finding; the bot's own posts never are.
 */
export function isPostedFinding(message: PostedMessage, { channels, botId, botUserId }: FindingChannels): boolean {
  if (!channels.has(message.channel)) return false;
  if (message.subtype !== undefined && message.subtype !== 'bot_message') return false;
  if (message.bot_id === undefined || message.bot_id === botId) return false;
  if (message.user !== undefined && message.user === botUserId) return false;
  return message.thread_ts === undefined || message.thread_ts === message.ts;
}

/**
 * Keys whose string values are what a reader sees: of an attachment (its fields show `value`), of a block (where
 * `value` is a button's hidden payload).
 */
const SHOWN_IN_ATTACHMENTS = new Set(['text', 'title', 'pretext', 'fallback', 'value', 'author_name']);
const SHOWN_IN_BLOCKS = new Set(['text', 'title']);

/** Past this much text a finding is a dump: its start names the control or the type. */
const MAX_TEXT_CHARS = 8000;

/** Everything a reader sees of the message: its text, then its attachments' and blocks' texts, in order. */
export function postedText(message: PostedMessage): string {
  const parts: string[] = message.text ? [message.text] : [];
  let length = parts.join(' ').length;
  const visit = (value: unknown, key: string | null, shown: ReadonlySet<string>): void => {
    if (length > MAX_TEXT_CHARS) return;
    if (typeof value === 'string') {
      if (key !== null && shown.has(key)) {
        parts.push(value);
        length += value.length + 1;
      }
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key, shown);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, k, shown);
    }
  };
  visit(message.attachments ?? [], null, SHOWN_IN_ATTACHMENTS);
  visit(message.blocks ?? [], null, SHOWN_IN_BLOCKS);
  return parts.join('\n').slice(0, MAX_TEXT_CHARS);
}

/**
 * The answer to a posted finding, or null when it names no finding srm-bot has a card for: an app's other
 * posts, and finding types it does not know, get no reply (a refusal would be noise in a channel of alerts).
 */
export function answerToPostedFinding(engine: Engine, message: PostedMessage): Answer | null {
  const answer = engine.answer(postedText(message));
  return answer.finding && answer.kind === 'card' ? answer : null;
}
