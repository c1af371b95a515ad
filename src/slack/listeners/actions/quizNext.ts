import { parseCardKey } from '../../../knowledge/index.js';
import { parseNextQuestion } from '../../../quiz/index.js';
import { noteMatch } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { askQuestion } from '../../quiz.js';
import { clicked, type ActionArgs } from './clicked.js';

/**
 * "Next question" under a quiz result: another question on the same subject, as a new private message so the
 * result above it stays readable. A value we cannot read still gets a question, on any subject.
 */
export function quizNext(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const next = parseNextQuestion(clicked(args).value) ?? {};
    const about = next.about !== undefined ? parseCardKey(next.about) : null;
    const asked = askQuestion(deps, { about, ...(next.after !== undefined && { after: next.after }) });
    noteMatch(args.context, asked.match);
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...asked.message });
  };
}
