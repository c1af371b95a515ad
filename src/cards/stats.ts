import type { KnownBlock } from '@slack/types';
import { context, fieldsSection, header, section } from './blocks.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import type { SlackMessage } from './types.js';

/** Days, or weeks when the quiz follows a weekly tip. */
export type StreakUnitName = 'day' | 'week';

/** What `/srm stats` shows a person (src/store QuizStats has this shape). */
export interface StatsView {
  answered: number;
  correct: number;
  streak: { unit: StreakUnitName; current: number; longest: number };
  team: { since: string; people: number; answers: number; correct: number };
}

export const STATS_UNAVAILABLE = 'Your quiz stats are unavailable right now. Your answers are still being kept: try `/srm stats` again in a minute.';
export const STATS_NOT_KEPT = 'Quiz stats are kept only when srm-bot runs in Slack.';

export const countOf = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const percent = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.round((100 * part) / whole)}%)`);

/** A person's own quiz stats, shown to them alone; the team's part is counts, never names. */
export function renderStats(stats: StatsView): SlackMessage {
  const { streak, team } = stats;
  const streakText =
    streak.current > 0
      ? `${emoji('fire')} *${countOf(streak.current, streak.unit)}* in a row`
      : `No streak going: answer \`/srm quiz\` ${streak.unit === 'week' ? 'this week' : 'today'} to start one`;
  const blocks: KnownBlock[] = [
    header(`${emoji('bar_chart')} Your quiz stats`),
    fieldsSection([
      `*Streak*\n${streakText}`,
      `*Longest streak*\n${countOf(streak.longest, streak.unit)}`,
      `*Your score*\n${stats.correct} of ${countOf(stats.answered, 'answer')} right${percent(stats.correct, stats.answered)}`,
      `*Your team since ${esc(team.since)}*\n${emoji('busts_in_silhouette')} ${countOf(team.people, 'person', 'people')} answered ${countOf(team.answers, 'question')}`,
    ]),
    ...(stats.answered === 0 ? [section('You have not answered a quiz question yet: try `/srm quiz`.')] : []),
    context(['Only you can see this. Streaks follow the daily tip days · srm-bot · `/srm help`']),
  ];
  return {
    text: `Your quiz stats: ${stats.correct} of ${countOf(stats.answered, 'answer')} right, streak ${countOf(streak.current, streak.unit)}`,
    blocks,
  };
}
