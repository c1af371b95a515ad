import { createClock, type Clock as FakeClock, type TimerId } from '@sinonjs/fake-timers';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/index.js';
import { botClient } from '../src/slackApi/client.js';
import {
  createRotation,
  localDateTime,
  parseTipDays,
  SAME_DAY_RETRY_MS,
  startDailyTips,
  type Clock,
  type TipScheduler,
  type TipSettings,
} from '../src/tips/index.js';
import { TEST_BOT_TOKEN } from './support/appProcess.js';
import { useFakeSlack } from './support/fakeSlackSuite.js';
import { captureLog } from './support/logCapture.js';

/*
 * The scheduler runs on a fake clock (@sinonjs/fake-timers, not installed globally): days pass in milliseconds
 * while the posts themselves go over real HTTP to the fake Slack, whose message timestamps follow the same clock.
 */

const kb = loadKnowledge();
const WEEKDAYS = parseTipDays('mon-fri') as number[];
const EVERY_DAY = parseTipDays('daily') as number[];

let clock: FakeClock;
const running: TipScheduler[] = [];

const slack = useFakeSlack();
afterEach(async () => {
  await Promise.all(running.splice(0).map((scheduler) => scheduler.stop()));
});

/** Sets the fake clock (and so Slack's) to `iso`. */
function startClockAt(iso: string): void {
  dueTimes.clear();
  clock = createClock(Date.parse(iso));
  slack.fake.now = () => clock.now;
}

/** When each timer the schedulers set is due, so the test can stop the clock there while the post goes out. */
const dueTimes = new Map<unknown, number>();

const asClock = (): Clock => ({
  now: () => clock.now,
  setTimeout: (callback, ms) => {
    const handle: unknown = clock.setTimeout(() => {
      dueTimes.delete(handle);
      callback();
    }, ms);
    dueTimes.set(handle, clock.now + ms);
    return handle;
  },
  clearTimeout: (handle) => {
    dueTimes.delete(handle);
    clock.clearTimeout(handle as TimerId);
  },
});

/** A process with the in-process schedule (what main.ts starts), on the fake clock. */
function startProcess(settings: Partial<TipSettings> = {}) {
  const { log, lines } = captureLog();
  const full: TipSettings = { channels: ['C0TIPSONE'], time: '09:00', timeZone: 'Europe/Berlin', days: WEEKDAYS, ...settings };
  const scheduler = startDailyTips({
    client: botClient({ slackApiUrl: slack.proxy.apiUrl, slackApiRetries: 1 }, TEST_BOT_TOKEN, log),
    kb,
    settings: full,
    log,
    clock: asClock(),
  });
  running.push(scheduler);
  return { scheduler, lines };
}

/**
 * Moves the fake clock to `iso`. It stops at each timer due on the way until the posts that timer started are
 * done, as real time would stand still for them, so Slack's timestamps show when each post was made.
 */
async function advanceTo(iso: string, ...schedulers: TipScheduler[]): Promise<void> {
  const target = Date.parse(iso);
  expect(target).toBeGreaterThanOrEqual(clock.now);
  const settled = () => Promise.all(schedulers.map((scheduler) => scheduler.idle()));
  await settled();
  for (;;) {
    const next = Math.min(...dueTimes.values());
    if (!(next <= target)) break;
    await clock.tickAsync(next - clock.now);
    await settled();
  }
  await clock.tickAsync(target - clock.now);
}

/** When each message in the channel was posted (ISO, to the second) and the tip date it carries. */
const posts = (channel = 'C0TIPSONE') =>
  slack.fake.messagesIn(channel).map((message) => ({
    at: new Date(Math.floor(Number(message.ts)) * 1000).toISOString().replace('.000', ''),
    date: message.metadata?.event_payload.date,
  }));

describe('the in-process schedule', () => {
  it('posts at the configured local time and not before, then the next tip day, a different tip', async () => {
    startClockAt('2026-11-23T06:00:00Z'); // Monday 07:00 in Berlin (CET, UTC+1)
    const { scheduler } = startProcess();
    await advanceTo('2026-11-23T07:59:59Z', scheduler);
    expect(posts()).toEqual([]);
    await advanceTo('2026-11-23T08:00:00Z', scheduler);
    expect(posts()).toEqual([{ at: '2026-11-23T08:00:00Z', date: '2026-11-23' }]);
    await advanceTo('2026-11-24T09:00:00Z', scheduler);
    expect(posts()).toEqual([
      { at: '2026-11-23T08:00:00Z', date: '2026-11-23' },
      { at: '2026-11-24T08:00:00Z', date: '2026-11-24' },
    ]);
    const [monday, tuesday] = slack.fake.messagesIn('C0TIPSONE').map((message) => message.metadata!.event_payload.tip);
    expect(monday).not.toBe(tuesday);
  });

  it('skips days outside TIP_DAYS', async () => {
    startClockAt('2026-11-27T12:00:00Z'); // Friday, after 09:00: posts at once
    const { scheduler } = startProcess();
    await advanceTo('2026-12-01T00:00:00Z', scheduler);
    expect(posts().map((post) => post.date)).toEqual(['2026-11-27', '2026-11-30']);
  });

  it('follows the local clock across the spring and autumn DST changes', async () => {
    startClockAt('2026-03-26T12:00:00Z'); // Thursday afternoon, the tip already due: posted at start
    const berlin = startProcess().scheduler;
    await advanceTo('2026-03-31T00:00:00Z', berlin);
    // 09:00 CET is 08:00Z; from Sunday 29 March 09:00 CEST is 07:00Z.
    expect(posts().map((post) => post.at)).toEqual(['2026-03-26T12:00:00Z', '2026-03-27T08:00:00Z', '2026-03-30T07:00:00Z']);

    slack.fake.reset();
    startClockAt('2026-10-30T05:00:00Z'); // Friday 01:00 in New York
    const newYork = startProcess({ timeZone: 'America/New_York' }).scheduler;
    await advanceTo('2026-11-03T00:00:00Z', newYork);
    // EDT (UTC-4) until Sunday 1 November, then EST (UTC-5).
    expect(posts()).toEqual([
      { at: '2026-10-30T13:00:00Z', date: '2026-10-30' },
      { at: '2026-11-02T14:00:00Z', date: '2026-11-02' },
    ]);
  });

  it('posts a time the spring change skips right after the gap, and a time that occurs twice once', async () => {
    startClockAt('2026-03-28T12:00:00Z');
    const spring = startProcess({ time: '02:30', days: EVERY_DAY });
    // Saturday 28 March was due already (posted at start); 02:30 on Sunday 29 March does not exist in Berlin.
    await advanceTo('2026-03-29T12:00:00Z', spring.scheduler);
    expect(posts().map((post) => post.at)).toEqual(['2026-03-28T12:00:00Z', '2026-03-29T01:00:00Z']);

    slack.fake.reset();
    startClockAt('2026-10-24T12:00:00Z');
    const autumn = startProcess({ time: '02:30', days: EVERY_DAY });
    // 02:30 on Sunday 25 October happens at 00:30Z (CEST) and again at 01:30Z (CET).
    await advanceTo('2026-10-25T12:00:00Z', autumn.scheduler);
    expect(posts().map((post) => post.at)).toEqual(['2026-10-24T12:00:00Z', '2026-10-25T00:30:00Z']);
    expect(slack.fake.callsTo('auth.test')).toHaveLength(2);
  });

  it('posts on the local date of a zone a day ahead of UTC, and marks the post with that date', async () => {
    startClockAt('2026-11-23T12:00:00Z'); // already Tuesday 01:00 in Auckland (NZDT, UTC+13)
    const { scheduler } = startProcess({ timeZone: 'Pacific/Auckland' });
    expect(localDateTime(clock.now, 'Pacific/Auckland')).toEqual({ date: '2026-11-24', time: '01:00' });
    await advanceTo('2026-11-24T12:00:00Z', scheduler);
    expect(posts()).toEqual([{ at: '2026-11-23T20:00:00Z', date: '2026-11-24' }]);
    const tip = createRotation(kb.tips, WEEKDAYS).tipOn('2026-11-24')!.tip.id;
    expect(slack.fake.messagesIn('C0TIPSONE')[0]!.metadata!.event_payload.tip).toBe(tip);
  });

  it('catches up at start when the time has passed today, and only then', async () => {
    startClockAt('2026-11-23T10:30:00Z'); // Monday 11:30 in Berlin: the process was down at 09:00
    const late = startProcess();
    await late.scheduler.idle();
    expect(posts()).toEqual([{ at: '2026-11-23T10:30:00Z', date: '2026-11-23' }]);
    expect(late.lines().some((line) => line.msg.startsWith("daily tip: today's time has passed"))).toBe(true);

    slack.fake.reset();
    startClockAt('2026-11-28T10:30:00Z'); // Saturday: nothing due, nothing to catch up
    const weekend = startProcess();
    await advanceTo('2026-11-29T23:00:00Z', weekend.scheduler);
    expect(posts()).toEqual([]);
  });

  it('posts once a day across a restart: the new process finds the post and makes none', async () => {
    startClockAt('2026-11-23T07:00:00Z');
    const first = startProcess();
    await advanceTo('2026-11-23T08:00:00Z', first.scheduler);
    await first.scheduler.stop();
    await advanceTo('2026-11-23T09:15:00Z');
    const second = startProcess();
    await second.scheduler.idle();
    expect(second.lines().find((line) => line.msg === 'daily tip already there')).toMatchObject({ channel: 'C0TIPSONE', date: '2026-11-23' });
    await advanceTo('2026-11-24T08:00:00Z', second.scheduler);
    expect(posts().map((post) => post.date)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('posts once when two processes run the schedule', async () => {
    startClockAt('2026-11-23T07:00:00Z');
    const a = startProcess({ channels: ['C0TIPSONE', 'C0TIPSTWO'] });
    const b = startProcess({ channels: ['C0TIPSONE', 'C0TIPSTWO'] });
    await advanceTo('2026-11-23T08:00:00Z', a.scheduler, b.scheduler);
    await advanceTo('2026-11-24T08:00:00Z', a.scheduler, b.scheduler);
    for (const channel of ['C0TIPSONE', 'C0TIPSTWO']) expect(posts(channel).map((post) => post.date)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('tries a channel that failed for a passing reason again later the same day; a lasting failure is left alone', async () => {
    startClockAt('2026-11-23T07:00:00Z');
    slack.fake.setChannel('C0ARCHIVED', 'is_archived');
    const { scheduler, lines } = startProcess({ channels: ['C0TIPSONE', 'C0ARCHIVED', 'C0TIPSTWO'] });
    slack.proxy.failNext('chat.postMessage', { status: 503 }, 2); // the first channel's post and its one retry
    await advanceTo('2026-11-23T08:00:00Z', scheduler);
    expect(posts('C0TIPSONE')).toEqual([]);
    expect(posts('C0TIPSTWO')).toHaveLength(1);
    expect(lines().find((line) => line.msg === 'daily tip: trying the failed channels again later')).toMatchObject({ channels: ['C0TIPSONE'] });

    const callsBefore = slack.fake.calls.length;
    await advanceTo(new Date(Date.parse('2026-11-23T08:00:00Z') + SAME_DAY_RETRY_MS).toISOString(), scheduler);
    expect(posts('C0TIPSONE')).toEqual([{ at: '2026-11-23T08:10:00Z', date: '2026-11-23' }]);
    const retried = slack.fake.calls.slice(callsBefore).filter((call) => call.args.channel !== undefined);
    expect(new Set(retried.map((call) => call.args.channel))).toEqual(new Set(['C0TIPSONE']));
  });

  it('stops: no post fires after stop()', async () => {
    startClockAt('2026-11-23T07:00:00Z');
    const { scheduler } = startProcess();
    await scheduler.stop();
    await advanceTo('2026-11-25T12:00:00Z');
    expect(slack.fake.calls).toEqual([]);
  });
});
