import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Reply } from '../../../answers/index.js';
import { OUR_FAILURE } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';
import { noteMatch } from '../../match.js';

export const SRM_COMMAND = '/srm';

/**
 * `/srm <question>` or a subcommand (src/answers/command.ts): the answer is the ack itself (ephemeral, with a
 * Share button), so it arrives with Slack's own 3-second acknowledgement and needs no further call.
 */
export function srmCommand(deps: SlackDeps) {
  return async ({ command, ack, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    let reply: Reply;
    try {
      reply = deps.answers.command(command.text);
    } catch (error) {
      await ack({ response_type: 'ephemeral', text: OUR_FAILURE });
      throw error;
    }
    noteMatch(context, reply);
    await ack({ response_type: 'ephemeral', ...reply.message });
  };
}
