import type { SlackDeps } from '../../deps.js';
import { noteMatch } from '../../match.js';
import { clicked, type ActionArgs } from './clicked.js';

/** "Next question" under a quiz result: a new private message, so the result above it stays readable. */
export function quizNext(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const next = deps.answers.quiz.next(clicked(args).value);
    noteMatch(args.context, next);
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...next.message });
  };
}
