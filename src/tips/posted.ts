import type { webApi } from '@slack/bolt';
import { addDays, earliestStartOf, isIsoDate, latestEndOf, localDateTime } from './calendar.js';
import { botPostsIn } from './channelPost.js';
import { failureOf, type Failure } from './failures.js';
import { MAX_DAYS_AHEAD, TIP_EVENT_TYPE } from './post.js';

/**
 * The daily tips a period's days got in each channel, read back from Slack: the tip posts are their own record
 * (message metadata `srm_daily_tip` with the date and the tip, docs/daily-tips.md), found by the same reader the
 * post-once check uses. What `srm evidence` lists beside the people.
 */

/** One day's tip in a channel. */
export interface PostedTip {
  /** The day it is the tip of, in the tip time zone, YYYY-MM-DD. */
  date: string;
  /** The tip's id in knowledge/tips.yml. */
  tip: string;
  /** When Slack took the post (its ts), as an ISO instant in UTC. */
  postedAt: string;
}

export type ChannelTips = { channel: string; posted: PostedTip[] } | ({ channel: string } & Failure);

export interface TipsPosted {
  /** The workspace (T…) of the bot token the channels were read with; null when Slack did not say (auth.test failed). */
  workspace: string | null;
  /** In the order asked for; a channel that could not be read says why instead. */
  channels: ChannelTips[];
}

export interface TipsPostedRequest {
  /** A client holding the bot token. */
  client: webApi.WebClient;
  channels: readonly string[];
  /** First and last day of the period, both included, in `timeZone` (TIP_TIMEZONE). */
  from: string;
  to: string;
  timeZone: string;
}

/**
 * The tips posted for each day from `from` to `to` in each channel, one per day (the earliest post of a day, as
 * the post-once check keeps), oldest first. A post counts when its date is in the period and it was posted by the
 * end of the period: one made up to MAX_DAYS_AHEAD days early counts, one made for a past day after the period
 * ended (a late `srm post-tip --date`) does not, since nobody could read it during the period. A channel that
 * cannot be read never stops the others.
 */
export async function tipsPostedIn({ client, channels, from, to, timeZone }: TipsPostedRequest): Promise<TipsPosted> {
  let botId: string;
  let workspace: string | null;
  try {
    const identity = await client.auth.test();
    botId = identity.bot_id ?? '';
    workspace = identity.team_id ?? null;
  } catch (error) {
    const failure = failureOf(error);
    return { workspace: null, channels: channels.map((channel) => ({ channel, ...failure })) };
  }
  // The history to read: from the earliest moment a tip of `from` could be posted to the last moment any zone still
  // calls `to` today. The day of each post in `timeZone` is checked exactly below.
  const search = { client, botId, eventType: TIP_EVENT_TYPE, oldest: earliestStartOf(addDays(from, -MAX_DAYS_AHEAD)), latest: latestEndOf(to) };
  const results: ChannelTips[] = [];
  for (const channel of channels) {
    try {
      // Each day's earliest post: a duplicate left by a race is removed by the next post-once run, and never counts twice.
      const byDate = new Map<string, { tip: string; at: number }>();
      for (const { ts, payload } of await botPostsIn(search, channel)) {
        const { date, tip } = payload;
        if (typeof date !== 'string' || typeof tip !== 'string' || !isIsoDate(date) || date < from || date > to) continue;
        const at = Math.round(Number(ts) * 1000);
        if (localDateTime(at, timeZone).date > to) continue;
        const earlier = byDate.get(date);
        if (earlier === undefined || at < earlier.at) byDate.set(date, { tip, at });
      }
      const posted = [...byDate].map(([date, { tip, at }]) => ({ date, tip, postedAt: new Date(at).toISOString() }));
      results.push({ channel, posted: posted.sort((a, b) => (a.date < b.date ? -1 : 1)) });
    } catch (error) {
      results.push({ channel, ...failureOf(error) });
    }
  }
  return { workspace, channels: results };
}
