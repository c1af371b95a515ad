import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { CommandReply, Reply } from '../../../answers/index.js';
import { OUR_FAILURE } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';
import { noteMatch } from '../../match.js';

export const SRM_COMMAND = '/srm';

/**
 * `/srm <question>` or a subcommand (src/answers/command.ts): the answer is the ack itself (ephemeral, with a
 * Share button), so it arrives with Slack's own 3-second acknowledgement and needs no further call. A reply that
 * reads the database (`/srm stats`) is acked at once and sent to the response_url when ready, so a slow database
 * never costs the ack.
 */
export function srmCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    let reply: CommandReply;
    try {
      reply = deps.answers.command(command.text, {
        workspace: command.team_id,
        user: command.user_id,
        ...(typeof command.channel_id === 'string' && {
          conversation: { id: command.channel_id, direct: isDirect(command.channel_id, command.channel_name) },
        }),
        installation: {
          // The installation Bolt answered with: the organization's for an org-wide install (src/slack/installationStore.ts).
          owner: context.isEnterpriseInstall && context.enterpriseId ? { kind: 'enterprise', id: context.enterpriseId } : { kind: 'team', id: command.team_id },
          enterprise: context.enterpriseId ?? command.enterprise_id ?? null,
        },
      });
    } catch (error) {
      await ack({ response_type: 'ephemeral', text: OUR_FAILURE });
      throw error;
    }
    if (reply.kind === 'now') {
      noteMatch(context, reply.reply);
      await ack({ response_type: 'ephemeral', ...reply.reply.message });
      return;
    }
    await ack();
    let later: Reply;
    try {
      later = await reply.reply;
    } catch (error) {
      await respond({ response_type: 'ephemeral', text: OUR_FAILURE });
      throw error;
    }
    noteMatch(context, later);
    await respond({ response_type: 'ephemeral', ...later.message });
  };
}

/** A DM (D…, "directmessage") or a group DM ("mpdm-…"): no channel for scheduled posts. */
const isDirect = (id: string, name: string | undefined) => id.startsWith('D') || name === 'directmessage' || (name ?? '').startsWith('mpdm-');
