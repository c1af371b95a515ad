import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/index.js';
import { addDays, createRotation, parseTipDays, TIP_EVENT_TYPE } from '../src/tips/index.js';
import { TEST_BOT_TOKEN } from './support/appProcess.js';
import { runSrm } from './support/cli.js';
import { useFakeSlack } from './support/fakeSlackSuite.js';

const kb = loadKnowledge();
const rotation = createRotation(kb.tips, parseTipDays('mon-fri') as number[]);
/** A past Monday: a fixed date whatever day the tests run. */
const MONDAY = '2026-11-16';

const slack = useFakeSlack();

/** `npx srm post-tip …` as the CronJob runs it (the built CLI), against the fake Slack through the fault proxy. */
const postTip = (args: string[], env: Record<string, string> = {}) =>
  runSrm(['post-tip', ...args], { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_API_URL: slack.proxy.apiUrl, SLACK_API_RETRIES: '1', LOG_LEVEL: 'info', ...env });

const tipsIn = (channel: string) => slack.fake.messagesIn(channel).map((message) => message.metadata?.event_payload);

describe('npx srm post-tip', () => {
  it('posts once when run twice for the same channel and date; the next date posts a different tip', async () => {
    // Today and tomorrow, every day a tip day: the check as a person would run it on any day.
    const daily = { TIP_DAYS: 'daily' };
    const everyDay = createRotation(kb.tips, parseTipDays('daily') as number[]);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = addDays(today, 1);
    const first = await postTip(['--channel', 'C0TIPSONE', '--date', today], daily);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`daily tip for ${today}: ${everyDay.tipOn(today)!.tip.id}`);
    expect(first.stdout).toMatch(/C0TIPSONE {2}posted/);

    const second = await postTip(['--channel', 'C0TIPSONE', '--date', today], daily);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/C0TIPSONE {2}already there .*not posted again/);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);

    const next = await postTip(['--channel', 'C0TIPSONE', '--date', tomorrow], daily);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(`daily tip for ${tomorrow}: ${everyDay.tipOn(tomorrow)!.tip.id}`);
    expect(next.stdout).toMatch(/C0TIPSONE {2}posted/);
    expect(await postTip(['--channel', 'C0TIPSONE', '--date', tomorrow], daily)).toMatchObject({ code: 0 });
    expect(tipsIn('C0TIPSONE')).toEqual([
      { date: today, tip: everyDay.tipOn(today)!.tip.id },
      { date: tomorrow, tip: everyDay.tipOn(tomorrow)!.tip.id },
    ]);
    // What the CLI posted on the two days, not the rotation (tips.rotation.test.ts covers that): two different tips.
    expect(new Set(tipsIn('C0TIPSONE').map((payload) => payload?.tip)).size).toBe(2);
    expect(slack.fake.messagesIn('C0TIPSONE')[0]!.metadata!.event_type).toBe(TIP_EVENT_TYPE);
  });

  it("posts today's tip to TIP_CHANNELS by default, and never logs the token", async () => {
    const run = await postTip([], { TIP_CHANNELS: 'C0TIPSONE, C0TIPSTWO', TIP_TIMEZONE: 'Europe/Berlin', TIP_DAYS: 'daily' });
    expect(run.code).toBe(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    expect(tipsIn('C0TIPSONE')).toEqual([expect.objectContaining({ date: today })]);
    expect(tipsIn('C0TIPSTWO')).toEqual([expect.objectContaining({ date: today })]);
    expect(run.stdout + run.stderr).not.toContain(TEST_BOT_TOKEN);
  });

  it('still posts to the other channels when some fail, names each failure, and exits 1', async () => {
    slack.fake.setChannel('C0NOTMEMBER', 'not_in_channel');
    slack.fake.setChannel('C0ARCHIVED', 'is_archived');
    slack.fake.setChannel('C0UNKNOWN', 'channel_not_found');
    const run = await postTip(['--channel', 'C0TIPSONE,C0NOTMEMBER', '--channel', 'C0ARCHIVED,C0UNKNOWN,C0TIPSTWO', '--date', MONDAY]);
    expect(run.code).toBe(1);
    expect(tipsIn('C0TIPSONE')).toHaveLength(1);
    expect(tipsIn('C0TIPSTWO')).toHaveLength(1);
    expect(run.stdout).toMatch(/C0NOTMEMBER {2}NOT POSTED: not_in_channel: .*\/invite @srm-bot/);
    expect(run.stdout).toMatch(/C0ARCHIVED {2}NOT POSTED: is_archived/);
    expect(run.stdout).toMatch(/C0UNKNOWN {2}NOT POSTED: channel_not_found/);
    expect(run.logs.filter((line) => line.msg === 'daily tip not posted').map((line) => [line.channel, line.reason])).toEqual([
      ['C0NOTMEMBER', 'not_in_channel'],
      ['C0ARCHIVED', 'is_archived'],
      ['C0UNKNOWN', 'channel_not_found'],
    ]);
  });

  it('waits out a 429 and exits 0; a 5xx outage exits 1 and the next run (the CronJob retry) posts', async () => {
    slack.fake.failNext('chat.postMessage', { rateLimitedFor: 1 });
    const limited = await postTip(['--channel', 'C0TIPSONE', '--date', MONDAY]);
    expect(limited.code).toBe(0);
    expect(tipsIn('C0TIPSONE')).toHaveLength(1);

    slack.proxy.failNext('chat.postMessage', { status: 503 }, 2);
    const down = await postTip(['--channel', 'C0TIPSTWO', '--date', MONDAY]);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/C0TIPSTWO {2}NOT POSTED: http_503 \(passing: run again later\)/);
    const again = await postTip(['--channel', 'C0TIPSONE,C0TIPSTWO', '--date', MONDAY]);
    expect(again.code).toBe(0);
    expect(tipsIn('C0TIPSONE')).toHaveLength(1);
    expect(tipsIn('C0TIPSTWO')).toHaveLength(1);
  });

  it('posts nothing on a day outside TIP_DAYS unless forced', async () => {
    const saturday = await postTip(['--channel', 'C0TIPSONE', '--date', '2026-11-21']);
    expect(saturday.code).toBe(0);
    expect(saturday.stdout).toContain('2026-11-21 is a sat, not a tip day (TIP_DAYS=mon-fri)');
    expect(slack.fake.calls).toEqual([]);
    const forced = await postTip(['--channel', 'C0TIPSONE', '--date', '2026-11-21', '--force']);
    expect(forced.code).toBe(0);
    // The weekend keeps Friday's tip, as App Home shows it.
    expect(tipsIn('C0TIPSONE')).toEqual([{ date: '2026-11-21', tip: rotation.tipOn('2026-11-20')!.tip.id }]);
  });

  it.each([
    [[], {}, 'no channel: set TIP_CHANNELS or pass --channel'],
    [['--channel', '#security'], {}, '--channel #security: must be a channel id'],
    [['--channel', 'C0TIPSONE', '--date', '2026-02-30'], {}, '--date 2026-02-30: must be a date written YYYY-MM-DD'],
    [['--channel', 'C0TIPSONE', '--date', '2999-01-01'], {}, '--date 2999-01-01 is more than 7 days ahead'],
    [['--channel', 'C0TIPSONE', '--when', 'now'], {}, "Unknown option '--when'"],
    [['--channel', 'C0TIPSONE'], { SLACK_BOT_TOKEN: '' }, 'SLACK_BOT_TOKEN: missing'],
    [['--channel', 'C0TIPSONE'], { TIP_TIME: '25:00' }, 'TIP_TIME: must be a time of day HH:MM'],
    [['--channel', 'C0TIPSONE'], { TIP_TIMEZONE: 'Mars/Olympus_Mons' }, 'TIP_TIMEZONE: must be an IANA time zone'],
    [['--channel', 'C0TIPSONE'], { TIP_DAYS: 'someday' }, 'TIP_DAYS: "someday" is not a day'],
  ])('refuses %j %j with exit 2 and says why, posting nothing', async (args, env, message) => {
    const run = await postTip(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage: srm post-tip');
    expect(slack.fake.calls).toEqual([]);
  });
});
