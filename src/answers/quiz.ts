import { renderQuizQuestion, renderQuizResult, type QuizNote } from '../cards/index.js';
import type { Engine } from '../engine/index.js';
import { formatCardKey, parseCardKey, type CardKey, type KnowledgeBase } from '../knowledge/index.js';
import { checkAnswer, parseNextQuestion, parseQuestionRef, parseQuizChoice, pickQuestion } from '../quiz/index.js';
import type { QuizRecords, RecordOutcome } from './records.js';
import type { Reply } from './types.js';

/** A click that was scored: what to record once the result is on its way. */
export interface ScoredAnswer {
  question: string;
  correct: boolean;
  answeredAt: Date;
}

/** Who clicked, and on which quiz message, as the surface reads it from the click. */
export interface QuizClick {
  /** Slack team id (T…); undefined when the click did not say (the answer is then not recorded, and logged). */
  workspace: string | undefined;
  user: string;
  userName: string | null;
  /** The quiz message clicked (its ts, or the response_url of an ephemeral one): a second click on it counts once. */
  attempt: string | undefined;
}

export type QuizResult = Reply & {
  /** Set when the click was scored (not for a retired or edited question). */
  scored?: ScoredAnswer;
};

export interface Quiz {
  /** `/srm quiz [subject]`: a question, on the subject when one is typed ("s3", "rds patching": read by the engine). */
  ask(subject: string): Reply;
  /**
   * A click on an answer button, scored from its value alone (no state: any replica, any time, any number of
   * clicks). A question since removed from the quiz gets another question in its place. Null when the value is
   * not an answer we made.
   */
  answer(value: string | undefined): QuizResult | null;
  /**
   * Keeps a scored answer for stats, the leaderboard and evidence, exactly once per person, question and quiz
   * message. Call it after the result is sent: it may wait for the database (1.5 s at most) and never rejects.
   * 'not kept' when there is no store (the console).
   */
  record(scored: ScoredAnswer, click: QuizClick): Promise<RecordOutcome | 'not kept'>;
  /** "Next question" under a result: another on the same subject; a value we cannot read still gets one, on any subject. */
  next(value: string | undefined): Reply;
  /** "Ask the channel": the same question for everyone, saying who asked it; null when it is no longer in the quiz. */
  share(value: string | undefined, sharedBy: string): Reply | null;
}

interface QuestionRequest {
  /** The subject as the engine understood it; null for any subject. */
  about: CardKey | null;
  /** What the person typed as the subject, when they typed one. */
  subject?: string;
  /** The question just answered, not to be asked again. */
  after?: string;
  /** Why this question replaces another (a retired one). */
  note?: QuizNote;
}

export function createQuiz(kb: KnowledgeBase, engine: Engine, records: QuizRecords | null): Quiz {
  /**
   * A question ready to send. When the person named a subject that the engine did not understand or that no
   * question covers, another question stands in and the card says so.
   */
  function question(request: QuestionRequest): Reply {
    const picked = pickQuestion(kb.quiz, request);
    // The knowledge schema requires at least one question, so this only guards a hand-built knowledge base.
    if (!picked) return { message: { text: 'The quiz has no questions yet.', blocks: [] }, match: 'quiz empty' };
    const offSubject = request.subject !== undefined && (request.about === null || !picked.onSubject);
    const note: QuizNote | undefined = offSubject ? { kind: 'off_subject', subject: request.subject! } : request.note;
    const about = request.about && picked.onSubject ? formatCardKey(request.about) : undefined;
    return {
      message: renderQuizQuestion({ ...picked, ...(note && { note }) }, { surface: 'ephemeral', ...(about && { about }) }),
      match: `quiz ${picked.question.id}`,
    };
  }

  return {
    ask(typed) {
      const subject = typed.trim();
      if (subject.length === 0) return question({ about: null });
      const match = engine.answer(subject).match;
      return question({ about: match && { service: match.service, topic: match.topic }, subject });
    },
    answer(value) {
      const choice = parseQuizChoice(value);
      if (!choice) return null;
      const outcome = checkAnswer(kb.quiz, choice);
      if (outcome.kind === 'gone') {
        const asked = question({ about: null, note: { kind: 'retired' } });
        return { ...asked, match: `${asked.match} (retired ${choice.id})` };
      }
      const verdict = outcome.kind === 'changed' ? 'changed' : outcome.correct ? 'right' : 'wrong';
      const about = choice.about !== undefined ? { about: choice.about } : {};
      return {
        message: renderQuizResult(kb, outcome, { surface: 'ephemeral', ...about }),
        match: `quiz ${outcome.question.id} ${verdict}`,
        // A question edited since it was asked cannot be scored, so it is not counted either way.
        ...(outcome.kind === 'answered' && { scored: { question: outcome.question.id, correct: outcome.correct, answeredAt: new Date() } }),
      };
    },
    async record(scored, click) {
      if (records === null) return 'not kept';
      return records.record({
        workspace: click.workspace ?? '',
        user: click.user,
        userName: click.userName,
        question: scored.question,
        attempt: click.attempt ?? '',
        correct: scored.correct,
        answeredAt: scored.answeredAt,
      });
    },
    next(value) {
      const next = parseNextQuestion(value) ?? {};
      const about = next.about !== undefined ? parseCardKey(next.about) : null;
      return question({ about, ...(next.after !== undefined && { after: next.after }) });
    },
    share(value, sharedBy) {
      const ref = parseQuestionRef(value);
      const shared = ref && kb.quiz.find((q) => q.id === ref.id);
      if (!shared) return null;
      const about = ref.about !== undefined ? { about: ref.about } : {};
      return {
        message: renderQuizQuestion({ question: shared, onSubject: true }, { surface: 'message', sharedBy, ...about }),
        match: `quiz ${shared.id} shared`,
      };
    },
  };
}
