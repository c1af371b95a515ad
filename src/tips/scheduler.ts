import { Cron } from 'croner';
import type { Logger } from '../logger.js';
import { localDateTime, weekdayOf } from './calendar.js';
import type { ChannelResult } from './channelPost.js';
import type { TipSettings } from './settings.js';

/** Time as the scheduler sees it; tests pass a fake one. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Channels that failed for a passing reason (429, 5xx, Slack unreachable) are tried again this often… */
export const SAME_DAY_RETRY_MS = 10 * 60_000;
/** …at most this many times a day. */
export const SAME_DAY_RETRIES = 3;

export interface TipSchedulerOptions {
  settings: TipSettings;
  /** Posts the day's post to the channels (postDailyTip with the app's client, or the weekly leaderboard). */
  post(date: string, channels: readonly string[]): Promise<{ results: readonly ChannelResult[] }>;
  log: Logger;
  clock?: Clock;
  /** What the log lines call the post. */
  what?: string;
  /**
   * Where to post, read at each scheduled time; `settings.channels` when absent. OAuth mode reads the channels the
   * workspaces subscribed, as targets that also name the installation (src/tips/workspaces.ts).
   */
  targets?: () => Promise<readonly string[]>;
}

export interface TipScheduler {
  /** Stops the timers; resolves when a post under way has finished. */
  stop(): Promise<void>;
  /** Resolves when no post is under way. */
  idle(): Promise<void>;
}

/**
 * Posts the tip at TIP_TIME on each of TIP_DAYS in TIP_TIMEZONE, and at start-up when today's time has already
 * passed (the process was down then). Posting is idempotent per channel and date, so a catch-up after a post
 * that did happen finds it and posts nothing. Croner turns the local time into instants, DST included: a time
 * skipped by the spring change runs right after the gap, a time that occurs twice runs once.
 */
export function startTipScheduler({ settings, post, log, clock = systemClock, what = 'daily tip', targets }: TipSchedulerOptions): TipScheduler {
  const [hour, minute] = settings.time.split(':').map(Number);
  const cron = new Cron(`${minute} ${hour} * * ${settings.days.join(',')}`, { timezone: settings.timeZone, paused: true });
  const timers = new Set<unknown>();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const later = (ms: number, callback: () => void) => {
    const handle = clock.setTimeout(
      () => {
        timers.delete(handle);
        callback();
      },
      Math.max(0, ms),
    );
    timers.add(handle);
  };
  const today = () => localDateTime(clock.now(), settings.timeZone);

  /** `channels` null: every target there is now (the scheduled run); a list: the ones that failed before (a retry). */
  const run = (date: string, channels: readonly string[] | null, attempt: number) => {
    running = running.then(async () => {
      if (stopped) return;
      const report = await (async () => post(date, channels ?? (targets ? await targets() : settings.channels)))().catch((error: unknown) => {
        log.error({ err: error, date }, `${what} run failed`);
        return null;
      });
      const again = report?.results.filter((r) => r.status === 'failed' && r.retryable).map((r) => r.channel) ?? [];
      if (again.length === 0 || attempt > SAME_DAY_RETRIES || stopped) return;
      log.info({ date, channels: again, retry_in_ms: SAME_DAY_RETRY_MS, attempt }, `${what}: trying the failed channels again later`);
      later(SAME_DAY_RETRY_MS, () => {
        if (today().date === date) run(date, again, attempt + 1);
      });
    });
  };

  const scheduleNext = () => {
    const next = cron.nextRun(new Date(clock.now()));
    if (!next) return;
    log.debug({ next: next.toISOString() }, `next ${what}`);
    later(next.getTime() - clock.now(), () => {
      scheduleNext();
      // A timer that fires late (a suspended host) must not post on a day without a tip.
      const { date } = today();
      if (settings.days.includes(weekdayOf(date))) run(date, null, 1);
    });
  };

  const now = today();
  log.info(
    { channels: targets ? 'subscribed per workspace' : settings.channels, time: settings.time, time_zone: settings.timeZone, days: settings.days },
    `${what} scheduled`,
  );
  if (settings.days.includes(weekdayOf(now.date)) && now.time >= settings.time) {
    log.info({ date: now.date }, `${what}: today's time has passed, posting now where it is missing`);
    run(now.date, null, 1);
  }
  scheduleNext();

  return {
    async stop() {
      stopped = true;
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
      await running;
    },
    idle: () => running,
  };
}
