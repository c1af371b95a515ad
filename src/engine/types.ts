import type { CardKey } from '../knowledge/index.js';

/** A card the engine points at, with the title people see ("S3 · Encryption"). */
export interface CardMatch extends CardKey {
  title: string;
}

/**
 * What the engine understood of one message.
 * - `card`: `match` is the answer; `suggestions` are related cards.
 * - `help`: the person asked what the bot can do (or sent nothing).
 * - `no_match`: nothing the bot can answer with confidence; `suggestions` are "did you mean" choices.
 */
export type AnswerKind = 'card' | 'help' | 'no_match';

export type NoMatchReason = 'out_of_scope' | 'not_understood' | 'too_vague';

export interface Answer {
  /** The text as it arrived from Slack (may contain markup). */
  query: string;
  /** The text with Slack markup resolved to plain words: what to echo back (escaped by the card layer). */
  readable: string;
  kind: AnswerKind;
  match: CardMatch | null;
  suggestions: CardMatch[];
  reason?: NoMatchReason;
}

export interface Engine {
  answer(text: string): Answer;
  /** The answer for a card chosen by key (a button click); null when the key names no card. */
  answerFor(key: CardKey, query?: string): Answer | null;
}
