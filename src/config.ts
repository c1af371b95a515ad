import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { canonicalTimeZone, CHANNEL_ID, parseChannelList, parseTipDays, parseTipTime, TIP_DEFAULTS, type TipSettings } from './tips/settings.js';

/**
 * How the app reaches Slack, decided by which credentials are set:
 * an app-level token → Socket Mode; a bot token and signing secret → HTTP mode; an OAuth client (id, secret, state
 * secret) with a signing secret → OAuth mode, HTTP for any number of workspaces (docs/oauth.md); nothing → local
 * console.
 */
export type SlackConnection =
  | { mode: 'socket'; botToken: string; appToken: string }
  | { mode: 'http'; botToken: string; signingSecret: string }
  | OAuthConnection;

/** Multi-workspace: each workspace installs the app through /slack/install, its bot token kept encrypted in the store. */
export interface OAuthConnection {
  mode: 'oauth';
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state parameter, so a redirect is only accepted for an install this app started. */
  stateSecret: string;
  signingSecret: string;
  /** TOKEN_ENCRYPTION_KEY and, while rotating, TOKEN_ENCRYPTION_KEY_PREVIOUS: 32 bytes each. */
  tokenKeys: TokenKeys;
}

export interface TokenKeys {
  /** Seals every token stored from now on. */
  current: Buffer;
  /** Still opens tokens sealed before a rotation; they are sealed again with `current` at start. */
  previous: Buffer | null;
}

export interface Config {
  /** null: no Slack credentials, run the local console. */
  slack: SlackConnection | null;
  /** HTTP mode: where Slack posts requests; Socket Mode: where /healthz answers. */
  port: number;
  /** Web API base for every call (tests point it at a fake Slack on loopback). Always ends with "/". */
  slackApiUrl: string;
  /** How often a failed Web API call is retried (429s wait for Retry-After first). */
  slackApiRetries: number;
  logLevel: LogLevel;
  /** Where 👍/👎 votes and unanswered questions are reported, beyond the log. */
  feedback: FeedbackSettings;
  /** The daily tip: where, when and on which days. */
  tips: TipSettings;
  /** FINDINGS_CHANNELS: channels where findings other apps post get a threaded reply (docs/findings.md). */
  findingChannels: string[];
  /** Where quiz answers are kept, and for how long (docs/teams-and-evidence.md). */
  store: StoreSettings;
  /** The weekly quiz leaderboard: where and when; no channels, no post. */
  leaderboard: LeaderboardSettings;
}

/** LEADERBOARD_*: posted in TIP_TIMEZONE, as the streaks it shows are counted. */
export interface LeaderboardSettings {
  /** LEADERBOARD_CHANNELS: channel ids; empty: no leaderboard. */
  channels: readonly string[];
  /** LEADERBOARD_DAY: 0 = Sunday … 6 = Saturday; null when no channel is set. */
  day: number | null;
  /** LEADERBOARD_TIME, "HH:MM"; TIP_TIME when unset. */
  time: string;
}

export interface StoreSettings {
  /** DATABASE_URL: a PostgreSQL server every replica shares; null: the embedded database in dataDir. */
  databaseUrl: string | null;
  /** DATA_DIR, made absolute: the embedded database's folder (unused with a DATABASE_URL). */
  dataDir: string;
  /** QUIZ_RETENTION_DAYS: quiz answers older than this many days are deleted. */
  retentionDays: number;
}

/** An audit usually covers twelve months and may ask for the period before it too. */
export const DEFAULT_RETENTION_DAYS = 730;

export interface FeedbackSettings {
  /** FEEDBACK_CHANNEL: a channel id; null reports to the log only. */
  channel: string | null;
  /** Reports posted to the channel per minute at most (and in one burst); the rest go to the log only. */
  perMinute: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One line per problem, each naming the variable and saying how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** An unset variable and one set to "" (a blank line in .env) mean the same: not set. */
const blankAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);
const optional = <T extends z.ZodType>(schema: T) => blankAsUnset(schema.optional());
/** zod 4 hands a default out as the parsed value, so it is given in output form (a list, a number). */
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.output<T>) => blankAsUnset(schema.default(fallback as never));

/** An AES-256 key: 32 bytes, written as 64 hex digits or in base64 (what `openssl rand -base64 32` prints). */
const KEY_COMMAND = 'openssl rand -base64 32';
const encryptionKey = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/]{43}=$/.test(text) ? Buffer.from(text, 'base64') : null;
    return key ?? invalid(ctx, `must be 32 random bytes in base64 (44 characters) or hex (64 digits); generate one with \`${KEY_COMMAND}\``);
  });

const token = (prefix: string, where: string) => z.string().trim().startsWith(prefix, `must start with ${prefix} (${where})`);

/** Every variable the app reads. A new setting is one entry here, one field in Config and one line in .env.example. */
const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(min, `must be ${min} to ${max}`).max(max, `must be ${min} to ${max}`);

/** A comma-separated list of channel ids, as TIP_CHANNELS and FINDINGS_CHANNELS take it. */
const channelList = z.string().transform((list, ctx) => {
  const { ids, bad } = parseChannelList(list);
  if (bad.length === 0) return ids;
  return invalid(
    ctx,
    `${bad.map((id) => `"${id}"`).join(', ')} must be channel ids such as C0123456789, comma-separated (in Slack: channel name › About › Channel ID), not names`,
  );
});

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: optional(token('xoxb-', 'the Bot User OAuth Token from OAuth & Permissions')),
    SLACK_APP_TOKEN: optional(token('xapp-', 'an app-level token with connections:write, from Basic Information › App-Level Tokens')),
    SLACK_SIGNING_SECRET: optional(
      z
        .string()
        .trim()
        .regex(/^[0-9a-f]{16,}$/i, 'must be the hex Signing Secret from Basic Information › App Credentials'),
    ),
    SLACK_CLIENT_ID: optional(
      z
        .string()
        .trim()
        .regex(/^\d+\.\d+$/, 'must be the Client ID from Basic Information › App Credentials, digits with a dot such as 1234567890.1234567890'),
    ),
    SLACK_CLIENT_SECRET: optional(
      z
        .string()
        .trim()
        .regex(/^[0-9a-f]{16,}$/i, 'must be the hex Client Secret from Basic Information › App Credentials'),
    ),
    SLACK_STATE_SECRET: optional(
      z.string().trim().min(32, `must be at least 32 characters of your own random text (it signs the install links); generate one with \`${KEY_COMMAND}\``),
    ),
    TOKEN_ENCRYPTION_KEY: optional(encryptionKey),
    TOKEN_ENCRYPTION_KEY_PREVIOUS: optional(encryptionKey),
    PORT: withDefault(wholeNumber(1, 65535), 3000),
    SLACK_API_URL: withDefault(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' }), 'https://slack.com/api/'),
    SLACK_API_RETRIES: withDefault(wholeNumber(0, 10), 3),
    LOG_LEVEL: withDefault(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }), 'info'),
    FEEDBACK_CHANNEL: optional(
      z
        .string()
        .trim()
        .regex(CHANNEL_ID, 'must be a channel id such as C0123456789 (in Slack: channel name › About › Channel ID), not a name like #srm-feedback'),
    ),
    FEEDBACK_REPORTS_PER_MINUTE: withDefault(wholeNumber(1, 600), 10),
    TIP_CHANNELS: withDefault(channelList, []),
    FINDINGS_CHANNELS: withDefault(channelList, []),
    DATABASE_URL: optional(
      z
        .string()
        .trim()
        .transform(
          (text, ctx) =>
            postgresUrl(text) ??
            invalid(ctx, 'must be a PostgreSQL URL such as postgres://srm:password@db.internal:5432/srm, or unset to use the embedded database in DATA_DIR'),
        ),
    ),
    // The default is checked like a value set by hand: a read-only working folder must stop the start too.
    DATA_DIR: blankAsUnset(
      z
        .string()
        .optional()
        .transform((path = 'data', ctx) => writableFolder(path) ?? invalid(ctx, folderProblem(path))),
    ),
    QUIZ_RETENTION_DAYS: withDefault(wholeNumber(1, 36_500), DEFAULT_RETENTION_DAYS),
    LEADERBOARD_CHANNELS: withDefault(channelList, []),
    LEADERBOARD_DAY: optional(
      z.string().transform((text, ctx) => {
        const days = parseTipDays(text);
        if (typeof days === 'string') return invalid(ctx, days);
        return days.length === 1 ? days[0]! : invalid(ctx, `names ${days.length} days: the leaderboard is weekly, give one day such as fri`);
      }),
    ),
    LEADERBOARD_TIME: optional(
      z
        .string()
        .transform((text, ctx) => parseTipTime(text) ?? invalid(ctx, 'must be a time of day HH:MM on a 24-hour clock, such as 16:00 (unset: TIP_TIME)')),
    ),
    TIP_TIME: withDefault(
      z.string().transform((text, ctx) => parseTipTime(text) ?? invalid(ctx, 'must be a time of day HH:MM on a 24-hour clock, such as 09:00 or 16:30')),
      TIP_DEFAULTS.time,
    ),
    TIP_TIMEZONE: withDefault(
      z.string().transform((zone, ctx) => canonicalTimeZone(zone) ?? invalid(ctx, 'must be an IANA time zone such as Europe/Berlin, America/New_York or UTC')),
      TIP_DEFAULTS.timeZone,
    ),
    TIP_DAYS: withDefault(
      z.string().transform((text, ctx) => {
        const days = parseTipDays(text);
        return typeof days === 'string' ? invalid(ctx, days) : days;
      }),
      parseTipDays(TIP_DEFAULTS.days) as number[],
    ),
  })
  .superRefine((env, ctx) => {
    // Opt-in takes both: where and on which day. Either alone is most likely a half-finished setting.
    const problem =
      env.LEADERBOARD_CHANNELS.length > 0 && env.LEADERBOARD_DAY === undefined
        ? [
            'LEADERBOARD_DAY',
            'missing. LEADERBOARD_CHANNELS is set, so say on which day the weekly leaderboard is posted: one of mon, tue, wed, thu, fri, sat, sun (e.g. LEADERBOARD_DAY=fri)',
          ]
        : env.LEADERBOARD_CHANNELS.length === 0 &&
            (env.LEADERBOARD_DAY !== undefined || env.LEADERBOARD_TIME !== undefined) &&
            // OAuth mode: the day and time alone switch the board on; each workspace subscribes its channels.
            !OAUTH_CLIENT.some((name) => env[name] !== undefined)
          ? [
              'LEADERBOARD_CHANNELS',
              'missing. LEADERBOARD_DAY or LEADERBOARD_TIME is set, but no channel gets the leaderboard: set channel ids such as C0123456789 (comma-separated), or unset LEADERBOARD_DAY and LEADERBOARD_TIME',
            ]
          : null;
    if (problem) ctx.addIssue({ code: 'custom', path: [problem[0]!], message: problem[1]! });
  });

function postgresUrl(text: string): string | null {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(text).protocol) ? text : null;
  } catch {
    return null;
  }
}

/**
 * The folder as an absolute path when the bot can keep its files there: an existing folder it may write, or one it
 * may create (its nearest existing parent is a writable folder). Checked at start, so a typo stops the start, not
 * the first quiz answer.
 */
function writableFolder(path: string): string | null {
  const folder = resolve(path.trim());
  for (let existing = folder; ; existing = dirname(existing)) {
    const stat = statSync(existing, { throwIfNoEntry: false });
    if (stat === undefined && dirname(existing) !== existing) continue;
    if (!stat?.isDirectory()) return null;
    try {
      accessSync(existing, constants.W_OK);
      return folder;
    } catch {
      return null;
    }
  }
}

const folderProblem = (path: string) =>
  `${resolve(path.trim())} is not a folder the bot can write: point DATA_DIR at a writable folder (default ./data), or set DATABASE_URL to use PostgreSQL`;

/** Reports a value a transform cannot use, in the same one-line-per-problem form as every other check. */
function invalid(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

type Env = z.infer<typeof envSchema>;

/** Reads and checks the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values = parseEnv(env);
  const slack = slackConnection(values);
  if (typeof slack === 'string') throw new ConfigError([slack]);
  if (Array.isArray(slack)) throw new ConfigError(slack);
  const settings = settingsOf(values);
  if (slack?.mode === 'oauth') {
    const problems = [
      ...(settings.tips.channels.length > 0
        ? [
            "TIP_CHANNELS: a list of channels names no workspace, and OAuth mode posts with each workspace's own token. Unset TIP_CHANNELS: each workspace subscribes its channels with `/srm tips here` (docs/oauth.md › Daily tips).",
          ]
        : []),
      ...(settings.leaderboard.channels.length > 0
        ? [
            "LEADERBOARD_CHANNELS: a list of channels names no workspace, and OAuth mode posts with each workspace's own token. Unset LEADERBOARD_CHANNELS and keep LEADERBOARD_DAY: each workspace subscribes its channels with `/srm leaderboard here` (docs/oauth.md).",
          ]
        : []),
    ];
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return { slack, ...settings };
}

/** What `srm post-tip` needs: the bot token to post with and the settings; no way for Slack to reach the app. */
export type TipPosterConfig = Omit<Config, 'slack'> & { botToken: string };

export function loadTipPosterConfig(env: NodeJS.ProcessEnv = process.env): TipPosterConfig {
  const values = parseEnv(env);
  if (values.SLACK_BOT_TOKEN === undefined) {
    throw new ConfigError(['SLACK_BOT_TOKEN: missing. Tips are posted as the bot: set the Bot User OAuth Token (xoxb-…) from OAuth & Permissions.']);
  }
  return { botToken: values.SLACK_BOT_TOKEN, ...settingsOf(values) };
}

/**
 * What the `srm db`, `evidence` and `forget` commands need: the store and the tip schedule, and no way for Slack to
 * reach them. The bot token, when set, lets `srm evidence` read the tips posted in TIP_CHANNELS.
 */
export type SettingsWithoutSlack = Omit<Config, 'slack'> & {
  botToken: string | null;
  /** OAuth mode's TOKEN_ENCRYPTION_KEY(_PREVIOUS): `srm evidence --workspace` reads that workspace's tips with its installation's token. */
  tokenKeys: TokenKeys | null;
};

export function loadSettingsWithoutSlack(env: NodeJS.ProcessEnv = process.env): SettingsWithoutSlack {
  const values = parseEnv(env);
  const tokenKeys =
    values.TOKEN_ENCRYPTION_KEY === undefined ? null : { current: values.TOKEN_ENCRYPTION_KEY, previous: values.TOKEN_ENCRYPTION_KEY_PREVIOUS ?? null };
  return { botToken: values.SLACK_BOT_TOKEN ?? null, tokenKeys, ...settingsOf(values) };
}

function parseEnv(env: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}

function settingsOf(values: Env): Omit<Config, 'slack'> {
  return {
    port: values.PORT,
    slackApiUrl: values.SLACK_API_URL.endsWith('/') ? values.SLACK_API_URL : `${values.SLACK_API_URL}/`,
    slackApiRetries: values.SLACK_API_RETRIES,
    logLevel: values.LOG_LEVEL,
    feedback: { channel: values.FEEDBACK_CHANNEL ?? null, perMinute: values.FEEDBACK_REPORTS_PER_MINUTE },
    tips: { channels: values.TIP_CHANNELS, time: values.TIP_TIME, timeZone: values.TIP_TIMEZONE, days: values.TIP_DAYS },
    findingChannels: values.FINDINGS_CHANNELS,
    store: { databaseUrl: values.DATABASE_URL ?? null, dataDir: values.DATA_DIR, retentionDays: values.QUIZ_RETENTION_DAYS },
    leaderboard: { channels: values.LEADERBOARD_CHANNELS, day: values.LEADERBOARD_DAY ?? null, time: values.LEADERBOARD_TIME ?? values.TIP_TIME },
  };
}

/** The connection the credentials describe, or the problem(s) with a half-set or mixed combination. */
function slackConnection(env: Env): SlackConnection | null | string | string[] {
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = env;
  if (OAUTH_CLIENT.some((name) => env[name] !== undefined)) return oauthConnection(env);
  if (appToken !== undefined) {
    if (botToken === undefined) {
      return 'SLACK_BOT_TOKEN: missing. SLACK_APP_TOKEN is set, so Socket Mode was chosen, and it also needs the Bot User OAuth Token (xoxb-…) from OAuth & Permissions.';
    }
    return { mode: 'socket', botToken, appToken };
  }
  if (botToken !== undefined) {
    if (signingSecret === undefined) {
      return 'SLACK_SIGNING_SECRET: missing. SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN, so HTTP mode was chosen, and it needs the Signing Secret from Basic Information › App Credentials (or set SLACK_APP_TOKEN to use Socket Mode).';
    }
    return { mode: 'http', botToken, signingSecret };
  }
  if (signingSecret !== undefined) {
    return 'SLACK_BOT_TOKEN: missing. SLACK_SIGNING_SECRET is set, so HTTP mode was meant, and it needs the Bot User OAuth Token (xoxb-…); unset SLACK_SIGNING_SECRET to use the local console instead.';
  }
  return null;
}

/** Any of these set means OAuth mode was meant; then all three are needed. */
const OAUTH_CLIENT = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

const OAUTH_MISSING: Record<(typeof OAUTH_CLIENT)[number] | 'SLACK_SIGNING_SECRET' | 'TOKEN_ENCRYPTION_KEY', string> = {
  SLACK_CLIENT_ID: 'the Client ID from Basic Information › App Credentials',
  SLACK_CLIENT_SECRET: 'the Client Secret from Basic Information › App Credentials',
  SLACK_STATE_SECRET: `random text of your own, at least 32 characters, that signs the install links (\`${KEY_COMMAND}\`)`,
  SLACK_SIGNING_SECRET: 'the Signing Secret from Basic Information › App Credentials, to verify the requests Slack sends',
  TOKEN_ENCRYPTION_KEY: `32 random bytes that encrypt the workspaces' bot tokens in the database (\`${KEY_COMMAND}\`); keep it in your secret store`,
};

/**
 * OAuth mode: every part of it set, and nothing of single-workspace mode beside it (a bot token there would be one
 * workspace's token answering for all of them).
 */
function oauthConnection(env: Env): OAuthConnection | string[] {
  const problems: string[] = [];
  const chosen = OAUTH_CLIENT.filter((name) => env[name] !== undefined).join(', ');
  const why = `${chosen} set, so multi-workspace (OAuth) mode was chosen`;
  for (const [name, what] of Object.entries(OAUTH_MISSING) as Array<[keyof typeof OAUTH_MISSING, string]>) {
    if (env[name] === undefined) problems.push(`${name}: missing. ${why}, and it needs ${what}.`);
  }
  if (env.SLACK_BOT_TOKEN !== undefined) {
    problems.push(
      `SLACK_BOT_TOKEN: set together with ${chosen}. Choose one: unset SLACK_BOT_TOKEN to install in many workspaces through /slack/install (each gets its own token), or unset ${OAUTH_CLIENT.join(', ')} to run in one workspace.`,
    );
  }
  if (env.SLACK_APP_TOKEN !== undefined) {
    problems.push(
      'SLACK_APP_TOKEN: OAuth mode serves /slack/install and the requests of every workspace over HTTP, not Socket Mode: unset SLACK_APP_TOKEN (and set the request URLs in manifest.yml, docs/oauth.md).',
    );
  }
  if (problems.length > 0) return problems;
  return {
    mode: 'oauth',
    clientId: env.SLACK_CLIENT_ID!,
    clientSecret: env.SLACK_CLIENT_SECRET!,
    stateSecret: env.SLACK_STATE_SECRET!,
    signingSecret: env.SLACK_SIGNING_SECRET!,
    tokenKeys: { current: env.TOKEN_ENCRYPTION_KEY!, previous: env.TOKEN_ENCRYPTION_KEY_PREVIOUS ?? null },
  };
}

/** Values that must never reach a log line, for the logger to scrub wherever they appear. */
export function secretsOf(config: Config): string[] {
  return [...slackSecrets(config.slack), ...databaseSecrets(config.store)];
}

function slackSecrets(slack: SlackConnection | null): string[] {
  if (slack === null) return [];
  if (slack.mode === 'oauth') {
    const keys = [slack.tokenKeys.current, slack.tokenKeys.previous].filter((key) => key !== null);
    return [slack.clientSecret, slack.stateSecret, slack.signingSecret, ...keys.flatMap((key) => [key.toString('base64'), key.toString('hex')])];
  }
  return slack.mode === 'socket' ? [slack.botToken, slack.appToken] : [slack.botToken, slack.signingSecret];
}

/** The database password, as written in the URL and decoded (a driver's error may quote either). */
export function databaseSecrets(store: StoreSettings): string[] {
  if (store.databaseUrl === null) return [];
  const password = new URL(store.databaseUrl).password;
  return password === '' ? [] : [...new Set([password, decodeURIComponent(password)])];
}
