import type { KnownBlock } from '@slack/types';
import { cardTitle, formatCardKey, lookupCard, type KnowledgeBase, type Tip } from '../knowledge/index.js';
import { actions, button, context, header, mrkdwnLink, section } from './blocks.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import { checkSection } from './parts.js';
import { ACTION_IDS, type SlackMessage } from './types.js';

/** The card a tip belongs to: "s3.encryption" for a service's tip, "encryption" or "overview" otherwise. */
export const tipCardKey = (tip: Tip): string => formatCardKey(tip);

/** "Learn more" opens the tip's card; a tip whose card is gone simply has no button. */
function learnMoreButton(kb: KnowledgeBase, tip: Tip) {
  const key = tipCardKey(tip);
  const card = lookupCard(kb, key);
  return card ? button({ text: `Learn more: ${cardTitle(card)}`, actionId: ACTION_IDS.learnMore, payload: { k: key } }) : null;
}

/** The row under a tip, on its daily post and on App Home alike: no row when the tip's card is gone. */
export function tipActions(kb: KnowledgeBase, tip: Tip): KnownBlock[] {
  const learnMore = learnMoreButton(kb, tip);
  return learnMore ? [actions('srm_tip_actions', [learnMore])] : [];
}

export function renderTip(kb: KnowledgeBase, tip: Tip, dateIso: string): SlackMessage {
  const blocks: KnownBlock[] = [
    header(`${emoji('bulb')} ${tip.title}`),
    section(`*Do this:* ${esc(tip.do)}`),
    section(`*Why:* ${esc(tip.why)}`),
    checkSection(tip.check),
    context([`${emoji('books')} ${mrkdwnLink(tip.link.url, tip.link.title)}`]),
    ...tipActions(kb, tip),
    context([`${emoji('calendar')} Daily security tip · ${esc(dateIso)}`, 'srm-bot · `/srm help`']),
  ];
  return { text: esc(`Daily security tip: ${tip.title}`), blocks };
}
