import type { AllMiddlewareArgs, Context, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderHelp, type SlackMessage } from '../../../cards/index.js';
import { noteMatch } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { OUR_FAILURE } from '../../../slackApi/errors.js';
import { quizSubcommand } from './quiz.js';
import { tipSubcommand } from './tip.js';

export const SRM_COMMAND = '/srm';

export interface SubcommandRequest {
  /** What followed the subcommand word. */
  args: string;
  context: Context;
  deps: SlackDeps;
}

/** A word after /srm that is an instruction rather than a question. Its answer is shown only to the asker. */
export type Subcommand = (request: SubcommandRequest) => SlackMessage | Promise<SlackMessage>;

/** `/srm <word> …` → handler. Anything else is a question for the engine. */
export const SUBCOMMANDS: ReadonlyMap<string, Subcommand> = new Map<string, Subcommand>([
  ['help', () => renderHelp()],
  ['quiz', quizSubcommand],
  ['tip', tipSubcommand],
]);

/** Subcommands that take what follows them ("/srm quiz s3", "/srm tip for s3"); the others stand alone. */
const TAKES_A_SUBJECT = new Set(['quiz', 'tip']);

/**
 * `/srm <question>`: the answer is the ack itself (ephemeral, with a Share button), so it arrives with Slack's
 * own 3-second acknowledgement and needs no further call.
 */
export function srmCommand(deps: SlackDeps) {
  return async ({ command, ack, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = command.text.trim();
    const [first = '', ...rest] = text.split(/\s+/);
    const word = first.toLowerCase();
    // "/srm help with iam" asks about IAM: a word that takes nothing after it is a subcommand only on its own.
    const subcommand = rest.length === 0 || TAKES_A_SUBJECT.has(word) ? SUBCOMMANDS.get(word) : undefined;
    let message: SlackMessage;
    try {
      if (subcommand) {
        noteMatch(context, `subcommand ${word}`);
        message = await subcommand({ args: rest.join(' '), context, deps });
      } else {
        const answered = deps.answers.text(text, { surface: 'ephemeral' });
        noteMatch(context, answered.answer);
        message = answered.message;
      }
    } catch (error) {
      await ack({ response_type: 'ephemeral', text: OUR_FAILURE });
      throw error;
    }
    await ack({ response_type: 'ephemeral', ...message });
  };
}
