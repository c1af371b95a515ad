import { parseArgs } from 'node:util';
import { ConfigError, loadSettingsWithoutSlack, type SettingsWithoutSlack } from '../config.js';
import { evidenceCsv, evidenceFor, forgetUser, migrate, openDatabase, type Database, type MigrationReport } from '../store/index.js';
import { isIsoDate } from '../tips/calendar.js';

export const STORE_USAGE = `srm db migrate                  bring the quiz answers' database schema up to date (safe to repeat)
  srm evidence --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json] [--workspace T…]
                                  per person: questions answered, correct, first and last date, days active
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
    options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'csv' }, workspace: { type: 'string' } },
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
  let task: (database: Database, settings: SettingsWithoutSlack, migrated: MigrationReport) => Promise<void>;
  if (command === 'db') {
    if (positionals.join(' ') !== 'migrate') return refuse('the only db command is "migrate"');
    task = async (database, _settings, { applied, version }) => {
      const done = applied.length === 0 ? 'already up to date' : `applied ${applied.join(', ')}`;
      io.stdout.write(`database schema at version ${version}, ${done} (${database.kind}: ${database.location})\n`);
    };
  } else if (command === 'evidence') {
    const { from, to, format } = values;
    if (from === undefined || to === undefined || !isIsoDate(from) || !isIsoDate(to)) return refuse('--from and --to must be dates YYYY-MM-DD');
    if (from > to) return refuse(`--from ${from} is after --to ${to}`);
    if (format !== 'csv' && format !== 'json') return refuse('--format must be csv or json');
    if (positionals.length > 0) return refuse(`unexpected "${positionals.join(' ')}"`);
    task = async (database, settings) => {
      const period = { from, to, timeZone: settings.tips.timeZone, ...(values.workspace !== undefined && { workspace: values.workspace }) };
      const people = await evidenceFor(database, period);
      io.stdout.write(format === 'csv' ? evidenceCsv(people) : `${JSON.stringify({ ...period, people }, null, 2)}\n`);
    };
  } else {
    const [user, ...extra] = positionals;
    if (user === undefined || extra.length > 0 || !USER_ID.test(user))
      return refuse('give one Slack user id such as U0123456789 (in Slack: the profile › ⋮ › Copy member ID)');
    task = async (database) => {
      const erased = await forgetUser(database, user, values.workspace);
      io.stdout.write(`${erased} quiz answer${erased === 1 ? '' : 's'} of ${user} erased\n`);
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
    await task(database, settings, await migrate(database));
    return EXIT.done;
  } catch (error) {
    // A migration that failed, DATA_DIR held by the bot, PostgreSQL unreachable: each message says what to do.
    const where = database === null ? '' : ` (${database.kind}: ${database.location})`;
    io.stderr.write(`srm ${command}: the database failed${where}: ${(error as Error).message}\n`);
    return EXIT.failed;
  } finally {
    await database?.close();
  }
}
