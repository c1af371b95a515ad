import { LRUCache } from 'lru-cache';
// The card layer's own modules, not its index: a cold `srm ask` loads only the modules answering needs.
import { parseButtonPayload } from '../cards/payload.js';
import { renderAnswer } from '../cards/render.js';
import type { RenderOptions } from '../cards/types.js';
import type { Answer, Engine } from '../engine/index.js';
import { formatCardKey, parseCardKey, type CardKey, type KnowledgeBase } from '../knowledge/index.js';
import type { Reply, Unanswered } from './types.js';

/** A question's reply, with the engine's answer it was drawn from. */
export interface Answered extends Reply {
  answer: Answer;
}

/** Cards by what was typed: enough for a workspace's recurring questions, a few MiB at most. */
const CACHED_ANSWERS = 500;
/** Longer texts (a pasted message, the shortcut on a long post) are rarely asked twice: not worth their memory. */
const CACHED_TEXT_MAX_LENGTH = 500;

export interface Asking {
  /**
   * The card for what someone typed: the same engine answer and rendering on every surface. In a thread,
   * `previous` is the last card the bot answered with there, so a follow-up ("and for aurora?", "why?") is read
   * as one.
   */
  question(text: string, options: RenderOptions, previous?: CardKey | null): Answered;
  /**
   * The card a button or menu points at: its value is a ButtonPayload (buttons) or a bare card key (menus). A
   * payload marked as the card's details gets the full card. Null when the value names no card.
   */
  choice(value: string | undefined, options: RenderOptions): Answered | null;
}

/**
 * The knowledge base never changes while the app runs, so the same words on the same surface always get the
 * same card: a question asked again is answered from a cache of rendered cards instead of being understood and
 * rendered again. A cached answer is shared by every request that asks the same, so it is frozen: a caller that
 * tried to change it for one request would fail loudly instead of changing it for all.
 */
export function createAsking(kb: KnowledgeBase, engine: Engine): Asking {
  const cache = new LRUCache<string, Answered>({ max: CACHED_ANSWERS });
  const understand = (text: string, options: RenderOptions, previous: CardKey | null): Answered =>
    answered(kb, engine.answer(text, previous ? { previous } : undefined), options);
  return {
    question(text, options, previous = null) {
      if (text.length > CACHED_TEXT_MAX_LENGTH) return understand(text, options, previous);
      const key = `${options.surface}\u0000${options.length ?? ''}\u0000${options.sharedBy ?? ''}\u0000${previous ? formatCardKey(previous) : ''}\u0000${text}`;
      let cached = cache.get(key);
      if (!cached) {
        cached = deepFreeze(understand(text, options, previous));
        cache.set(key, cached);
      }
      return cached;
    },
    choice(value, options) {
      const payload = parseButtonPayload(value) ?? (value !== undefined && parseCardKey(value) ? { k: value } : null);
      const key = payload && parseCardKey(payload.k);
      const answer = key ? engine.answerFor(key, payload?.q) : null;
      // A button that stands for the card's details ("Details", or "Share" under them) gets the full card.
      return answer ? answered(kb, answer, payload?.d ? { ...options, length: 'full' } : options) : null;
    },
  };
}

/** "why?" or "more" after a card asks for all of that card: its details, whatever the first answer showed. */
function answered(kb: KnowledgeBase, answer: Answer, options: RenderOptions): Answered {
  const message = renderAnswer(kb, answer, answer.followUp === 'details' ? { ...options, length: 'full' } : options);
  const unanswered = unansweredBy(answer);
  return { answer, message, match: answer.match ? formatCardKey(answer.match) : answer.kind, ...(unanswered && { unanswered }) };
}

/** A question that got no card, or named a service without one: a gap in the knowledge even when a general card answered. */
function unansweredBy(answer: Answer): Unanswered | undefined {
  if (answer.kind !== 'no_match' && !answer.uncovered) return undefined;
  return {
    query: answer.readable,
    reason: answer.uncovered ? 'not_covered' : (answer.reason ?? 'not_understood'),
    suggestions: answer.suggestions.map(formatCardKey),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
