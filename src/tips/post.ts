import type { webApi } from '@slack/bolt';
import { renderTip } from '../cards/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../logger.js';
import { NO_UNFURL } from '../slackApi/client.js';
import { addDays, earliestStartOf } from './calendar.js';
import { postOnceInChannels, type ChannelPost, type ChannelResult } from './channelPost.js';
import { failureOf } from './failures.js';
import type { Rotation } from './rotation.js';

/**
 * Posting one day's tip to each channel exactly once (src/tips/channelPost.ts): every tip post carries message
 * metadata naming its date, and the channel's history is searched for it. docs/daily-tips.md walks through why
 * this holds.
 */

export type { ChannelResult } from './channelPost.js';

/** The metadata event type on every tip post. */
export const TIP_EVENT_TYPE = 'srm_daily_tip';

/**
 * How far ahead of its date a tip may be posted (`srm post-tip --date` a few days early). The search for a
 * date's post reaches back this far before the date, so an early post is found too.
 */
export const MAX_DAYS_AHEAD = 7;

export interface DayReport {
  date: string;
  /** Id of the day's tip; null when there is none (no tips in the rotation yet). */
  tip: string | null;
  results: ChannelResult[];
}

export const everyChannelHasItsTip = (report: DayReport): boolean => report.results.every((result) => result.status !== 'failed');

export interface PostTipRequest {
  /** A client holding the bot token. */
  client: webApi.WebClient;
  kb: KnowledgeBase;
  rotation: Rotation;
  /** The day posted for, in the tip time zone; at most MAX_DAYS_AHEAD days after today. */
  date: string;
  channels: readonly string[];
  log: Logger;
}

/** Posts `date`'s tip to every channel, one after the other; a failing channel never stops the others. */
export async function postDailyTip(request: PostTipRequest): Promise<DayReport> {
  const { client, kb, rotation, date, channels, log } = request;
  const daily = rotation.tipOn(date);
  if (!daily) {
    log.warn({ date }, 'no daily tip for this date: the knowledge base has no tip in the rotation');
    return {
      date,
      tip: null,
      results: channels.map((channel) => ({ channel, status: 'failed', reason: 'no_tip', retryable: false, fix: 'add tips to knowledge/tips.yml' })),
    };
  }
  const tip = daily.tip.id;

  let botId: string;
  try {
    const identity = await client.auth.test();
    botId = identity.bot_id ?? '';
  } catch (error) {
    const failure = failureOf(error);
    log.warn({ date, tip, ...failure, err: error }, 'daily tip not posted: cannot ask Slack who the bot is (auth.test)');
    return { date, tip, results: channels.map((channel) => ({ channel, status: 'failed', ...failure })) };
  }

  const message = renderTip(kb, daily.tip, date);
  const posting: ChannelPost = {
    client,
    log,
    botId,
    eventType: TIP_EVENT_TYPE,
    isThisOne: (payload) => payload.date === date,
    oldest: earliestStartOf(addDays(date, -MAX_DAYS_AHEAD)),
    what: 'daily tip',
    fields: { date },
  };
  const results = await postOnceInChannels(posting, channels, { ...message, ...NO_UNFURL }, { date, tip }, { tip });
  return { date, tip, results };
}
