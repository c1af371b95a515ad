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

export type NoMatchReason = 'out_of_scope' | 'not_understood' | 'too_vague' | 'not_covered';

export interface Answer {
  /** The text as it arrived from Slack (may contain markup). */
  query: string;
  /** The text with Slack markup resolved to plain words: what to echo back (escaped by the card layer). */
  readable: string;
  kind: AnswerKind;
  match: CardMatch | null;
  suggestions: CardMatch[];
  reason?: NoMatchReason;
  /** How sure the engine is of `match`, 0–1 (1 for a card chosen by key or a bare service name). */
  confidence?: number;
  /** Cards nearly as likely as `match`: offered as "or did you mean". */
  alternatives?: CardMatch[];
  /** An AWS service the question names that srm-bot has no card for yet ("Amazon Cognito"). */
  uncovered?: string;
  /**
   * Set when the question was read as a follow-up of the previous card in the conversation: `narrowed` when it
   * kept half of that card ("and for aurora?" after RDS patching), `details` when it asked for more of it
   * ("why?", "more"): `match` is then the previous card and the surface shows its details.
   */
  followUp?: 'narrowed' | 'details';
  /** Set when the message named a Security Hub control or a GuardDuty finding: the answer is its card. */
  finding?: FindingNote;
}

/**
 * A finding the message named: a Security Hub control (by id or title) or a GuardDuty finding type. The card layer
 * puts it at the top of the card, with who acts on it.
 */
export interface FindingNote {
  kind: 'control' | 'guardduty';
  /** "S3.8", "UnauthorizedAccess:EC2/SSHBruteForce": as Security Hub and GuardDuty write it (a typed unknown type as typed). */
  id: string;
  /** The control's title in Security Hub. */
  title?: string;
  /** For a GuardDuty type: what to do first. */
  firstStep?: string;
  /**
   * False when no card cites the control (the answer is its service's card) or the finding type is not in the
   * catalogue (the answer is a refusal with `nearest`).
   */
  cited: boolean;
  /** For a finding type srm-bot does not know: the catalogue's closest types. */
  nearest?: string[];
}

/** What came before a question in the same conversation (a thread): the last card the bot answered with. */
export interface Conversation {
  previous: CardKey;
}

export interface Engine {
  /** Answers one message; in a conversation, a question that only makes sense after the last card is read so. */
  answer(text: string, conversation?: Conversation): Answer;
  /** The answer for a card chosen by key (a button click); null when the key names no card. */
  answerFor(key: CardKey, query?: string): Answer | null;
}
