import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, checkBlockKitLimits, parseButtonPayload, renderFeedbackReport, type SlackMessage } from '../src/cards/index.js';
import { createFeedbackReporter, TokenBucket, type FeedbackReport, type NoMatchReport, type VoteReport } from '../src/feedback/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { interactiveElements } from './support/blocks.js';

const kb = loadKnowledge();

const vote = (overrides: Partial<VoteReport> = {}): VoteReport => ({
  kind: 'vote',
  vote: 'down',
  card: 's3.encryption',
  query: 'how do i encrypt s3',
  user: 'U0VOTER',
  channel: 'C0GENERAL',
  team: 'T0TEST',
  ...overrides,
});
const noMatch = (overrides: Partial<NoMatchReport> = {}): NoMatchReport => ({
  kind: 'no_match',
  query: 'what about bedrock guardrails',
  reason: 'not_understood',
  suggestions: ['s3.encryption'],
  source: 'command /srm',
  user: 'U0ASKER',
  channel: 'C0GENERAL',
  team: 'T0TEST',
  ...overrides,
});

/** A reporter with a clock the test moves, a log it can read, and a channel that records what it is sent. */
function harness(options: { channel?: string | null; perMinute?: number; failPost?: Error } = {}) {
  const stream = new PassThrough();
  let written = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  const log = createLogger({ level: 'info', destination: stream });
  let clock = 1_700_000_000_000;
  const posted: Array<SlackMessage & { channel: string }> = [];
  const reporter = createFeedbackReporter({
    kb,
    log,
    channel: options.channel === undefined ? 'C0FEEDBACK' : options.channel,
    perMinute: options.perMinute ?? 3,
    now: () => clock,
  });
  const post = async (message: SlackMessage & { channel: string }) => {
    if (options.failPost) throw options.failPost;
    posted.push(message);
  };
  return {
    report: (r: FeedbackReport) => reporter.report(r, post),
    posted,
    advance: (ms: number) => (clock += ms),
    lines: () =>
      written
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, any>),
  };
}

/** Everything Slack would show of a message: its text fields, not the button values. */
const shown = (message: SlackMessage): string => JSON.stringify(message, (key, value: unknown) => (key === 'value' ? undefined : value));

describe('TokenBucket', () => {
  it('lets a burst of its size through, then one more per 60/N seconds', () => {
    let now = 0;
    const bucket = new TokenBucket(6, () => now);
    expect(Array.from({ length: 8 }, () => bucket.take())).toEqual([true, true, true, true, true, true, false, false]);
    now += 9_999;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 60 * 60_000;
    expect(Array.from({ length: 7 }, () => bucket.take()).filter(Boolean)).toHaveLength(6);
  });

  it('is not drained by a clock set back', () => {
    let now = 100_000;
    const bucket = new TokenBucket(1, () => now);
    expect(bucket.take()).toBe(true);
    now = 0;
    expect(bucket.take()).toBe(false);
    now = 60_000;
    expect(bucket.take()).toBe(true);
  });
});

describe('feedback reporter', () => {
  it('without a feedback channel, writes one structured log line per report and posts nothing', async () => {
    const h = harness({ channel: null });
    await h.report(vote());
    await h.report(noMatch());
    expect(h.posted).toEqual([]);
    expect(h.lines()).toEqual([
      expect.objectContaining({ level: 30, msg: 'card feedback', feedback: { ...vote(), dm: false, delivery: 'log' } }),
      expect.objectContaining({ level: 30, msg: 'unanswered query', feedback: { ...noMatch(), dm: false, delivery: 'log' } }),
    ]);
  });

  it('posts each report to the channel with the query, the match, the vote and a link', async () => {
    const h = harness();
    await h.report(vote());
    await h.report(noMatch());
    expect(h.posted.map((m) => m.channel)).toEqual(['C0FEEDBACK', 'C0FEEDBACK']);
    const [voted, unanswered] = h.posted as unknown as [SlackMessage, SlackMessage];
    expect(shown(voted)).toContain('Missed');
    expect(shown(voted)).toContain('Amazon S3 · Encryption');
    expect(shown(voted)).toContain('how do i encrypt s3');
    expect(shown(voted)).toContain('<#C0GENERAL>');
    const open = interactiveElements(voted.blocks).find((e) => e.action_id.startsWith(ACTION_IDS.open))!;
    expect(parseButtonPayload(open.value)).toEqual({ k: 's3.encryption', q: 'how do i encrypt s3' });
    expect(shown(unanswered)).toContain('Unanswered');
    expect(shown(unanswered)).toContain('what about bedrock guardrails');
    expect(shown(unanswered)).toContain('not understood');
    expect(h.lines().every((l) => l.feedback.delivery === 'channel')).toBe(true);
  });

  it('rate-limits a burst: N reach the channel, the rest go to the log only, counted, and the next post says how many', async () => {
    const h = harness({ perMinute: 3 });
    for (let i = 0; i < 10; i += 1) await h.report(noMatch({ query: `junk ${i}` }));
    expect(h.posted).toHaveLength(3);
    const lines = h.lines();
    expect(lines.filter((l) => l.msg === 'unanswered query')).toHaveLength(10);
    expect(lines.filter((l) => l.feedback?.delivery === 'rate_limited').map((l) => l.feedback.query)).toEqual([
      'junk 3',
      'junk 4',
      'junk 5',
      'junk 6',
      'junk 7',
      'junk 8',
      'junk 9',
    ]);
    expect(lines.filter((l) => l.level === 40 && /rate limit reached/.test(l.msg))).toHaveLength(1);

    h.advance(20_000);
    await h.report(vote());
    expect(h.posted).toHaveLength(4);
    expect(shown(h.posted[3]!)).toContain('7 reports before this one went to the log only');
    expect(h.lines().find((l) => l.msg === 'feedback channel: reports were dropped by the rate limit')).toMatchObject({ dropped: 7, dropped_total: 7 });

    h.advance(1_000);
    await h.report(vote());
    expect(h.posted).toHaveLength(4);
  });

  it('never posts the text of a DM to the channel, and says so; the log keeps it, marked dm', async () => {
    const h = harness();
    await h.report(noMatch({ channel: 'D0PRIVATE', query: 'my secret project falcon question' }));
    await h.report(vote({ channel: 'D0PRIVATE', query: 'my secret project falcon question' }));
    for (const message of h.posted) {
      expect(shown(message)).not.toContain('falcon');
      expect(JSON.stringify(message)).not.toContain('falcon');
      expect(shown(message)).toContain('Asked in a DM');
    }
    expect(h.lines().map((l) => [l.feedback.dm, l.feedback.query])).toEqual([
      [true, 'my secret project falcon question'],
      [true, 'my secret project falcon question'],
    ]);
  });

  it("escapes what people typed and never pings anyone from the maintainers' channel", async () => {
    const h = harness();
    const hostile = '<!channel> <@U0VICTIM> & <https://evil.example|click>';
    await h.report(noMatch({ query: hostile }));
    await h.report(vote({ query: hostile }));
    for (const message of h.posted) {
      expect(checkBlockKitLimits(message)).toEqual([]);
      for (const markup of ['<!channel>', '<@U0VICTIM', '<@U0VOTER', '<@U0ASKER', '<https://evil']) expect(shown(message)).not.toContain(markup);
      expect(shown(message)).toContain('`U0');
    }
  });

  it('logs a channel it cannot post to and carries on', async () => {
    const h = harness({ failPost: Object.assign(new Error('An API error occurred: not_in_channel'), { data: { ok: false, error: 'not_in_channel' } }) });
    await expect(h.report(vote())).resolves.toBeUndefined();
    expect(h.lines().find((l) => l.level === 40)).toMatchObject({ channel: 'C0FEEDBACK', error: 'not_in_channel' });
  });

  it('renders every kind of report within Block Kit limits, a card that no longer exists included', () => {
    const reports: FeedbackReport[] = [
      vote(),
      vote({ vote: 'up', query: undefined }),
      vote({ card: 'nope.gone' }),
      vote({ query: 'x'.repeat(5000) }),
      noMatch(),
      noMatch({ suggestions: [], reason: 'out_of_scope' }),
      noMatch({ query: 'q'.repeat(5000), channel: undefined, user: undefined }),
    ];
    for (const report of reports) {
      for (const dropped of [0, 1, 250]) expect(checkBlockKitLimits(renderFeedbackReport(kb, report, { dropped }))).toEqual([]);
    }
  });
});

describe('feedback settings', () => {
  it('report to the log only by default, 10 a minute when a channel is set', () => {
    expect(loadConfig({}).feedback).toEqual({ channel: null, perMinute: 10 });
    expect(loadConfig({ FEEDBACK_CHANNEL: ' C0FEEDBACK ', FEEDBACK_REPORTS_PER_MINUTE: '30' }).feedback).toEqual({ channel: 'C0FEEDBACK', perMinute: 30 });
  });

  it.each([
    [{ FEEDBACK_CHANNEL: '#srm-feedback' }, /FEEDBACK_CHANNEL: must be a channel id such as C0123456789/],
    [{ FEEDBACK_REPORTS_PER_MINUTE: '0' }, /FEEDBACK_REPORTS_PER_MINUTE: must be 1 to 600/],
    [{ FEEDBACK_REPORTS_PER_MINUTE: 'lots' }, /FEEDBACK_REPORTS_PER_MINUTE: must be a whole number/],
  ])('refuse %o, naming the variable and the fix', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
