import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';

/** What Bolt hands a listener for a click on one of our buttons or menus. */
export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Where a click came from: a message everyone sees, an ephemeral message only the clicker sees, or a view (App Home). */
export interface Clicked {
  /** A button's value or a menu's selected option. */
  value: string | undefined;
  user: string;
  team?: string;
  channel?: string;
  /** The message clicked, when it is one (an ephemeral message has a ts too, but nothing can reply to it). */
  messageTs?: string;
  threadTs?: string;
  ephemeral: boolean;
  inView: boolean;
}

export function clicked({ body, action }: SlackActionMiddlewareArgs<BlockAction>): Clicked {
  const value = action.type === 'static_select' ? action.selected_option?.value : 'value' in action ? action.value : undefined;
  const container = (body.container ?? {}) as { type?: string; is_ephemeral?: boolean; message_ts?: string; thread_ts?: string };
  return {
    value,
    user: body.user.id,
    team: body.team?.id ?? body.user.team_id,
    channel: body.channel?.id,
    messageTs: container.message_ts,
    threadTs: container.thread_ts,
    ephemeral: container.is_ephemeral === true,
    inView: container.type === 'view',
  };
}

/** A private reply to the clicker that leaves the message they clicked as it was. */
export const tellClicker = (args: ActionArgs, text: string): Promise<unknown> => args.respond({ response_type: 'ephemeral', replace_original: false, text });

/** Said when a button's value does not name a card (an old message from before a card was renamed). */
export const STALE_BUTTON = 'That button points at a card I no longer have. Ask me again with `/srm <your question>`.';
