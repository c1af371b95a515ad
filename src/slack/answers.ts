import type { Context } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import { parseButtonPayload, renderAnswer, renderCard, type RenderOptions, type SlackMessage } from '../cards/index.js';
import type { Answer, Conversation, Engine, NoMatchReason } from '../engine/index.js';
import { formatCardKey, parseCardKey, type KnowledgeBase } from '../knowledge/index.js';

export interface Answered {
  answer: Answer;
  message: SlackMessage;
}

/** Cards by what was typed: enough for a workspace's recurring questions, a few MiB at most. */
const CACHED_ANSWERS = 500;
/** Longer texts (a pasted message, the shortcut on a long post) are rarely asked twice: not worth their memory. */
const CACHED_TEXT_MAX_LENGTH = 500;

export interface Answers {
  /**
   * The card for what someone typed: the same engine answer and rendering as `srm ask --json`. In a thread,
   * `conversation` holds the last card the bot answered with there, so a follow-up ("and for aurora?", "why?")
   * is read as one.
   */
  text(text: string, options: RenderOptions, conversation?: Conversation): Answered;
  /**
   * The card a button or menu points at: its value is a ButtonPayload (buttons) or a bare card key (menus). A
   * payload marked as the card's details gets the full card.
   */
  choice(value: string | undefined, options: RenderOptions): Answered | null;
}

/**
 * The knowledge base never changes while the app runs, so the same words on the same surface always get the
 * same card: a question asked again is answered from a cache of rendered cards instead of being understood and
 * rendered again. A cached answer is shared by every request that asks the same, so it is frozen: a listener
 * that tried to change it for one request would fail loudly instead of changing it for all.
 */
export function createAnswers(kb: KnowledgeBase, engine: Engine): Answers {
  const render = (answer: Answer, options: RenderOptions): Answered => ({ answer, message: renderMessage(kb, answer, options) });
  const cache = new LRUCache<string, Answered>({ max: CACHED_ANSWERS });
  return {
    text(text, options, conversation) {
      if (text.length > CACHED_TEXT_MAX_LENGTH) return render(engine.answer(text, conversation), options);
      const previous = conversation ? formatCardKey(conversation.previous) : '';
      const key = `${options.surface}\u0000${options.length ?? ''}\u0000${options.sharedBy ?? ''}\u0000${previous}\u0000${text}`;
      let answered = cache.get(key);
      if (!answered) {
        answered = deepFreeze(render(engine.answer(text, conversation), options));
        cache.set(key, answered);
      }
      return answered;
    },
    choice(value, options) {
      const payload = parseButtonPayload(value) ?? (value !== undefined && parseCardKey(value) ? { k: value } : null);
      const key = payload && parseCardKey(payload.k);
      const answer = key ? engine.answerFor(key, payload?.q) : null;
      // A button that stands for the card's details ("Details", or "Share" under them) gets the full card.
      return answer ? render(answer, payload?.d ? { ...options, length: 'full' } : options) : null;
    },
  };
}

/** "why?" or "more" after a card asks for all of that card: its details, whatever the first answer showed. */
function renderMessage(kb: KnowledgeBase, answer: Answer, options: RenderOptions): SlackMessage {
  return renderAnswer(kb, answer, answer.followUp === 'details' ? { ...options, length: 'full' } : options);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A question that got no card, as the feedback reports carry it. */
export interface Unanswered {
  query: string;
  reason: NoMatchReason;
  suggestions: string[];
}

/**
 * Records what a request was answered with, for its log line ("s3.encryption", "no_match", "help"), and a
 * question that got no card or named a service without one, for the feedback report (middleware/reportUnanswered.ts).
 */
export function noteMatch(context: Context, match: Answer | string): void {
  context.match = typeof match === 'string' ? match : match.match ? formatCardKey(match.match) : match.kind;
  // A question about a service with no card is a gap in the knowledge even when a general card answered it.
  if (typeof match !== 'string' && (match.kind === 'no_match' || match.uncovered)) {
    const reason = match.uncovered ? 'not_covered' : (match.reason ?? 'not_understood');
    const unanswered: Unanswered = { query: match.readable, reason, suggestions: match.suggestions.map(formatCardKey) };
    context.unanswered = unanswered;
  }
}

export const unansweredIn = (context: Context): Unanswered | undefined => context.unanswered as Unanswered | undefined;
