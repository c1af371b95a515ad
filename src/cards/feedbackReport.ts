import type { KnownBlock } from '@slack/types';
import { isDirectMessage, type FeedbackReport } from '../feedback/types.js';
import { cardTitle, lookupCard, type KnowledgeBase } from '../knowledge/index.js';
import { actions, button, context, section } from './blocks.js';
import { emoji } from './emoji.js';
import { echoUserText, escapeMrkdwn } from './escape.js';
import { ACTION_IDS, actionId, type SlackMessage } from './types.js';

const QUERY_CHARS = 300;
const SLACK_ID = /^[A-Z0-9]+$/;

export interface FeedbackReportOptions {
  /** Reports dropped by the rate limit since the previous one reached the channel. */
  dropped: number;
}

/** What the voter alone sees after 👍/👎 on the card titled `title`. */
export function voteThanks(title: string, vote: 'up' | 'down'): string {
  return vote === 'up'
    ? `${emoji('thumbsup')} Thanks! Glad *${escapeMrkdwn(title)}* helped. Your vote was recorded.`
    : `${emoji('thumbsdown')} Thanks for telling me. Sorry *${escapeMrkdwn(title)}* missed. Your vote was recorded and helps us improve the card.`;
}

/** A card key with its title, or the bare key when it names no card any more. */
function cardName(kb: KnowledgeBase, key: string): string {
  const card = lookupCard(kb, key);
  return card ? `*${echoUserText(cardTitle(card), 120)}* \`${echoUserText(key, 60)}\`` : `\`${echoUserText(key, 60)}\``;
}

/** The question as asked, unless it was asked in a DM, where its text stays private. */
function askedLine(report: FeedbackReport): string {
  if (isDirectMessage(report)) return `${emoji('speech_balloon')} _Asked in a DM: the text is not shared here._`;
  if (report.query === undefined || report.query.trim().length === 0) return `${emoji('speech_balloon')} _Opened from a button, no question typed._`;
  return `${emoji('speech_balloon')} “${echoUserText(report.query, QUERY_CHARS)}”`;
}

/** The question for the notification text: nothing for a DM or a click without one. */
const quoted = (report: FeedbackReport): string => (isDirectMessage(report) || !report.query?.trim() ? '' : `: “${echoUserText(report.query, 150)}”`);

/**
 * Who and where, without pinging anyone: user ids as code (a <@U…> mention would notify the voter in the
 * maintainers' channel), the conversation as a channel link maintainers can follow.
 */
function originLine(report: FeedbackReport): string {
  const parts = [
    ...(report.user && SLACK_ID.test(report.user) ? [`from \`${report.user}\``] : []),
    isDirectMessage(report) ? 'in a DM' : report.channel && SLACK_ID.test(report.channel) ? `in <#${report.channel}>` : '',
    ...(report.kind === 'no_match' ? [`via ${echoUserText(report.source, 60)}`] : []),
  ].filter(Boolean);
  return parts.join(' · ');
}

/**
 * The compact message maintainers get in FEEDBACK_CHANNEL for a vote or an unanswered question: what was asked,
 * what it matched, the vote, where it happened, and a button to the card itself.
 */
export function renderFeedbackReport(kb: KnowledgeBase, report: FeedbackReport, { dropped }: FeedbackReportOptions): SlackMessage {
  const blocks: KnownBlock[] = [];
  let text: string;
  if (report.kind === 'vote') {
    const verdict = report.vote === 'up' ? `${emoji('+1')} *Helpful*` : `${emoji('-1')} *Missed*`;
    blocks.push(section(`${verdict} · ${cardName(kb, report.card)}\n${askedLine(report)}`));
    const query = isDirectMessage(report) ? undefined : report.query;
    blocks.push(context([originLine(report)]));
    if (lookupCard(kb, report.card)) {
      blocks.push(
        actions('srm_feedback_report', [button({ text: 'Open the card', actionId: actionId(ACTION_IDS.open, 1), payload: { k: report.card, q: query } })]),
      );
    }
    text = `${report.vote === 'up' ? 'Helpful' : 'Missed'}: ${echoUserText(report.card, 60)}${quoted(report)}`;
  } else {
    const suggestions = report.suggestions.map((key) => cardName(kb, key));
    blocks.push(section(`${emoji('thinking_face')} *Unanswered* (${report.reason.replace(/_/g, ' ')})\n${askedLine(report)}`));
    if (suggestions.length > 0) blocks.push(context([`Offered instead: ${suggestions.join(', ')}`]));
    blocks.push(context([originLine(report)]));
    text = `Unanswered (${report.reason.replace(/_/g, ' ')})${quoted(report)}`;
  }
  if (dropped > 0) {
    blocks.push(
      context([
        `${emoji('warning')} ${dropped} report${dropped === 1 ? '' : 's'} before this one went to the log only: the rate limit for this channel was reached.`,
      ]),
    );
  }
  return { text, blocks };
}
