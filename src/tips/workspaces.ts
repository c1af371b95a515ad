import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { ChannelResult } from './channelPost.js';

/**
 * OAuth mode: the daily tip and the weekly leaderboard go to the channels each workspace subscribed (`/srm tips
 * here`), each posted with that workspace's own bot token by the very poster single-workspace mode uses
 * (postDailyTip, postLeaderboard: exactly once per channel and day or week, docs/daily-tips.md). The scheduler sees
 * opaque targets, "<installation> <workspace> <channel>", so a retry of the channels that failed reaches the
 * same installation.
 */

/** One subscribed channel: the installation whose token posts there ('team:T…', 'enterprise:E…') and its workspace (T…). */
export interface WorkspaceChannel {
  installation: string;
  workspace: string;
  channel: string;
}

/** What the schedule needs of the installed workspaces (src/slack/installationStore.ts gives it from the store). */
export interface Workspaces {
  /** The channels subscribed now. */
  channels(): Promise<WorkspaceChannel[]>;
  /** A client holding the installation's bot token; null when it is gone (uninstalled); rejects when it cannot be read now. */
  client(installation: string): Promise<webApi.WebClient | null>;
}

export const targetOf = ({ installation, workspace, channel }: WorkspaceChannel): string => `${installation} ${workspace} ${channel}`;

function channelOf(target: string): WorkspaceChannel {
  const [installation = '', workspace = '', channel = ''] = target.split(' ');
  return { installation, workspace, channel };
}

/** The single-workspace poster, called once per workspace with its client and its channels. */
export type WorkspacePost = (client: webApi.WebClient, channels: readonly string[], workspace: string) => Promise<{ results: readonly ChannelResult[] }>;

/** Posts to every target, workspace by workspace; one whose installation cannot be opened never stops the others. */
export async function postPerWorkspace(
  targets: readonly string[],
  workspaces: Workspaces,
  post: WorkspacePost,
  log: Logger,
  what: string,
): Promise<{ results: ChannelResult[] }> {
  const groups = new Map<string, WorkspaceChannel[]>();
  for (const target of targets) {
    const channel = channelOf(target);
    const key = `${channel.installation} ${channel.workspace}`;
    groups.set(key, [...(groups.get(key) ?? []), channel]);
  }
  const results: ChannelResult[] = [];
  for (const channels of groups.values()) {
    const { installation, workspace } = channels[0]!;
    let client: webApi.WebClient | null;
    let failure: Omit<Extract<ChannelResult, { status: 'failed' }>, 'channel' | 'status'> | null = null;
    try {
      client = await workspaces.client(installation);
      if (client === null) {
        failure = { reason: 'not_installed', retryable: false, fix: 'the workspace uninstalled srm-bot: it installs it again through /slack/install' };
      }
    } catch (error) {
      client = null;
      failure = { reason: 'installation_unreadable', retryable: true, fix: `${(error as Error).message}; it is tried again` };
    }
    if (client === null || failure !== null) {
      log.warn({ team: workspace, channels: channels.map((c) => c.channel), ...failure }, `${what} not posted: the workspace's installation cannot be used`);
      results.push(...channels.map((c): ChannelResult => ({ channel: targetOf(c), status: 'failed', ...failure! })));
      continue;
    }
    const posted = await post(
      client,
      channels.map((c) => c.channel),
      workspace,
    );
    results.push(...posted.results.map((result) => ({ ...result, channel: targetOf({ installation, workspace, channel: result.channel }) })));
  }
  return { results };
}
