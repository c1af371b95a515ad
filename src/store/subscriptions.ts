import type { Logger } from '../logger.js';
import type { Database, Queryable } from './database.js';
import { ownerKey, type InstallationOwner } from './installations.js';
import { QUIZ_STORE_DEFAULTS, within } from './quizStore.js';

/**
 * OAuth mode: which channel of which workspace gets a scheduled post (the daily tip, the weekly leaderboard), as the
 * workspace chose it with `/srm tips here` or `/srm leaderboard here` (docs/oauth.md). Single-workspace mode never
 * reads this: TIP_CHANNELS and LEADERBOARD_CHANNELS name its channels.
 */

export type ScheduledPost = 'tip' | 'leaderboard';

/** One channel that opted in, with the installation whose bot token posts there. */
export interface ChannelSubscription {
  /** The installation: the workspace's, or the organization's for an org-wide install. */
  owner: InstallationOwner;
  /** The workspace (T…) the channel is in. */
  workspace: string;
  /** Its Enterprise Grid organization (E…), when it has one. */
  enterprise: string | null;
  channel: string;
  post: ScheduledPost;
}

/** Subscribes the channel; true when it was not subscribed before. Repeating it (or two replicas at once) keeps one row. */
export async function subscribeChannel(database: Queryable, subscription: ChannelSubscription, user: string, now = new Date()): Promise<boolean> {
  const { rowCount } = await database.query(
    `INSERT INTO channel_subscriptions (owner, team_id, enterprise_id, channel_id, post, subscribed_by, subscribed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (owner, team_id, channel_id, post) DO NOTHING`,
    [ownerKey(subscription.owner), subscription.workspace, subscription.enterprise, subscription.channel, subscription.post, user, now],
  );
  return rowCount === 1;
}

/** Unsubscribes the channel; true when it was subscribed. */
export async function unsubscribeChannel(database: Queryable, subscription: ChannelSubscription): Promise<boolean> {
  const { rowCount } = await database.query('DELETE FROM channel_subscriptions WHERE owner = $1 AND team_id = $2 AND channel_id = $3 AND post = $4', [
    ownerKey(subscription.owner),
    subscription.workspace,
    subscription.channel,
    subscription.post,
  ]);
  return rowCount > 0;
}

interface SubscriptionRow {
  owner: string;
  team_id: string;
  enterprise_id: string | null;
  channel_id: string;
}

/** Every channel subscribed to `post`, by installation, workspace and channel; only of `workspace` (T…) when given. */
export async function subscribedChannels(database: Queryable, post: ScheduledPost, workspace?: string): Promise<ChannelSubscription[]> {
  const { rows } =
    workspace === undefined
      ? await database.query<SubscriptionRow>(
          'SELECT owner, team_id, enterprise_id, channel_id FROM channel_subscriptions WHERE post = $1 ORDER BY owner, team_id, channel_id',
          [post],
        )
      : await database.query<SubscriptionRow>(
          'SELECT owner, team_id, enterprise_id, channel_id FROM channel_subscriptions WHERE post = $1 AND team_id = $2 ORDER BY owner, channel_id',
          [post, workspace],
        );
  return rows.map((row) => ({
    owner: ownerOfKey(row.owner),
    workspace: row.team_id,
    enterprise: row.enterprise_id,
    channel: row.channel_id,
    post,
  }));
}

function ownerOfKey(key: string): InstallationOwner {
  const [kind, id] = key.split(':', 2) as [string, string];
  return { kind: kind === 'enterprise' ? 'enterprise' : 'team', id };
}

/** What `/srm tips here|off` and `/srm leaderboard here|off` call: each gives up after the timeout, as the quiz store does. */
export interface SubscriptionStore {
  /** Subscribes (`on`) or unsubscribes the channel: whether anything changed; null when the database did not answer in time (logged). */
  set(subscription: ChannelSubscription, on: boolean, user: string): Promise<boolean | null>;
}

export function createSubscriptionStore({ database, log, timeoutMs = QUIZ_STORE_DEFAULTS.timeoutMs }: SubscriptionStoreOptions): SubscriptionStore {
  return {
    async set(subscription, on, user) {
      const open = database();
      try {
        if (open === null) throw new Error('the database is not open yet');
        return await within(timeoutMs, () => (on ? subscribeChannel(open, subscription, user) : unsubscribeChannel(open, subscription)));
      } catch (error) {
        log.warn(
          { err: error, team: subscription.workspace, channel: subscription.channel, post: subscription.post },
          `channel subscription not changed: ${(error as Error).message}`,
        );
        return null;
      }
    },
  };
}

interface SubscriptionStoreOptions {
  database: () => Database | null;
  log: Logger;
  timeoutMs?: number;
}
