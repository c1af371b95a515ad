import { parseArgs } from 'node:util';
import { ConfigError, loadSettingsWithoutSlack, type SettingsWithoutSlack } from '../config.js';
import { forgetUser, migrate, openDatabase, type Database, type MigrationReport } from '../store/index.js';
import { isIsoDate } from '../tips/calendar.js';
import { parseChannelList } from '../tips/settings.js';
import { writeEvidence } from './evidence.js';

export const STORE_USAGE = `srm db migrate                  bring the quiz answers' database schema up to date (safe to repeat)
  srm evidence --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json] [--workspace T…] [--tips-csv FILE] [--channel C…]
                                  per person: questions answered, correct, first and last date, days active;
                                  and the daily tips posted per channel (--channel, default TIP_CHANNELS), read
                                  from Slack: in the JSON, or with csv in FILE
  srm forget <user id> [--workspace T…]
                                  erase every quiz answer of a person`;

/** Exit codes: done / the database or a migration failed / the command line or a setting is wrong. */
const EXIT = { done: 0, failed: 1, usage: 2 } as const;

/** Slack ids: users U… or W… (Enterprise Grid), workspaces T…. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const WORKSPACE_ID = /^[TE][A-Z0-9]{2,}$/;

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const parseStoreArgs = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      workspace: { type: 'string' },
      channel: { type: 'string', multiple: true },
      'tips-csv': { type: 'string' },
    },
  });

/** `srm db migrate`, `srm evidence`, `srm forget`: each opens the store the settings name, migrated, and closes it. */
export async function runStoreCommand(
  command: 'db' | 'evidence' | 'forget',
  args: string[],
  io: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const refuse = (problem: string) => {
    io.stderr.write(`srm ${command}: ${problem}\nusage:\n  ${STORE_USAGE}\n`);
    return EXIT.usage;
  };
  let parsed: ReturnType<typeof parseStoreArgs>;
  try {
    parsed = parseStoreArgs(args);
  } catch (error) {
    return refuse((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.workspace !== undefined && !WORKSPACE_ID.test(values.workspace))
    return refuse(`--workspace must be a Slack team id such as T0123456789, not "${values.workspace}"`);
  if (command !== 'evidence' && (values.channel !== undefined || values['tips-csv'] !== undefined))
    return refuse('--channel and --tips-csv are options of srm evidence');
  /** What the command does with the open, migrated database; resolves with its exit code. */
  let task: (database: Database, settings: SettingsWithoutSlack, migrated: MigrationReport) => Promise<number>;
  if (command === 'db') {
    if (positionals.join(' ') !== 'migrate') return refuse('the only db command is "migrate"');
    task = async (database, _settings, { applied, version }) => {
      const done = applied.length === 0 ? 'already up to date' : `applied ${applied.join(', ')}`;
      io.stdout.write(`database schema at version ${version}, ${done} (${database.kind}: ${database.location})\n`);
      return EXIT.done;
    };
  } else if (command === 'evidence') {
    const { from, to, format, workspace, channel } = values;
    const tipsCsv = values['tips-csv'];
    if (from === undefined || to === undefined || !isIsoDate(from) || !isIsoDate(to)) return refuse('--from and --to must be dates YYYY-MM-DD');
    if (from > to) return refuse(`--from ${from} is after --to ${to}`);
    if (format !== 'csv' && format !== 'json') return refuse('--format must be csv or json');
    if (positionals.length > 0) return refuse(`unexpected "${positionals.join(' ')}"`);
    if (format === 'json' && tipsCsv !== undefined) return refuse('--tips-csv is for --format csv: the JSON has the tips in it');
    if (tipsCsv === '') return refuse('--tips-csv needs a file name');
    if (format === 'csv' && tipsCsv === undefined && channel !== undefined)
      return refuse('--channel names the channels whose tips are listed: add --tips-csv FILE (the CSV on stdout is one row per person)');
    const named = channel && parseChannelList(channel.join(','));
    if (named && named.bad.length > 0) return refuse(`--channel ${named.bad[0]}: must be a channel id such as C0123456789, not a name`);
    task = (database, settings) =>
      writeEvidence(
        database,
        settings,
        {
          from,
          to,
          format,
          channels: named ? named.ids : null,
          ...(workspace !== undefined && { workspace }),
          ...(tipsCsv !== undefined && { tipsCsv }),
        },
        io,
      );
  } else {
    const [user, ...extra] = positionals;
    if (user === undefined || extra.length > 0 || !USER_ID.test(user))
      return refuse('give one Slack user id such as U0123456789 (in Slack: the profile › ⋮ › Copy member ID)');
    task = async (database) => {
      const erased = await forgetUser(database, user, values.workspace);
      io.stdout.write(`${erased} quiz answer${erased === 1 ? '' : 's'} of ${user} erased\n`);
      return EXIT.done;
    };
  }

  let settings: SettingsWithoutSlack;
  try {
    settings = loadSettingsWithoutSlack(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`srm ${command}: ${error.message}\n`);
    return EXIT.usage;
  }
  let database: Database | null = null;
  try {
    database = await openDatabase(settings.store);
    return await task(database, settings, await migrate(database));
  } catch (error) {
    // A migration that failed, DATA_DIR held by the bot, PostgreSQL unreachable: each message says what to do.
    const where = database === null ? '' : ` (${database.kind}: ${database.location})`;
    io.stderr.write(`srm ${command}: the database failed${where}: ${(error as Error).message}\n`);
    return EXIT.failed;
  } finally {
    await database?.close();
  }
}
