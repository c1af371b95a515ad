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

export type CardLength = 'compact' | 'full';

export interface RenderOptions {
  surface: Surface;
  /**
   * `compact` (the default): the answer that fits a phone screen, with a "Details" button. `full`: the whole card
   * (best practices, mistakes, scenarios, sources), what "Details" opens and what the terminal shows.
   */
  length?: CardLength;
  /** Slack user id of the person who shared an ephemeral card into the channel. */
  sharedBy?: string;
}

/** action_id of every interactive element the cards emit; the Slack layer routes a click by its base id. */
export const ACTION_IDS = {
  /**
   * Opens another card. value: ButtonPayload JSON with the card key, and `q` where the button answers a
   * question (a "did you mean" choice, an example question on the help card).
   */
  open: 'srm_open',
  /** Posts an ephemeral card to the channel for everyone. value: ButtonPayload JSON (ephemeral clicks carry no message). */
  share: 'srm_share',
  /**
   * 👍 / 👎 on a card: Slack's native feedback_buttons element (in a context_actions block), whose click carries
   * the value of the half that was pressed. value: ButtonPayload JSON with `vote`.
   */
  feedback: 'srm_feedback',
  /**
   * "Details" on a compact answer: the full card (best practices, mistakes, scenarios, sources). On an ephemeral
   * answer it replaces the message; on a message everyone sees it is posted in the thread. value: ButtonPayload
   * JSON with `d` set (ephemeral clicks carry no message, so the card is rebuilt from the value).
   */
  details: 'srm_details',
  /** "Learn more" on a daily tip: opens the tip's card. value: ButtonPayload JSON. */
  learnMore: 'srm_learn_more',
  /**
   * A static_select that opens the card picked from it (App Home's browse menus, a card's "Related cards…" menu).
   * selected_option.value: the card key itself ("s3", "s3.encryption"), not JSON: option values max 150 chars.
   */
  browse: 'srm_browse',
  /**
   * A quiz answer, one button per choice: `srm_quiz_answer:0`, `:1`… value: the quiz choice JSON from
   * src/quiz (question id, choice index, fingerprint of the question), so any replica can score it.
   */
  quizAnswer: 'srm_quiz_answer',
  /** "Ask the channel" on a private quiz question: posts it for everyone. value: src/quiz QuestionRef JSON. */
  quizShare: 'srm_quiz_share',
  /** "Next question" under a quiz result. value: src/quiz NextQuestion JSON (question just answered, subject). */
  quizNext: 'srm_quiz_next',
} as const;

export type ActionIdBase = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/**
 * action_ids are unique within every message and view (Slack asks it of a block; one handler telling any two
 * controls apart needs it of the message), and a message can hold several controls of one kind. So the element
 * carries the base id plus a suffix: `srm_open:1`, `srm_open:alt1`…, `srm_browse:infrastructure`,
 * `srm_browse:topics`. A message or view with one element of a kind uses the bare id (`srm_share`,
 * `srm_details`, `srm_feedback`, `srm_learn_more`, the `srm_browse` menu of a card's related cards).
 * The Slack listener routes a click by actionIdBase(action_id), which accepts the id with or without a suffix.
 */
export function actionId(base: ActionIdBase, suffix?: string | number): string {
  return suffix === undefined ? base : `${base}:${suffix}`;
}

const ACTION_ID_BASES: ReadonlySet<string> = new Set(Object.values(ACTION_IDS));

/** The base id of one of our action_ids ("srm_open:3" → "srm_open"), or undefined when it is not one of ours. */
export function actionIdBase(id: string): ActionIdBase | undefined {
  const colon = id.indexOf(':');
  const base = colon === -1 ? id : id.slice(0, colon);
  return ACTION_ID_BASES.has(base) ? (base as ActionIdBase) : undefined;
}

/** The App Home tab as views.publish takes it. */
export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}

/**
 * What a button carries, JSON-encoded in its value (max 2,000 chars: the query is shortened to fit). Encode with
 * encodeButtonPayload and read with parseButtonPayload. `q` is raw user text: escape it before echoing it.
 */
export interface ButtonPayload {
  /** Card key ("s3.encryption", "s3", "encryption", "overview"). */
  k: string;
  /** The query that produced the card, for feedback and for the "shared by" note. */
  q?: string;
  vote?: 'up' | 'down';
  /** Set when the button stands for the card's details (the full card) rather than its compact answer. */
  d?: true;
}
