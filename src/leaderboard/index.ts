/**
 * The weekly quiz leaderboard in LEADERBOARD_CHANNELS on LEADERBOARD_DAY: scheduled like the daily tip (croner,
 * catch-up after a missed time) and posted once per channel and week however many replicas run, by the tips'
 * mechanism (message metadata in the channel, src/tips/channelPost.ts).
 */
import type { webApi } from '@slack/bolt';
import { renderLeaderboard } from '../cards/index.js';
import type { LeaderboardSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { NO_UNFURL } from '../slackApi/client.js';
import type { QuizStore } from '../store/index.js';
import {
  addDays,
  earliestStartOf,
  postOnceInChannels,
  postPerWorkspace,
  startTipScheduler,
  targetOf,
  weekdayOf,
  type ChannelResult,
  type Clock,
  type TipScheduler,
  type Workspaces,
} from '../tips/index.js';
import { failureOf } from '../tips/failures.js';

/** The metadata event type on every leaderboard post. */
export const LEADERBOARD_EVENT_TYPE = 'srm_quiz_leaderboard';

/** A week is named by its Monday, whatever day the board is posted on: changing LEADERBOARD_DAY mid-week posts nothing twice. */
export function weekOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

export interface LeaderboardRequest {
  /** A client holding the bot token. */
  client: webApi.WebClient;
  quiz: Pick<QuizStore, 'leaderboard'>;
  /** The local date it is posted on (TIP_TIMEZONE). */
  date: string;
  channels: readonly string[];
  log: Logger;
  now?: Date;
  /** Whose answers are on the board (T…); the bot token's workspace (auth.test) when absent. */
  workspace?: string;
}

/** Posts this week's leaderboard to every channel that has none yet; a failing channel never stops the others. */
export async function postLeaderboard({
  client,
  quiz,
  date,
  channels,
  log,
  now = new Date(),
  workspace,
}: LeaderboardRequest): Promise<{ results: ChannelResult[] }> {
  const week = weekOf(date);
  const everyChannel = (failure: Omit<Extract<ChannelResult, { status: 'failed' }>, 'channel' | 'status'>) => ({
    results: channels.map((channel): ChannelResult => ({ channel, status: 'failed', ...failure })),
  });
  let identity: { botId: string; team: string };
  try {
    const answer = await client.auth.test();
    identity = { botId: answer.bot_id ?? '', team: answer.team_id ?? '' };
  } catch (error) {
    const failure = failureOf(error);
    log.warn({ week, ...failure, err: error }, 'quiz leaderboard not posted: cannot ask Slack who the bot is (auth.test)');
    return everyChannel(failure);
  }
  const board = await quiz.leaderboard(workspace ?? identity.team, now);
  if (board === null) {
    return everyChannel({ reason: 'database_unavailable', retryable: true, fix: 'the quiz store did not answer (see the warning before); it is tried again' });
  }
  const message = renderLeaderboard(board);
  const posting = {
    client,
    log,
    botId: identity.botId,
    eventType: LEADERBOARD_EVENT_TYPE,
    isThisOne: (payload: Record<string, unknown>) => payload.week === week,
    oldest: earliestStartOf(week),
    what: 'quiz leaderboard',
    fields: { week },
  };
  const results = await postOnceInChannels(posting, channels, { ...message, ...NO_UNFURL }, { week });
  return { results };
}

export interface WeeklyLeaderboardOptions {
  client: webApi.WebClient;
  quiz: Pick<QuizStore, 'leaderboard'>;
  settings: LeaderboardSettings;
  /** TIP_TIMEZONE: the board's days and streaks are read there. */
  timeZone: string;
  log: Logger;
  clock?: Clock;
}

/** The in-process schedule: LEADERBOARD_TIME on LEADERBOARD_DAY, and at start when this week's time has passed. */
export function startWeeklyLeaderboard({ client, quiz, settings, timeZone, log, clock }: WeeklyLeaderboardOptions): TipScheduler {
  return startTipScheduler({
    settings: { channels: settings.channels, time: settings.time, timeZone, days: settings.day === null ? [] : [settings.day] },
    log,
    what: 'quiz leaderboard',
    ...(clock && { clock }),
    post: (date, channels) => postLeaderboard({ client, quiz, date, channels, log, ...(clock && { now: new Date(clock.now()) }) }),
  });
}

export interface WorkspaceLeaderboardsOptions extends Omit<WeeklyLeaderboardOptions, 'client'> {
  /** The channels the workspaces subscribed (`/srm leaderboard here`), and a client per installation. */
  workspaces: Workspaces;
}

/** OAuth mode: each subscribed channel gets its own workspace's board, posted with that workspace's token. */
export function startWorkspaceLeaderboards({ workspaces, quiz, settings, timeZone, log, clock }: WorkspaceLeaderboardsOptions): TipScheduler {
  return startTipScheduler({
    settings: { channels: [], time: settings.time, timeZone, days: settings.day === null ? [] : [settings.day] },
    log,
    what: 'quiz leaderboard',
    ...(clock && { clock }),
    targets: async () => (await workspaces.channels()).map(targetOf),
    post: (date, targets) =>
      postPerWorkspace(
        targets,
        workspaces,
        (client, channels, workspace) => postLeaderboard({ client, quiz, date, channels, log, workspace, ...(clock && { now: new Date(clock.now()) }) }),
        log,
        'quiz leaderboard',
      ),
  });
}
