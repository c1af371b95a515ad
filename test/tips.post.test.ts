import { beforeEach, describe, expect, it } from 'vitest';
import { renderTip } from '../src/cards/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { botClient } from '../src/slackApi/client.js';
import { createRotation, parseTipDays, postDailyTip, TIP_EVENT_TYPE, type DayReport } from '../src/tips/index.js';
import { TEST_BOT_TOKEN } from './support/appProcess.js';
import { useFakeSlack } from './support/fakeSlackSuite.js';
import { captureLog } from './support/logCapture.js';

const kb = loadKnowledge();
const WEEKDAYS = parseTipDays('mon-fri') as number[];
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';

const slack = useFakeSlack();
beforeEach(() => {
  // Slack's clock on Monday morning, whatever day the tests run.
  slack.fake.now = () => Date.parse('2026-11-23T09:00:00Z');
});

/**
 * One run of the tip posting as a fresh process would make it (its own client, rotation and log), through the
 * fault proxy to the fake Slack. Each run starting from nothing is what a restart or a second CronJob is.
 */
async function run(date: string, channels: string[], retries = 1): Promise<DayReport & { logs: Array<Record<string, any>> }> {
  const { log, lines } = captureLog();
  const report = await postDailyTip({
    client: botClient({ slackApiUrl: slack.proxy.apiUrl, slackApiRetries: retries }, TEST_BOT_TOKEN, log),
    kb,
    rotation: createRotation(kb.tips, WEEKDAYS),
    date,
    channels,
    log,
  });
  return { ...report, logs: lines() };
}

const tipOf = (date: string) => createRotation(kb.tips, WEEKDAYS).tipOn(date)!.tip;
const statuses = (report: DayReport) => Object.fromEntries(report.results.map((r) => [r.channel, r.status]));

describe('posting the daily tip', () => {
  it("posts the day's tip to each channel, marked with its date in message metadata", async () => {
    const report = await run(MONDAY, ['C0TIPSONE', 'C0TIPSTWO']);
    expect(report.tip).toBe(tipOf(MONDAY).id);
    expect(statuses(report)).toEqual({ C0TIPSONE: 'posted', C0TIPSTWO: 'posted' });
    for (const channel of ['C0TIPSONE', 'C0TIPSTWO']) {
      const [message, ...more] = slack.fake.messagesIn(channel);
      expect(more).toEqual([]);
      expect(message).toMatchObject({
        ...renderTip(kb, tipOf(MONDAY), MONDAY),
        metadata: { event_type: TIP_EVENT_TYPE, event_payload: { date: MONDAY, tip: tipOf(MONDAY).id } },
      });
    }
    // Posted tips are found again by their metadata, which Slack returns only when asked for.
    expect(slack.fake.callsTo('conversations.history').every((call) => String(call.args.include_all_metadata) === 'true')).toBe(true);
    expect(report.logs.filter((line) => line.msg === 'daily tip posted').map((line) => [line.channel, line.date, line.tip])).toEqual([
      ['C0TIPSONE', MONDAY, tipOf(MONDAY).id],
      ['C0TIPSTWO', MONDAY, tipOf(MONDAY).id],
    ]);
  });

  it('posts nothing when run again for the same date (a restart, a retried job)', async () => {
    const first = await run(MONDAY, ['C0TIPSONE']);
    const second = await run(MONDAY, ['C0TIPSONE']);
    expect(statuses(second)).toEqual({ C0TIPSONE: 'already_posted' });
    expect(second.results[0]).toMatchObject({ ts: (first.results[0] as { ts: string }).ts });
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.fake.messagesIn('C0TIPSONE')).toHaveLength(1);
  });

  it("posts the next date's tip, a different one, beside the earlier day's", async () => {
    await run(MONDAY, ['C0TIPSONE']);
    const tuesday = await run(TUESDAY, ['C0TIPSONE']);
    expect(statuses(tuesday)).toEqual({ C0TIPSONE: 'posted' });
    const tips = slack.fake.messagesIn('C0TIPSONE').map((message) => message.metadata!.event_payload.tip);
    expect(tips).toEqual([tipOf(MONDAY).id, tipOf(TUESDAY).id]);
    expect(tips[0]).not.toBe(tips[1]);
  });

  it('leaves one post when two processes post at the same moment: the later post removes itself', async () => {
    // Both searches answer late, so both find nothing and both post: the race the check alone cannot close.
    // Long enough that both searches are in flight together even on a busy machine.
    slack.fake.failNext('conversations.history', { delayMs: 1500 }, 2);
    const [a, b] = await Promise.all([run(MONDAY, ['C0TIPSONE']), run(MONDAY, ['C0TIPSONE'])]);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(slack.fake.messagesIn('C0TIPSONE')).toHaveLength(1);
    expect([a.results[0]!.status, b.results[0]!.status].sort()).toEqual(['already_posted', 'posted']);
    const kept = slack.fake.messagesIn('C0TIPSONE')[0]!.ts;
    expect(a.results[0]).toMatchObject({ ts: kept });
    expect(b.results[0]).toMatchObject({ ts: kept });
  });

  it('removes a duplicate left behind by a crash on the next run, keeping the first post', async () => {
    const { log } = captureLog();
    const client = botClient({ slackApiUrl: slack.fake.apiUrl, slackApiRetries: 0 }, TEST_BOT_TOKEN, log);
    const metadata = { event_type: TIP_EVENT_TYPE, event_payload: { date: MONDAY, tip: tipOf(MONDAY).id } };
    const first = await client.chat.postMessage({ channel: 'C0TIPSONE', text: 'tip', metadata });
    await client.chat.postMessage({ channel: 'C0TIPSONE', text: 'tip', metadata });
    const report = await run(MONDAY, ['C0TIPSONE']);
    expect(report.results[0]).toEqual({ channel: 'C0TIPSONE', status: 'already_posted', ts: first.ts });
    expect(slack.fake.messagesIn('C0TIPSONE').map((m) => m.ts)).toEqual([first.ts]);
  });

  it('finds a post made up to a week ahead of its date (srm post-tip --date) when the day comes', async () => {
    slack.fake.now = () => Date.parse('2026-11-17T09:00:00Z');
    expect(statuses(await run(TUESDAY, ['C0TIPSONE']))).toEqual({ C0TIPSONE: 'posted' });
    slack.fake.now = () => Date.parse('2026-11-24T09:00:00Z');
    expect(statuses(await run(TUESDAY, ['C0TIPSONE']))).toEqual({ C0TIPSONE: 'already_posted' });
    // The search starts a week before the date, not earlier: older history is never read.
    const oldest = slack.fake.callsTo('conversations.history').map((call) => Number(call.args.oldest));
    expect(Math.min(...oldest) * 1000).toBe(Date.parse('2026-11-16T10:00:00Z'));
  });

  it('ignores posts for other dates and messages without the marker', async () => {
    const { log } = captureLog();
    const client = botClient({ slackApiUrl: slack.fake.apiUrl, slackApiRetries: 0 }, TEST_BOT_TOKEN, log);
    await client.chat.postMessage({ channel: 'C0TIPSONE', text: renderTip(kb, tipOf(MONDAY), MONDAY).text });
    await client.chat.postMessage({ channel: 'C0TIPSONE', text: 'tip', metadata: { event_type: TIP_EVENT_TYPE, event_payload: { date: TUESDAY } } });
    expect(statuses(await run(MONDAY, ['C0TIPSONE']))).toEqual({ C0TIPSONE: 'posted' });
  });
});

describe('a channel that cannot get its tip', () => {
  const channels = ['C0TIPSONE', 'C0NOTMEMBER', 'C0ARCHIVED', 'C0UNKNOWN', 'C0TIPSTWO'];

  it('is logged with its reason and a fix, and the other channels still get their tip', async () => {
    slack.fake.setChannel('C0NOTMEMBER', 'not_in_channel');
    slack.fake.setChannel('C0ARCHIVED', 'is_archived');
    slack.fake.setChannel('C0UNKNOWN', 'channel_not_found');
    const report = await run(MONDAY, channels);
    expect(report.results).toEqual([
      { channel: 'C0TIPSONE', status: 'posted', ts: expect.any(String) },
      { channel: 'C0NOTMEMBER', status: 'failed', reason: 'not_in_channel', retryable: false, fix: expect.stringContaining('/invite @srm-bot') },
      { channel: 'C0ARCHIVED', status: 'failed', reason: 'is_archived', retryable: false, fix: expect.stringContaining('archived') },
      { channel: 'C0UNKNOWN', status: 'failed', reason: 'channel_not_found', retryable: false, fix: expect.stringContaining('TIP_CHANNELS') },
      { channel: 'C0TIPSTWO', status: 'posted', ts: expect.any(String) },
    ]);
    const warnings = report.logs.filter((line) => line.msg === 'daily tip not posted');
    expect(warnings.map((line) => [line.level, line.channel, line.reason, line.date])).toEqual([
      [40, 'C0NOTMEMBER', 'not_in_channel', MONDAY],
      [40, 'C0ARCHIVED', 'is_archived', MONDAY],
      [40, 'C0UNKNOWN', 'channel_not_found', MONDAY],
    ]);
  });

  it('waits out a 429 for its Retry-After and then posts', async () => {
    slack.fake.failNext('chat.postMessage', { rateLimitedFor: 1 });
    const report = await run(MONDAY, ['C0TIPSONE', 'C0TIPSTWO']);
    expect(statuses(report)).toEqual({ C0TIPSONE: 'posted', C0TIPSTWO: 'posted' });
    expect(slack.fake.callsTo('chat.postMessage').map((call) => call.outcome)).toEqual(['rate_limited', 'ok', 'ok']);
    expect(slack.fake.messagesIn('C0TIPSONE')).toHaveLength(1);
  });

  it('reports a 429 that outlasts the retries as a passing failure, and posts to the rest', async () => {
    slack.fake.failNext('chat.postMessage', { rateLimitedFor: 1 }, 2);
    const report = await run(MONDAY, ['C0TIPSONE', 'C0TIPSTWO'], 1);
    expect(report.results[0]).toMatchObject({ channel: 'C0TIPSONE', status: 'failed', reason: 'ratelimited', retryable: true });
    expect(report.results[1]).toMatchObject({ channel: 'C0TIPSTWO', status: 'posted' });
  });

  it('retries a 5xx and posts once', async () => {
    slack.proxy.failNext('chat.postMessage', { status: 503 });
    const report = await run(MONDAY, ['C0TIPSONE']);
    expect(statuses(report)).toEqual({ C0TIPSONE: 'posted' });
    expect(slack.proxy.faultsGiven('chat.postMessage')).toEqual([{ status: 503 }]);
    expect(slack.fake.messagesIn('C0TIPSONE')).toHaveLength(1);
  });

  it('reports a 5xx that outlasts the retries, on the history search or the post, and posts to the rest', async () => {
    slack.proxy.failNext('conversations.history', { status: 500 }, 2);
    const searchDown = await run(MONDAY, ['C0TIPSONE', 'C0TIPSTWO']);
    expect(searchDown.results[0]).toMatchObject({ channel: 'C0TIPSONE', status: 'failed', reason: 'http_500', retryable: true });
    expect(searchDown.results[1]).toMatchObject({ channel: 'C0TIPSTWO', status: 'posted' });
    // Without a search there is no post: posting blind could make a duplicate.
    expect(slack.fake.messagesIn('C0TIPSONE')).toEqual([]);

    slack.proxy.failNext('chat.postMessage', { status: 502 }, 2);
    const postDown = await run(MONDAY, ['C0TIPSONE']);
    expect(postDown.results[0]).toMatchObject({ status: 'failed', reason: 'http_502', retryable: true });
    expect(postDown.logs.find((line) => line.msg === 'daily tip not posted')).toMatchObject({ channel: 'C0TIPSONE', reason: 'http_502', retryable: true });

    // Once Slack is back the next run posts it.
    expect(statuses(await run(MONDAY, ['C0TIPSONE', 'C0TIPSTWO']))).toEqual({ C0TIPSONE: 'posted', C0TIPSTWO: 'already_posted' });
  });

  it('fails every channel with the reason when the token is refused', async () => {
    slack.fake.failNext('auth.test', { error: 'invalid_auth' });
    const report = await run(MONDAY, ['C0TIPSONE', 'C0TIPSTWO']);
    expect(report.results.map((r) => r.status === 'failed' && [r.reason, r.retryable])).toEqual([
      ['invalid_auth', false],
      ['invalid_auth', false],
    ]);
    expect(slack.fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
