import type { Context } from '@slack/bolt';
import { parseButtonPayload, renderAnswer, type RenderOptions, type SlackMessage } from '../cards/index.js';
import type { Answer, NoMatchReason } from '../engine/index.js';
import { formatCardKey, parseCardKey } from '../knowledge/index.js';
import type { SlackDeps } from './deps.js';

export interface Answered {
  answer: Answer;
  message: SlackMessage;
}

/** The card for what someone typed: the same engine answer and rendering as `srm ask --json`. */
export function answerText(deps: SlackDeps, text: string, options: RenderOptions): Answered {
  const answer = deps.engine.answer(text);
  return { answer, message: renderAnswer(deps.kb, answer, options) };
}

/** The card a button or menu points at: its value is a ButtonPayload (buttons) or a bare card key (menus). */
export function answerChoice(deps: SlackDeps, value: string | undefined, options: RenderOptions): Answered | null {
  const payload = parseButtonPayload(value) ?? (value !== undefined && parseCardKey(value) ? { k: value } : null);
  const key = payload && parseCardKey(payload.k);
  const answer = key ? deps.engine.answerFor(key, payload?.q) : null;
  return answer ? { answer, message: renderAnswer(deps.kb, answer, options) } : null;
}

/** A question that got no card, as the feedback reports carry it. */
export interface Unanswered {
  query: string;
  reason: NoMatchReason;
  suggestions: string[];
}

/**
 * Records what a request was answered with, for its log line ("s3.encryption", "no_match", "help"), and a
 * question that got no card, for the feedback report (middleware/reportUnanswered.ts).
 */
export function noteMatch(context: Context, match: Answer | string): void {
  context.match = typeof match === 'string' ? match : match.match ? formatCardKey(match.match) : match.kind;
  if (typeof match !== 'string' && match.kind === 'no_match') {
    const unanswered: Unanswered = { query: match.readable, reason: match.reason ?? 'not_understood', suggestions: match.suggestions.map(formatCardKey) };
    context.unanswered = unanswered;
  }
}

export const unansweredIn = (context: Context): Unanswered | undefined => context.unanswered as Unanswered | undefined;

/** Posts should not unfurl the AWS links every card carries: the card already says what they are. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;
