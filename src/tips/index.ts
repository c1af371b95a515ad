import type { webApi } from '@slack/bolt';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../logger.js';
import { localDateTime } from './calendar.js';
import { postDailyTip } from './post.js';
import { createRotation, type DailyTip } from './rotation.js';
import { startTipScheduler, type Clock, type TipScheduler } from './scheduler.js';
import type { TipSettings } from './settings.js';
import { postPerWorkspace, targetOf, type Workspaces } from './workspaces.js';

export { addDays, earliestStartOf, isIsoDate, localDateTime, weekdayOf } from './calendar.js';
export { postOnceInChannels } from './channelPost.js';
export { everyChannelHasItsTip, MAX_DAYS_AHEAD, postDailyTip, TIP_EVENT_TYPE, type ChannelResult, type DayReport } from './post.js';
export { createRotation, ROTATION_START, type DailyTip } from './rotation.js';
export { SAME_DAY_RETRY_MS, startTipScheduler, type Clock, type TipScheduler } from './scheduler.js';
export * from './settings.js';
export { postPerWorkspace, targetOf, type Workspaces } from './workspaces.js';

/** Today's tip in the tip time zone, as `/srm tip` and App Home show it: the same one the channels get. */
export function tipOfTheDay(kb: KnowledgeBase, settings: TipSettings): (now?: number) => DailyTip | null {
  const rotation = createRotation(kb.tips, settings.days);
  return (now = Date.now()) => rotation.tipOn(localDateTime(now, settings.timeZone).date);
}

export interface DailyTipsOptions {
  /** A client holding the bot token. */
  client: webApi.WebClient;
  kb: KnowledgeBase;
  settings: TipSettings;
  log: Logger;
  clock?: Clock;
}

/** The in-process schedule: posts to TIP_CHANNELS at TIP_TIME on TIP_DAYS, catching up on a missed time today. */
export function startDailyTips({ client, kb, settings, log, clock }: DailyTipsOptions): TipScheduler {
  const rotation = createRotation(kb.tips, settings.days);
  return startTipScheduler({
    settings,
    log,
    ...(clock && { clock }),
    post: (date, channels) => postDailyTip({ client, kb, rotation, date, channels, log }),
  });
}

export interface WorkspaceTipsOptions extends Omit<DailyTipsOptions, 'client'> {
  /** The channels the workspaces subscribed, and a client per installation. */
  workspaces: Workspaces;
}

/**
 * OAuth mode's schedule: at TIP_TIME on TIP_DAYS, the tip in every channel a workspace subscribed (`/srm tips
 * here`), read at that moment, each posted once with its workspace's token by postDailyTip.
 */
export function startWorkspaceTips({ workspaces, kb, settings, log, clock }: WorkspaceTipsOptions): TipScheduler {
  const rotation = createRotation(kb.tips, settings.days);
  return startTipScheduler({
    settings,
    log,
    ...(clock && { clock }),
    targets: async () => (await workspaces.channels()).map(targetOf),
    post: (date, targets) =>
      postPerWorkspace(targets, workspaces, (client, channels) => postDailyTip({ client, kb, rotation, date, channels, log }), log, 'daily tip'),
  });
}
