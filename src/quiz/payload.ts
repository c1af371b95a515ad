import type { QuizChoice } from './check.js';

/*
 * What quiz buttons carry in their value. Everything a click needs travels with it, so an answer is scored the
 * same on any replica, after a restart, or when clicked twice. Values come back from Slack and are parsed
 * strictly: anything we did not make is refused with null.
 */

/**
 * An answer button: question id, the choice, the question's fingerprint and, when the quiz was asked on a
 * subject, that subject as a card reference (for "Next question").
 */
export const encodeQuizChoice = (choice: QuizChoice, about?: string): string =>
  JSON.stringify({ qz: choice.id, c: choice.chosen, v: choice.fingerprint, ...(about !== undefined && { a: about }) });

export function parseQuizChoice(value: string | undefined): (QuizChoice & { about?: string }) | null {
  const parsed = parseObject(value);
  if (!parsed) return null;
  const { qz, c, v, a } = parsed;
  if (typeof qz !== 'string' || typeof v !== 'string' || typeof c !== 'number' || !Number.isInteger(c) || c < 0) return null;
  if (a !== undefined && typeof a !== 'string') return null;
  return { id: qz, chosen: c, fingerprint: v, ...(a !== undefined && { about: a }) };
}

/** A question itself ("Ask the channel"): its id and the subject it was asked on. */
export interface QuestionRef {
  id: string;
  about?: string;
}

export const encodeQuestionRef = (ref: QuestionRef): string => JSON.stringify({ qz: ref.id, ...(ref.about !== undefined && { a: ref.about }) });

export function parseQuestionRef(value: string | undefined): QuestionRef | null {
  const parsed = parseObject(value);
  if (!parsed) return null;
  const { qz, a } = parsed;
  if (typeof qz !== 'string' || (a !== undefined && typeof a !== 'string')) return null;
  return { id: qz, ...(a !== undefined && { about: a }) };
}

/** "Next question": the question just answered (not to be asked again) and the subject, as a card reference. */
export interface NextQuestion {
  after?: string;
  about?: string;
}

export const encodeNextQuestion = (next: NextQuestion): string => JSON.stringify(next);

export function parseNextQuestion(value: string | undefined): NextQuestion | null {
  const parsed = parseObject(value);
  if (!parsed) return null;
  const { after, about } = parsed;
  if ((after !== undefined && typeof after !== 'string') || (about !== undefined && typeof about !== 'string')) return null;
  return { ...(after !== undefined && { after }), ...(about !== undefined && { about }) };
}

function parseObject(value: string | undefined): Record<string, unknown> | null {
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
