import { renderQuizResult } from '../../../cards/index.js';
import { checkAnswer, parseQuizChoice } from '../../../quiz/index.js';
import { noteMatch } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { askQuestion } from '../../quiz.js';
import { clicked, tellClicker, type ActionArgs } from './clicked.js';

/** Said when a click carries no quiz answer we made (a forged or mangled value). */
export const STALE_QUIZ_BUTTON = "I can't read that answer button. Try a new question with `/srm quiz`.";

/**
 * A click on a quiz answer: scored from the button's value alone (no state: any replica, any time, any number of
 * clicks) and revealed only to the clicker. On their own private question the result takes the question's place;
 * under a message others see, it arrives as a private message of its own.
 */
export function quizAnswer(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const choice = parseQuizChoice(click.value);
    if (!choice) {
      noteMatch(args.context, 'stale');
      await tellClicker(args, STALE_QUIZ_BUTTON);
      return;
    }
    const outcome = checkAnswer(deps.kb.quiz, choice);
    if (outcome.kind === 'gone') {
      const asked = askQuestion(deps, { about: null, note: { kind: 'retired' } });
      noteMatch(args.context, `${asked.match} (retired ${choice.id})`);
      await args.respond({ response_type: 'ephemeral', replace_original: click.ephemeral, ...asked.message });
      return;
    }
    const verdict = outcome.kind === 'changed' ? 'changed' : outcome.correct ? 'right' : 'wrong';
    noteMatch(args.context, `quiz ${outcome.question.id} ${verdict}`);
    const about = choice.about !== undefined ? { about: choice.about } : {};
    await args.respond({
      response_type: 'ephemeral',
      replace_original: click.ephemeral,
      ...renderQuizResult(deps.kb, outcome, { surface: 'ephemeral', ...about }),
    });
  };
}
