import { createHash } from 'node:crypto';
import type { QuizQuestion } from '../knowledge/index.js';

/**
 * A short digest of what a person saw when they chose: the question, its choices and the right answer. A button
 * from before an edit to the question (reordered choices, a new answer) must not be scored against the new text.
 */
export function questionFingerprint(question: QuizQuestion): string {
  return createHash('sha256')
    .update(JSON.stringify([question.question, question.choices, question.answer]))
    .digest('hex')
    .slice(0, 10);
}

/** What a click on an answer button meant. */
export type QuizOutcome =
  /** Scored: `chosen` is the index clicked. */
  | { kind: 'answered'; question: QuizQuestion; chosen: number; correct: boolean }
  /** The question was edited since it was asked: the click cannot be scored, but the answer can still be shown. */
  | { kind: 'changed'; question: QuizQuestion }
  /** No question has that id any more. */
  | { kind: 'gone' };

export interface QuizChoice {
  /** Question id. */
  id: string;
  /** Index of the choice clicked. */
  chosen: number;
  /** questionFingerprint of the question as it was shown. */
  fingerprint: string;
}

export function checkAnswer(quiz: readonly QuizQuestion[], choice: QuizChoice): QuizOutcome {
  const question = quiz.find((q) => q.id === choice.id);
  if (!question) return { kind: 'gone' };
  if (questionFingerprint(question) !== choice.fingerprint || choice.chosen >= question.choices.length) return { kind: 'changed', question };
  return { kind: 'answered', question, chosen: choice.chosen, correct: choice.chosen === question.answer };
}
