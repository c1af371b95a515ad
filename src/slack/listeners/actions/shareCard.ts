import { noteMatch } from '../../match.js';
import type { SlackDeps } from '../../deps.js';
import { clicked, STALE_BUTTON, tellClicker, type ActionArgs } from './clicked.js';
import { shareWithChannel } from './shareWithChannel.js';

/**
 * "Share in channel" on an ephemeral answer: posts the same card for everyone, saying who shared it, then
 * removes the private copy. Ephemeral clicks carry no message, so the card is rebuilt from the button's value.
 */
export function shareCard(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const answered = deps.answers.choice(click.value, { surface: 'message', sharedBy: click.user });
    noteMatch(args.context, answered ?? 'stale');
    if (!answered || click.channel === undefined) {
      await tellClicker(args, STALE_BUTTON);
      return;
    }
    await shareWithChannel(deps, args, { ...click, channel: click.channel }, answered.message, 'card');
  };
}
