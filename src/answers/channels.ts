import type { ChannelSubscription, ScheduledPost, SubscriptionStore } from '../store/index.js';
import { DAY_NAMES, describeDays } from '../tips/settings.js';
import type { Asker } from './records.js';
import type { Reply } from './types.js';

/**
 * `/srm tips here|off` and `/srm leaderboard here|off`: in OAuth mode a channel of a workspace opts in to (or out of)
 * the daily tip or the weekly leaderboard, kept in the store; in single-workspace mode the settings name the
 * channels (TIP_CHANNELS, LEADERBOARD_CHANNELS) and the command only says so (docs/oauth.md).
 */

export interface ChannelPosts {
  /** OAuth mode: where subscriptions are kept; null in single-workspace mode. */
  subscriptions: Pick<SubscriptionStore, 'set'> | null;
  /** When the tip is posted: TIP_TIME, TIP_TIMEZONE, TIP_DAYS. */
  tips: { time: string; timeZone: string; days: readonly number[] };
  /** LEADERBOARD_DAY (null: no leaderboard is posted) and LEADERBOARD_TIME, in TIP_TIMEZONE. */
  leaderboard: { day: number | null; time: string };
}

const NAMES: Record<ScheduledPost, { what: string; setting: string; command: string }> = {
  tip: { what: 'the daily security tip', setting: 'TIP_CHANNELS', command: 'tips' },
  leaderboard: { what: 'the weekly quiz leaderboard', setting: 'LEADERBOARD_CHANNELS', command: 'leaderboard' },
};

const INVITE = 'srm-bot must be a member of the channel to post there: if it is not yet, run `/invite @srm-bot` here (a private channel needs it too).';

const reply = (text: string, match: string): Reply => ({ message: { text, blocks: [] }, match: `subcommand ${match}` });

/** The reply to `/srm tips|leaderboard here|off`, once the store has answered (or at once when nothing is stored). */
export async function channelPostReply(posts: ChannelPosts | null, post: ScheduledPost, on: boolean, asker: Asker): Promise<Reply> {
  const { what, setting, command } = NAMES[post];
  const match = `${command} ${on ? 'here' : 'off'}`;
  if (posts === null) return reply(`Channels for ${what} are chosen in Slack only.`, `${match} (no Slack)`);
  const channel = asker.conversation;
  if (posts.subscriptions === null) {
    return reply(
      `Here the channels that get ${what} are set in srm-bot's settings (\`${setting}\`), not with \`/srm\`: ask whoever runs srm-bot to ${on ? 'add' : 'remove'} this channel${channel && !channel.direct ? ` (<#${channel.id}>, id \`${channel.id}\`)` : ''}.`,
      `${match} (settings)`,
    );
  }
  if (channel === undefined || channel.direct || asker.workspace === undefined || asker.installation === undefined) {
    return reply(
      `${capitalized(what)} is posted in channels, not in direct messages: run \`/srm ${command} ${on ? 'here' : 'off'}\` in the channel that should ${on ? 'get' : 'stop getting'} it.`,
      `${match} (not a channel)`,
    );
  }
  if (on && post === 'leaderboard' && posts.leaderboard.day === null) {
    return reply(
      'The weekly quiz leaderboard is not switched on for this srm-bot: whoever runs it sets `LEADERBOARD_DAY` (docs/oauth.md). Nothing was changed.',
      `${match} (no day)`,
    );
  }
  const subscription: ChannelSubscription = {
    owner: asker.installation.owner,
    workspace: asker.workspace,
    enterprise: asker.installation.enterprise,
    channel: channel.id,
    post,
  };
  const changed = await posts.subscriptions.set(subscription, on, asker.user);
  if (changed === null)
    return reply(
      `That could not be saved just now (the database did not answer): try \`/srm ${command} ${on ? 'here' : 'off'}\` again in a minute.`,
      `${match} (unavailable)`,
    );
  const when = schedule(posts, post);
  if (!on) {
    return reply(
      changed
        ? `This channel no longer gets ${what}. \`/srm ${command} here\` brings it back.`
        : `This channel does not get ${what}: nothing to stop. \`/srm ${command} here\` would start it.`,
      match,
    );
  }
  return reply(
    `${changed ? `This channel now gets ${what}` : `This channel already gets ${what}`}: ${when}, starting at the next one. ${INVITE} \`/srm ${command} off\` stops it.`,
    match,
  );
}

/** "posted at 09:00 (UTC) on mon-fri", "posted at 16:00 (Europe/Berlin) every fri". */
function schedule({ tips, leaderboard }: ChannelPosts, post: ScheduledPost): string {
  if (post === 'tip') return `posted at ${tips.time} (${tips.timeZone}) ${tips.days.length === 7 ? 'every day' : `on ${describeDays(tips.days)}`}`;
  return `posted at ${leaderboard.time} (${tips.timeZone}) every ${DAY_NAMES[leaderboard.day ?? 5]}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
