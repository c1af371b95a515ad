import type { BlockAction } from '@slack/bolt';
import { ACTION_IDS, actionIdBase, type ActionIdBase } from '../../../cards/index.js';
import type { SlackDeps } from '../../deps.js';
import type { ListenerGroup } from '../types.js';
import type { ActionArgs } from './clicked.js';
import { feedbackVote } from './feedbackVote.js';
import { openCard } from './openCard.js';
import { quizAnswer } from './quizAnswer.js';
import { quizNext } from './quizNext.js';
import { quizShare } from './quizShare.js';
import { shareCard } from './shareCard.js';
import { showDetails } from './showDetails.js';

type ActionHandler = (args: ActionArgs) => Promise<void>;

/** Which handler answers a click, by the base of its action_id. */
function actionHandlers(deps: SlackDeps): Record<ActionIdBase, ActionHandler> {
  const open = openCard(deps);
  return {
    [ACTION_IDS.open]: open,
    [ACTION_IDS.learnMore]: open,
    [ACTION_IDS.browse]: open,
    [ACTION_IDS.share]: shareCard(deps),
    [ACTION_IDS.details]: showDetails(deps),
    [ACTION_IDS.feedback]: feedbackVote(deps),
    [ACTION_IDS.quizAnswer]: quizAnswer(deps),
    [ACTION_IDS.quizNext]: quizNext(deps),
    [ACTION_IDS.quizShare]: quizShare(deps),
  };
}

/**
 * One Bolt listener routes every click on our buttons and menus. Bolt runs every listener's matchers on every
 * request, slash commands included, so a listener per action id made each request pay for eight failed matches.
 */
export const registerActions: ListenerGroup = (app, deps) => {
  const handlers = actionHandlers(deps);
  app.action<BlockAction>(/^srm_/, async (args) => {
    const base = actionIdBase(args.action.action_id);
    if (base) return handlers[base](args);
    // A control of ours this version does not know (a message from a newer or older release): Slack still
    // wants its ack, and the click does nothing.
    await args.ack();
    deps.log.warn({ action_id: args.action.action_id }, 'click on an unknown srm control: ignored');
  });
};
