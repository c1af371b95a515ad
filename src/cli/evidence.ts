import { writeFile } from 'node:fs/promises';
import type { SettingsWithoutSlack } from '../config.js';
import { csvTable, evidenceCsv, evidenceFor, type CsvColumn, type Database } from '../store/index.js';
import type { PostedTip, TipsPosted } from '../tips/posted.js';

/**
 * `srm evidence`: one row per person who answered the quiz in the period, from the store, and the daily tips
 * posted in each tip channel for the period's days, read from Slack (docs/teams-and-evidence.md).
 */

export interface EvidenceRequest {
  from: string;
  to: string;
  format: 'csv' | 'json';
  /** Only this workspace's people (T…), and its tips only when the bot token is of that workspace. */
  workspace?: string;
  /** The tip channels given with --channel; null: TIP_CHANNELS, or in OAuth mode the channels the workspace subscribed. */
  channels: readonly string[] | null;
  /** With --format csv, the file the tips are written to (the people stay one row each on stdout). */
  tipsCsv?: string;
}

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Exit codes: everything asked for is written / something could not be read or written (what could be is still written). */
const EXIT = { done: 0, incomplete: 1 } as const;

interface TipRow extends PostedTip {
  workspace: string;
  channel: string;
}

const TIP_COLUMNS: readonly CsvColumn<TipRow>[] = [
  ['workspace', (t) => t.workspace],
  ['channel', (t) => t.channel],
  ['date', (t) => t.date],
  ['tip', (t) => t.tip],
  ['posted_at', (t) => t.postedAt],
];

export async function writeEvidence(database: Database, settings: SettingsWithoutSlack, request: EvidenceRequest, io: Output): Promise<number> {
  const say = (line: string) => io.stderr.write(`srm evidence: ${line}\n`);
  const period = {
    from: request.from,
    to: request.to,
    timeZone: settings.tips.timeZone,
    ...(request.workspace !== undefined && { workspace: request.workspace }),
  };
  const people = await evidenceFor(database, period);

  const wanted = request.format === 'json' || request.tipsCsv !== undefined;
  if (!wanted && (request.channels ?? settings.tips.channels).length > 0)
    say('the tips posted in TIP_CHANNELS are not in this file (one row per person): --tips-csv FILE writes them');
  const tips = wanted ? await readTips(database, settings, request, io.stderr, say) : null;
  const complete = tips === null || tips.channels.every((channel) => 'posted' in channel);
  for (const channel of tips?.channels ?? []) {
    if (!('posted' in channel)) say(`the tips posted in ${channel.channel} could not be read: ${channel.reason}: ${channel.fix}`);
  }

  if (request.format === 'json') {
    io.stdout.write(`${JSON.stringify({ ...period, people, tips }, null, 2)}\n`);
    return complete ? EXIT.done : EXIT.incomplete;
  }
  io.stdout.write(evidenceCsv(people));
  if (tips === null || request.tipsCsv === undefined) return EXIT.done;
  const rows = tips.channels.flatMap((channel) =>
    'posted' in channel ? channel.posted.map((tip) => ({ workspace: tips.workspace ?? '', channel: channel.channel, ...tip })) : [],
  );
  try {
    await writeFile(request.tipsCsv, csvTable(TIP_COLUMNS, rows));
  } catch (error) {
    say(`cannot write --tips-csv ${request.tipsCsv}: ${(error as Error).message}`);
    return EXIT.incomplete;
  }
  const counts = tips.channels.map((channel) => `${channel.channel} ${'posted' in channel ? channel.posted.length : 'unread'}`);
  say(`tips posted per channel written to ${request.tipsCsv}: ${counts.join(', ')}`);
  return complete ? EXIT.done : EXIT.incomplete;
}

/** The tips of the period from Slack, or null (and why, on stderr) when there is nothing to read them with or from. */
async function readTips(
  database: Database,
  settings: SettingsWithoutSlack,
  request: EvidenceRequest,
  logTo: NodeJS.WritableStream,
  say: (line: string) => void,
): Promise<TipsPosted | null> {
  const peopleOnly = 'listing people only';
  const reader = settings.botToken === null && settings.tokenKeys !== null ? await installationReader(database, settings, request, say) : null;
  if (reader === null && settings.tokenKeys !== null && settings.botToken === null) return null;
  const botToken = reader?.botToken ?? settings.botToken;
  const channels = reader?.channels ?? request.channels ?? settings.tips.channels;
  if (botToken === null) {
    say(`no SLACK_BOT_TOKEN: the tips posted per channel are read from Slack with the bot token; ${peopleOnly}`);
    return null;
  }
  if (channels.length === 0) {
    say(
      reader === null
        ? `no tip channels: set TIP_CHANNELS or pass --channel C0123456789; ${peopleOnly}`
        : `workspace ${request.workspace} has subscribed no channel to the daily tip (\`/srm tips here\`): pass --channel C0123456789; ${peopleOnly}`,
    );
    return null;
  }
  // Loaded only here: the Web API client is the heaviest module of the CLI, and the people alone do without it.
  const [{ botClient }, { createLogger }, { tipsPostedIn }] = await Promise.all([
    import('../slackApi/client.js'),
    import('../logger.js'),
    import('../tips/posted.js'),
  ]);
  const log = createLogger({ level: settings.logLevel, secrets: [botToken], destination: logTo });
  const tips = await tipsPostedIn({
    client: botClient(settings, botToken, log),
    channels,
    from: request.from,
    to: request.to,
    timeZone: settings.tips.timeZone,
  });
  if (request.workspace !== undefined && tips.workspace !== null && tips.workspace !== request.workspace) {
    say(`SLACK_BOT_TOKEN is of workspace ${tips.workspace}, not --workspace ${request.workspace}: its tips are left out; ${peopleOnly}`);
    return null;
  }
  return tips;
}

/**
 * OAuth mode (TOKEN_ENCRYPTION_KEY, no SLACK_BOT_TOKEN): the tips of `--workspace` are read with its installation's
 * bot token, in the channels it subscribed (`/srm tips here`) unless --channel names others. Null, and why, when
 * there is no workspace or installation to read with.
 */
async function installationReader(
  database: Database,
  settings: SettingsWithoutSlack,
  request: EvidenceRequest,
  say: (line: string) => void,
): Promise<{ botToken: string; channels: readonly string[] } | null> {
  const peopleOnly = 'listing people only';
  if (request.workspace === undefined) {
    say(`the tips are read per workspace, with its own installation (OAuth mode): add --workspace T0123456789; ${peopleOnly}`);
    return null;
  }
  const [{ installationBotToken }, { createTokenCipher, ownerKey, subscribedChannels }] = await Promise.all([
    import('../slack/installationStore.js'),
    import('../store/index.js'),
  ]);
  const subscribed = await subscribedChannels(database, 'tip', request.workspace);
  const installation = subscribed[0] === undefined ? `team:${request.workspace}` : ownerKey(subscribed[0].owner);
  let botToken: string | null;
  try {
    botToken = await installationBotToken(database, createTokenCipher(settings.tokenKeys!), installation);
  } catch (error) {
    say(`the installation of workspace ${request.workspace} cannot be opened: ${(error as Error).message}; ${peopleOnly}`);
    return null;
  }
  if (botToken === null) {
    say(`srm-bot is not installed in workspace ${request.workspace} (or was uninstalled): its tips cannot be read; ${peopleOnly}`);
    return null;
  }
  return { botToken, channels: request.channels ?? subscribed.map((s) => s.channel) };
}
