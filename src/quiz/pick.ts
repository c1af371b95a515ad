import { parseCardKey, type CardKey, type QuizQuestion } from '../knowledge/index.js';

/** What a quiz question was asked for: any subject, or a card's service or topic ("/srm quiz s3"). */
export interface QuizRequest {
  /** The subject asked for; null for any question. */
  about: CardKey | null;
  /** The question just answered, so "Next question" does not ask it again. */
  after?: string;
}

export interface PickedQuestion {
  question: QuizQuestion;
  /** False when nothing in the quiz is on the subject asked for, so another question stands in. */
  onSubject: boolean;
}

/** Random in [0, 1), like Math.random; injected so tests can choose. */
export type Random = () => number;

/**
 * The closest questions to a subject, best first: the exact card, then the card's service, then its topic.
 * The first group that has any question is the one asked from.
 */
function subjectGroups(quiz: readonly QuizQuestion[], about: CardKey): QuizQuestion[][] {
  const keyed = quiz.map((question) => ({ question, key: parseCardKey(question.card) }));
  const where = (matches: (key: CardKey) => boolean) => keyed.filter((q) => q.key !== null && matches(q.key)).map((q) => q.question);
  return [
    where((key) => key.service === about.service && key.topic === about.topic),
    about.service !== null ? where((key) => key.service === about.service) : [],
    about.topic !== null ? where((key) => key.topic === about.topic) : [],
  ];
}

/** One question for a request, at random among the best-fitting ones; null only when the quiz is empty. */
export function pickQuestion(quiz: readonly QuizQuestion[], request: QuizRequest, random: Random = Math.random): PickedQuestion | null {
  const fresh = (questions: QuizQuestion[]) => {
    const others = questions.filter((q) => q.id !== request.after);
    return others.length > 0 ? others : questions;
  };
  const subjectPool = request.about ? subjectGroups(quiz, request.about).find((group) => group.length > 0) : undefined;
  const pool = fresh(subjectPool ?? [...quiz]);
  const question = pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))];
  return question ? { question, onSubject: request.about === null || subjectPool !== undefined } : null;
}
