import { renderQuizQuestion } from '../../../cards/index.js';
import { parseQuestionRef } from '../../../quiz/index.js';
import { noteMatch } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { clicked, tellClicker, type ActionArgs } from './clicked.js';
import { shareWithChannel } from './shareWithChannel.js';

/** Said when the question to share is no longer in the quiz, or the value is not one we made. */
export const STALE_QUIZ_SHARE = 'That question is no longer in the quiz. Ask for a new one with `/srm quiz`.';

/**
 * "Ask the channel" on a private quiz question: the same question for everyone, saying who asked it. Each
 * person who answers gets their own result privately (quizAnswer), so nobody sees another's answer.
 */
export function quizShare(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const ref = parseQuestionRef(click.value);
    const question = ref && deps.kb.quiz.find((q) => q.id === ref.id);
    noteMatch(args.context, question ? `quiz ${question.id} shared` : 'stale');
    if (!question || click.channel === undefined) {
      await tellClicker(args, STALE_QUIZ_SHARE);
      return;
    }
    const about = ref.about !== undefined ? { about: ref.about } : {};
    const message = renderQuizQuestion({ question, onSubject: true }, { surface: 'message', sharedBy: click.user, ...about });
    await shareWithChannel(deps, args, { ...click, channel: click.channel }, message, 'quiz question');
  };
}
