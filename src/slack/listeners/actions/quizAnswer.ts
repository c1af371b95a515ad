import type { ScoredAnswer } from '../../../answers/index.js';
import type { SlackDeps } from '../../deps.js';
import { noteMatch } from '../../match.js';
import { clicked, tellClicker, type ActionArgs, type Clicked } from './clicked.js';

/** Said when a click carries no quiz answer we made (a forged or mangled value). */
export const STALE_QUIZ_BUTTON = "I can't read that answer button. Try a new question with `/srm quiz`.";

/**
 * A click on a quiz answer, revealed only to the clicker (src/answers/quiz.ts scores it). On their own private
 * question the result takes the question's place; under a message others see, it arrives as a private message.
 * The answer is recorded only after the result is on its way, so the database never delays it.
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
    try {
      await args.respond({ response_type: 'ephemeral', replace_original: click.ephemeral, ...result.message });
    } finally {
      // Recorded even when the reveal failed: the person did answer.
      if (result.scored) await record(deps, args, click, result.scored);
    }
  };
}

async function record(deps: SlackDeps, args: ActionArgs, click: Clicked, scored: ScoredAnswer): Promise<void> {
  try {
    args.context.recorded = await deps.answers.quiz.record(scored, {
      workspace: click.team,
      user: click.user,
      userName: args.body.user.name ?? null,
      // The quiz message: the same for a double click and for Slack's retry of the request, new for each question asked.
      attempt: click.messageTs ?? args.body.response_url,
    });
  } catch (error) {
    deps.log.warn({ err: error, question: scored.question }, 'quiz answer not recorded');
  }
}
