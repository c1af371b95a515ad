import { renderQuizQuestion, type QuizNote, type SlackMessage } from '../cards/index.js';
import { formatCardKey, type CardKey } from '../knowledge/index.js';
import { pickQuestion } from '../quiz/index.js';
import type { SlackDeps } from './deps.js';

export interface QuestionRequest {
  /** The subject as the engine understood it; null for any subject. */
  about: CardKey | null;
  /** What the person typed as the subject, when they typed one. */
  subject?: string;
  /** The question just answered, not to be asked again. */
  after?: string;
  /** Why this question replaces another (a retired one). */
  note?: QuizNote;
}

export interface AskedQuestion {
  message: SlackMessage;
  /** For the request's log line: "quiz <question id>". */
  match: string;
}

/**
 * A question ready to send. When the person named a subject that the engine did not understand or that no
 * question covers, another question stands in and the card says so.
 */
export function askQuestion(deps: SlackDeps, request: QuestionRequest): AskedQuestion {
  const picked = pickQuestion(deps.kb.quiz, request);
  // The knowledge schema requires at least one question, so this only guards a hand-built knowledge base.
  if (!picked) return { message: { text: 'The quiz has no questions yet.', blocks: [] }, match: 'quiz empty' };
  const missedSubject = request.subject !== undefined && (request.about === null || !picked.onSubject);
  const note: QuizNote | undefined = missedSubject ? { kind: 'off_subject', subject: request.subject! } : request.note;
  const about = request.about && picked.onSubject ? formatCardKey(request.about) : undefined;
  return {
    message: renderQuizQuestion({ ...picked, ...(note && { note }) }, { surface: 'ephemeral', ...(about && { about }) }),
    match: `quiz ${picked.question.id}`,
  };
}
