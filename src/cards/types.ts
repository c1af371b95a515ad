import type { KnownBlock } from '@slack/types';

/** A message as Slack receives it: Block Kit blocks plus the plain-text fallback for notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Where a card is shown changes its buttons: an ephemeral answer (slash command) offers "Share in channel";
 * a message everyone sees (thread reply, DM, shared card) does not; the CLI shows exactly what Slack would get
 * for a slash command.
 */
export type Surface = 'ephemeral' | 'message';

export interface RenderOptions {
  surface: Surface;
  /** Slack user id of the person who shared an ephemeral card into the channel. */
  sharedBy?: string;
}

/** action_id of every interactive element the cards emit; the Slack layer registers one listener per id. */
export const ACTION_IDS = {
  /** Opens another card. value: ButtonPayload JSON with the card key. */
  open: 'srm_open',
  /** Posts an ephemeral card to the channel for everyone. value: ButtonPayload JSON (ephemeral clicks carry no message). */
  share: 'srm_share',
  /** 👍 / 👎 on a card. value: ButtonPayload JSON with `vote`. */
  feedback: 'srm_feedback',
  /** "Learn more" on a daily tip: opens the tip's card. value: ButtonPayload JSON. */
  learnMore: 'srm_learn_more',
} as const;

/** What a button carries, JSON-encoded in its value (max 2,000 chars: the query is shortened to fit). */
export interface ButtonPayload {
  /** Card key ("s3.encryption", "s3", "encryption", "overview"). */
  k: string;
  /** The query that produced the card, for feedback and for the "shared by" note. */
  q?: string;
  vote?: 'up' | 'down';
}
