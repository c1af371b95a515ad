import type { KnownBlock } from '@slack/types';
import { context, header, section } from './blocks.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import { countOf, type StreakUnitName } from './stats.js';
import type { SlackMessage } from './types.js';

/** The week's leaderboard (src/store Leaderboard has this shape): the top of each list only. */
export interface LeaderboardView {
  from: string;
  to: string;
  people: number;
  answers: number;
  mostCorrect: ReadonlyArray<{ user: string; correct: number }>;
  longestStreaks: ReadonlyArray<{ user: string; current: number }>;
  streakUnit: StreakUnitName;
}

/** A Slack user id: only such an id becomes a mention; anything else in the store is not Slack's and is left out. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

const ranked = <Entry extends { user: string }>(entries: ReadonlyArray<Entry>, describe: (entry: Entry) => string): string =>
  entries
    .filter((entry) => USER_ID.test(entry.user))
    .map((entry, index) => `${index + 1}. <@${entry.user}> · ${describe(entry)}`)
    .join('\n');

/**
 * The weekly post in a channel. It names only the best, never the worst, and says nothing of anyone's wrong
 * answers; the whole team appears as counts.
 */
export function renderLeaderboard(board: LeaderboardView): SlackMessage {
  const correct = ranked(board.mostCorrect, (entry) => countOf(entry.correct, 'right answer'));
  const streaks = ranked(board.longestStreaks, (entry) => `${emoji('fire')} ${countOf(entry.current, board.streakUnit)} in a row`);
  const week = `${esc(board.from)} to ${esc(board.to)}`;
  const blocks: KnownBlock[] = [
    header(`${emoji('trophy')} This week's quiz leaderboard`),
    section(
      board.answers === 0
        ? 'Nobody answered a quiz question this week. Be the first next week: `/srm quiz`.'
        : `${emoji('busts_in_silhouette')} ${countOf(board.people, 'person', 'people')} answered ${countOf(board.answers, 'question')} this week. Thank you!`,
    ),
    ...(correct === '' ? [] : [section(`*Most right answers*\n${correct}`)]),
    ...(streaks === '' ? [] : [section(`*Longest streaks*\n${streaks}`)]),
    context([`${emoji('calendar')} ${week} · \`/srm quiz\` for a question, \`/srm stats\` for your own score (only you see it)`]),
  ];
  return { text: `This week's quiz leaderboard (${week})`, blocks };
}
