import type { KnownBlock } from '@slack/types';
import { cardTitle, lookupCard, type KnowledgeBase, type QuizQuestion } from '../knowledge/index.js';
import { encodeNextQuestion, encodeQuestionRef, encodeQuizChoice, questionFingerprint, type PickedQuestion, type QuizOutcome } from '../quiz/index.js';
import { actions, context, header, section, valueButton, button } from './blocks.js';
import { emoji } from './emoji.js';
import { echoUserText, escapeMrkdwn as esc } from './escape.js';
import { footer } from './parts.js';
import { truncatePlain } from './truncate.js';
import { ACTION_IDS, actionId, type RenderOptions, type SlackMessage } from './types.js';

/** Why a question other than the one asked for is shown. */
export type QuizNote =
  /** `/srm quiz <subject>` named something no question is about (`subject` is the person's text). */
  | { kind: 'off_subject'; subject: string }
  /** An answer button pointed at a question that has since been removed from the quiz. */
  | { kind: 'retired' };

export interface QuizRenderOptions extends RenderOptions {
  /** The subject asked for, as a card reference ("s3", "encryption"), kept for "Next question". */
  about?: string;
}

const SUBJECT_ECHO_CHARS = 80;
const FALLBACK_CHARS = 300;

const NOTES = {
  off_subject: (subject: string) =>
    `${emoji('information_source')} I have no question on “${echoUserText(subject, SUBJECT_ECHO_CHARS)}” yet, so here is one on another subject.`,
  retired: `${emoji('information_source')} That question has been retired from the quiz, so here is another one.`,
};

const HOW_IT_WORKS = '`/srm quiz` asks another · `/srm quiz s3` or `/srm quiz encryption` picks a subject';
const WHO_SEES = {
  ephemeral: 'Only you see this question and your result.',
  message: 'Answer it: only you see whether you got it right.',
};

/**
 * A question with one button per choice. Each button carries all a click needs to be scored. A private question
 * can be put to the whole channel; there, everyone who answers sees their own result.
 */
export function renderQuizQuestion(picked: PickedQuestion & { note?: QuizNote }, options: QuizRenderOptions): SlackMessage {
  const { question, note } = picked;
  const fingerprint = questionFingerprint(question);
  const choices = question.choices.map((choice, i) =>
    valueButton({
      text: choice,
      actionId: actionId(ACTION_IDS.quizAnswer, i),
      value: encodeQuizChoice({ id: question.id, chosen: i, fingerprint }, options.about),
    }),
  );
  const noteText = note?.kind === 'off_subject' ? NOTES.off_subject(note.subject) : note?.kind === 'retired' ? NOTES.retired : undefined;
  return {
    text: esc(truncatePlain(`Quiz: ${question.question}`, FALLBACK_CHARS)),
    blocks: [
      header(`${emoji('mortar_board')} Quiz: who's responsible?`),
      ...(noteText ? [context([noteText])] : []),
      section(`*${esc(question.question)}*`),
      actions('srm_quiz_choices', choices),
      ...(options.surface === 'ephemeral'
        ? [
            actions('srm_quiz_share', [
              valueButton({
                text: 'Ask the channel',
                actionId: ACTION_IDS.quizShare,
                value: encodeQuestionRef({ id: question.id, ...(options.about !== undefined && { about: options.about }) }),
              }),
            ]),
          ]
        : []),
      context([`${WHO_SEES[options.surface]} ${HOW_IT_WORKS}`]),
      footer(options),
    ],
  };
}

const choiceLines = (question: QuizQuestion, chosen: number | null): string =>
  question.choices
    .map((choice, i) => {
      const right = i === question.answer;
      const mark = right ? emoji('white_check_mark') : i === chosen ? emoji('x') : '•';
      const yours = i === chosen ? ' _(your answer)_' : '';
      return `${mark} ${right ? `*${esc(choice)}*` : esc(choice)}${yours}`;
    })
    .join('\n');

/** The verdict on a click, with the right answer, why, and the card that explains it. */
export function renderQuizResult(kb: KnowledgeBase, outcome: Exclude<QuizOutcome, { kind: 'gone' }>, options: QuizRenderOptions): SlackMessage {
  const { question } = outcome;
  const rightChoice = question.choices[question.answer] ?? '';
  const verdict =
    outcome.kind === 'changed' ? `${emoji('mortar_board')} The answer` : outcome.correct ? `${emoji('white_check_mark')} Right!` : `${emoji('x')} Not quite`;
  const summary = outcome.kind === 'answered' && outcome.correct ? `Right! ${rightChoice}.` : `The answer is ${rightChoice}.`;
  const card = lookupCard(kb, question.card);
  const buttons = [
    ...(card ? [button({ text: `Open the card: ${cardTitle(card)}`, actionId: actionId(ACTION_IDS.open, 1), payload: { k: question.card } })] : []),
    valueButton({
      text: 'Next question',
      actionId: ACTION_IDS.quizNext,
      value: encodeNextQuestion({ after: question.id, ...(options.about !== undefined && { about: options.about }) }),
      primary: true,
    }),
  ];
  const blocks: KnownBlock[] = [
    header(verdict),
    ...(outcome.kind === 'changed'
      ? [
          context([
            `${emoji('information_source')} This question was edited after it was asked, so your click can't be scored. Here is the question as it is now, and its answer.`,
          ]),
        ]
      : []),
    section(`*${esc(question.question)}*\n${choiceLines(question, outcome.kind === 'answered' ? outcome.chosen : null)}`),
    section(`${emoji('bulb')} *Why:* ${esc(question.why)}`),
    actions('srm_quiz_result_actions', buttons),
    footer(options),
  ];
  return { text: esc(truncatePlain(`${summary} ${question.question}`, FALLBACK_CHARS)), blocks };
}
