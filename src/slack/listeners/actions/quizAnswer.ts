import type { SlackDeps } from '../../deps.js';
import { noteMatch } from '../../match.js';
import { clicked, tellClicker, type ActionArgs } from './clicked.js';

/** Said when a click carries no quiz answer we made (a forged or mangled value). */
export const STALE_QUIZ_BUTTON = "I can't read that answer button. Try a new question with `/srm quiz`.";

/**
 * A click on a quiz answer, revealed only to the clicker (src/answers/quiz.ts scores it). On their own private
 * question the result takes the question's place; under a message others see, it arrives as a private message.
 */
export function quizAnswer(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const result = deps.answers.quiz.answer(click.value);
    noteMatch(args.context, result ?? 'stale');
    if (!result) {
      await tellClicker(args, STALE_QUIZ_BUTTON);
      return;
    }
    await args.respond({ response_type: 'ephemeral', replace_original: click.ephemeral, ...result.message });
  };
}
