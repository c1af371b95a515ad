import { parseArgs } from 'node:util';
import { ConfigError, loadTipPosterConfig, type TipPosterConfig } from '../config.js';
import { openKnowledge } from '../knowledge/index.js';
import { createLogger } from '../logger.js';
import { botClient } from '../slackApi/client.js';
import {
  addDays,
  createRotation,
  describeDays,
  DAY_NAMES,
  everyChannelHasItsTip,
  isIsoDate,
  localDateTime,
  MAX_DAYS_AHEAD,
  parseChannelList,
  postDailyTip,
  weekdayOf,
  type DayReport,
} from '../tips/index.js';

export const POST_TIP_USAGE = 'srm post-tip [--channel C…] [--date YYYY-MM-DD] [--force]';

/** Exit codes: every channel has the day's tip (or none is due) / some channel failed / nothing tried. */
export const EXIT = { allPosted: 0, someFailed: 1, usage: 2 } as const;

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * One day's tip, posted once to each channel, then exit: what a CronJob runs instead of the in-process
 * schedule. Run again for the same date it finds the posts and makes none.
 */
export async function runPostTip(args: string[], { stdout, stderr }: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const refuse = (problem: string) => {
    stderr.write(`srm post-tip: ${problem}\nusage: ${POST_TIP_USAGE}\n`);
    return EXIT.usage;
  };
  let options: { channel?: string[]; date?: string; force?: boolean };
  try {
    options = parseArgs({
      args,
      options: { channel: { type: 'string', multiple: true }, date: { type: 'string' }, force: { type: 'boolean' } },
    }).values;
  } catch (error) {
    return refuse((error as Error).message);
  }
  let config: TipPosterConfig;
  try {
    config = loadTipPosterConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return refuse(error.message);
    throw error;
  }
  const { tips } = config;

  const {
    ids: channels,
    bad: [badChannel],
  } = options.channel ? parseChannelList(options.channel.join(',')) : { ids: tips.channels, bad: [] };
  if (channels.length === 0) return refuse('no channel: set TIP_CHANNELS or pass --channel C0123456789');
  if (badChannel) return refuse(`--channel ${badChannel}: must be a channel id such as C0123456789, not a name`);

  const today = localDateTime(Date.now(), tips.timeZone).date;
  const date = options.date ?? today;
  if (!isIsoDate(date)) return refuse(`--date ${date}: must be a date written YYYY-MM-DD`);
  // A post is found again by searching history from a week before its date: one made earlier would be missed.
  if (date > addDays(today, MAX_DAYS_AHEAD)) {
    return refuse(`--date ${date} is more than ${MAX_DAYS_AHEAD} days ahead (today in ${tips.timeZone} is ${today})`);
  }
  if (!tips.days.includes(weekdayOf(date)) && !options.force) {
    stdout.write(`${date} is a ${DAY_NAMES[weekdayOf(date)]}, not a tip day (TIP_DAYS=${describeDays(tips.days)}): nothing to post. --force posts anyway.\n`);
    return EXIT.allPosted;
  }

  const log = createLogger({ level: config.logLevel, secrets: [config.botToken], destination: stderr });
  const kb = openKnowledge();
  const report = await postDailyTip({
    client: botClient(config, config.botToken, log),
    kb,
    rotation: createRotation(kb.tips, tips.days),
    date,
    channels,
    log,
  });
  stdout.write(summary(report));
  return everyChannelHasItsTip(report) ? EXIT.allPosted : EXIT.someFailed;
}

/** One line for the day, one per channel: what a person running it by hand wants to see. */
function summary(report: DayReport): string {
  const lines = [`daily tip for ${report.date}: ${report.tip ?? 'none'}`];
  for (const result of report.results) {
    if (result.status === 'failed') {
      lines.push(`  ${result.channel}  NOT POSTED: ${result.reason}${result.retryable ? ' (passing: run again later)' : ''}: ${result.fix}`);
    } else if (result.status === 'posted') lines.push(`  ${result.channel}  posted (ts ${result.ts})`);
    else lines.push(`  ${result.channel}  already there (ts ${result.ts}), not posted again`);
  }
  return `${lines.join('\n')}\n`;
}
