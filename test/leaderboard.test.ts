import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkBlockKitLimits, renderLeaderboard } from '../src/cards/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { LEADERBOARD_EVENT_TYPE, postLeaderboard, weekOf } from '../src/leaderboard/index.js';
import { botClient } from '../src/slackApi/client.js';
import { leaderboardFor, migrate, openDatabase, recordQuizAnswer, type Database, type Leaderboard, type QuizAnswer } from '../src/store/index.js';
import { TEST_BOT_TOKEN } from './support/appProcess.js';
import { TEAM_ID } from './support/fakeSlack.js';
import { useFakeSlack } from './support/fakeSlackSuite.js';
import { captureLog } from './support/logCapture.js';
import { storeBackends } from './support/stores.js';

const MON_FRI = { days: [1, 2, 3, 4, 5], timeZone: 'UTC' };
/** Friday 4 December 2026, 16:00 UTC: the week on the board is Saturday 28 November to today. */
const FRIDAY = new Date('2026-12-04T16:00:00Z');

let attempts = 0;
const answer = (user: string, day: string, correct: boolean, overrides: Partial<QuizAnswer> = {}): QuizAnswer => ({
  workspace: 'T0TEAM',
  user,
  userName: null,
  question: 'q-data-owner',
  attempt: `a${++attempts}`,
  correct,
  answeredAt: new Date(`${day}T10:00:00Z`),
  ...overrides,
});

const backends = storeBackends();

describe.each(backends)('the week on the board, on $name', (backend) => {
  let database: Database;
  describe.skipIf(backend.missing !== null)('', () => {
    beforeAll(async () => {
      database = await openDatabase(await backend.settings());
      await migrate(database);
    }, 60_000);
    afterAll(() => database?.close());
    beforeEach(() => database.query('DELETE FROM quiz_answers'));

    it('names the five with most right answers and the streaks still going, never those doing badly', async () => {
      const answers = [
        // Alice: right every weekday this week, a streak of five.
        ...['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((day) => answer('U0ALICE', day, true)),
        // Bob: one right of five, Thursday and Friday: a streak of two.
        answer('U0BOB', '2026-12-03', true),
        ...[1, 2, 3, 4].map(() => answer('U0BOB', '2026-12-04', false)),
        // Carol: only wrong answers; she counts among the people, never on a list.
        answer('U0CAROL', '2026-12-02', false),
        answer('U0CAROL', '2026-12-04', false),
        // Five more with one right answer each, on Monday only: no streak.
        ...['U0DAN', 'U0EVE', 'U0FAY', 'U0GUS', 'U0HAL'].map((user) => answer(user, '2026-11-30', true)),
        // Outside the board: last week, and another workspace.
        ...[1, 2, 3, 4, 5, 6].map(() => answer('U0OLD', '2026-11-20', true)),
        ...[1, 2, 3, 4, 5, 6].map(() => answer('U0ELSEWHERE', '2026-12-04', true, { workspace: 'T0OTHER' })),
      ];
      for (const given of answers) await recordQuizAnswer(database, given);

      const board = await leaderboardFor(database, { workspace: 'T0TEAM', schedule: MON_FRI, now: FRIDAY });
      expect(board).toMatchObject({ from: '2026-11-28', to: '2026-12-04', people: 8, answers: 17, streakUnit: 'day' });
      expect(board.mostCorrect).toEqual([
        { user: 'U0ALICE', correct: 5 },
        // Ties: fewer answers first, then by id; Bob's one right took five answers.
        { user: 'U0DAN', correct: 1 },
        { user: 'U0EVE', correct: 1 },
        { user: 'U0FAY', correct: 1 },
        { user: 'U0GUS', correct: 1 },
      ]);
      expect(board.longestStreaks).toEqual([
        { user: 'U0ALICE', current: 5 },
        { user: 'U0BOB', current: 2 },
      ]);
      const shown = JSON.stringify(renderLeaderboard(board));
      for (const absent of ['U0CAROL', 'U0HAL', 'U0OLD', 'U0ELSEWHERE']) expect(shown).not.toContain(absent);
    });

    it('is empty, and says so, in a week without answers', async () => {
      const board = await leaderboardFor(database, { workspace: 'T0TEAM', schedule: MON_FRI, now: FRIDAY });
      expect(board).toMatchObject({ people: 0, answers: 0, mostCorrect: [], longestStreaks: [] });
      expect(JSON.stringify(renderLeaderboard(board))).toContain('Nobody answered a quiz question this week');
    });
  });
});

const BOARD: Leaderboard = {
  from: '2026-11-28',
  to: '2026-12-04',
  people: 3,
  answers: 9,
  streakUnit: 'week',
  mostCorrect: [
    { user: 'U0ALICE', correct: 4 },
    { user: '<!channel>', correct: 3 },
  ],
  longestStreaks: [{ user: 'W0BOB', current: 3 }],
};

describe('the leaderboard card', () => {
  it('mentions only Slack user ids, fits Block Kit, and counts weeks on a weekly schedule', () => {
    const message = renderLeaderboard(BOARD);
    const text = JSON.stringify(message);
    expect(text).toContain('1. <@U0ALICE> · 4 right answers');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('<@W0BOB> · :fire: 3 weeks in a row');
    expect(checkBlockKitLimits(message, 'message')).toEqual([]);
  });
});

describe('posting the leaderboard', () => {
  const slack = useFakeSlack();
  const channels = ['C0QUIZONE', 'C0QUIZTWO'];
  beforeEach(() => {
    slack.fake.now = () => FRIDAY.getTime();
  });

  async function post(board: Leaderboard | null = BOARD, date = '2026-12-04') {
    const { log, lines } = captureLog();
    const quiz = { leaderboard: vi.fn(async () => board) };
    const report = await postLeaderboard({
      client: botClient({ slackApiUrl: slack.proxy.apiUrl, slackApiRetries: 1 }, TEST_BOT_TOKEN, log),
      quiz,
      date,
      channels,
      log,
      now: FRIDAY,
    });
    return { ...report, quiz, logs: lines() };
  }

  it("posts the bot's workspace's board once per channel and week, however many processes try", async () => {
    const [first, second] = await Promise.all([post(), post()]);
    expect(first.quiz.leaderboard).toHaveBeenCalledWith(TEAM_ID, FRIDAY);
    for (const channel of channels) {
      const posts = slack.fake.messagesIn(channel);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({ ...renderLeaderboard(BOARD), metadata: { event_type: LEADERBOARD_EVENT_TYPE, event_payload: { week: '2026-11-30' } } });
    }
    expect([...first.results, ...second.results].filter((r) => r.status === 'posted')).toHaveLength(2);
    // The same week again, on another day (LEADERBOARD_DAY changed, a restart): nothing new.
    const again = await post(BOARD, '2026-12-05');
    expect(again.results.map((r) => r.status)).toEqual(['already_posted', 'already_posted']);
    expect(slack.fake.messagesIn('C0QUIZONE')).toHaveLength(1);
  });

  it('fails every channel for a retry when the store does not answer, and posts nothing', async () => {
    const { results } = await post(null);
    expect(results).toEqual(channels.map((channel) => expect.objectContaining({ channel, status: 'failed', reason: 'database_unavailable', retryable: true })));
    expect(slack.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('names a week by its Monday', () => {
    expect(['2026-11-30', '2026-12-03', '2026-12-06'].map(weekOf)).toEqual(['2026-11-30', '2026-11-30', '2026-11-30']);
    expect(weekOf('2026-12-07')).toBe('2026-12-07');
  });
});

describe('leaderboard settings', () => {
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
  };

  it('are off by default, and take channels and one day together; the time defaults to TIP_TIME', () => {
    expect(loadConfig({}).leaderboard).toEqual({ channels: [], day: null, time: '09:00' });
    expect(loadConfig({ LEADERBOARD_CHANNELS: 'C0QUIZONE', LEADERBOARD_DAY: 'Friday', TIP_TIME: '8:30' }).leaderboard).toEqual({
      channels: ['C0QUIZONE'],
      day: 5,
      time: '08:30',
    });
    expect(loadConfig({ LEADERBOARD_CHANNELS: 'C0QUIZONE', LEADERBOARD_DAY: 'mon', LEADERBOARD_TIME: '16:00' }).leaderboard.time).toBe('16:00');
  });

  it.each([
    [{ LEADERBOARD_CHANNELS: 'C0QUIZONE' }, /^LEADERBOARD_DAY: missing\. .*LEADERBOARD_DAY=fri/],
    [{ LEADERBOARD_DAY: 'fri' }, /^LEADERBOARD_CHANNELS: missing\. /],
    [{ LEADERBOARD_CHANNELS: 'C0QUIZONE', LEADERBOARD_DAY: 'mon-fri' }, /^LEADERBOARD_DAY: names 5 days: .*one day such as fri/],
    [{ LEADERBOARD_CHANNELS: 'C0QUIZONE', LEADERBOARD_DAY: 'someday' }, /^LEADERBOARD_DAY: "someday" is not a day/],
    [{ LEADERBOARD_CHANNELS: '#quiz', LEADERBOARD_DAY: 'fri' }, /^LEADERBOARD_CHANNELS: "#quiz" must be channel ids/],
    [{ LEADERBOARD_CHANNELS: 'C0QUIZONE', LEADERBOARD_DAY: 'fri', LEADERBOARD_TIME: '25:00' }, /^LEADERBOARD_TIME: must be a time of day/],
  ])('%j stops the start, naming the variable and the fix', (env, expected) => {
    expect(problems(env)).toEqual([expect.stringMatching(expected)]);
  });
});
