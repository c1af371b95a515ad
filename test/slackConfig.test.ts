import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../src/config.js';

const BOT = 'xoxb-test-bot';
const APP = 'xapp-test-app';
const SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('runs the local console with no Slack credentials, with every default', () => {
    expect(loadConfig({})).toEqual({
      slack: null,
      port: 3000,
      slackApiUrl: 'https://slack.com/api/',
      slackApiRetries: 3,
      logLevel: 'info',
      feedback: { channel: null, perMinute: 10 },
      tips: { channels: [], time: '09:00', timeZone: 'UTC', days: [1, 2, 3, 4, 5] },
      findingChannels: [],
      store: { databaseUrl: null, dataDir: resolve('data'), retentionDays: 730 },
      leaderboard: { channels: [], day: null, time: '09:00' },
    });
  });

  it('takes DATABASE_URL, DATA_DIR and QUIZ_RETENTION_DAYS, and keeps the database password out of logs', () => {
    const url = 'postgres://srm:p%40ss@db.internal:5432/srm';
    const config = loadConfig({ DATABASE_URL: url, DATA_DIR: '/tmp', QUIZ_RETENTION_DAYS: '365' });
    expect(config.store).toEqual({ databaseUrl: url, dataDir: '/tmp', retentionDays: 365 });
    expect(secretsOf(config)).toEqual(['p%40ss', 'p@ss']);
  });

  it('refuses a database URL that is not PostgreSQL, a DATA_DIR that is a file, and a retention of 0, naming each', () => {
    const found = problems({ DATABASE_URL: 'mysql://db/srm', DATA_DIR: 'package.json', QUIZ_RETENTION_DAYS: '0' });
    expect(found).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be a PostgreSQL URL such as postgres:\/\//),
      expect.stringMatching(/^DATA_DIR: .*package\.json is not a folder the bot can write: point DATA_DIR at a writable folder/),
      'QUIZ_RETENTION_DAYS: must be 1 to 36500',
    ]);
  });

  it('takes FINDINGS_CHANNELS as comma-separated channel ids and refuses names', () => {
    expect(loadConfig({ FINDINGS_CHANNELS: 'C0FINDINGS, G0PRIVATE' }).findingChannels).toEqual(['C0FINDINGS', 'G0PRIVATE']);
    expect(problems({ FINDINGS_CHANNELS: 'C0FINDINGS,#security-alerts' })[0]).toMatch(
      /^FINDINGS_CHANNELS: "#security-alerts" must be channel ids such as C0123456789/,
    );
  });

  it('treats blank variables (an empty line in .env) as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', PORT: '', LOG_LEVEL: '' })).toMatchObject({ slack: null, port: 3000, logLevel: 'info' });
  });

  it('chooses Socket Mode when an app-level token is set', () => {
    expect(loadConfig({ SLACK_APP_TOKEN: APP, SLACK_BOT_TOKEN: BOT }).slack).toEqual({ mode: 'socket', botToken: BOT, appToken: APP });
  });

  it('chooses HTTP mode with a bot token and signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9999/api' });
    expect(config.slack).toEqual({ mode: 'http', botToken: BOT, signingSecret: SECRET });
    expect(config.port).toBe(8080);
    expect(config.slackApiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(secretsOf(config)).toEqual([BOT, SECRET]);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: BOT }, 'SLACK_SIGNING_SECRET: missing'],
    [{ SLACK_APP_TOKEN: APP }, 'SLACK_BOT_TOKEN: missing'],
    [{ SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN: missing'],
  ])('stops on half-set credentials %o, naming the variable and the fix', (env, expected) => {
    const [problem] = problems(env);
    expect(problem).toContain(expected);
    expect(problem).toMatch(/Basic Information|OAuth & Permissions|console/);
  });

  it('lists every invalid variable at once, each with what it must be', () => {
    const found = problems({ SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: 'eighty', SLACK_API_URL: 'slack.com', SLACK_API_RETRIES: '99', LOG_LEVEL: 'loud' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['SLACK_BOT_TOKEN', 'PORT', 'SLACK_API_URL', 'SLACK_API_RETRIES', 'LOG_LEVEL']);
    expect(found[0]).toContain('xoxb-');
    expect(found[4]).toContain('debug');
  });

  it('rejects an app token in the bot token slot and a non-hex signing secret', () => {
    expect(problems({ SLACK_BOT_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET })[0]).toMatch(/^SLACK_BOT_TOKEN: must start with xoxb-/);
    expect(problems({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'not the secret' })[0]).toMatch(/^SLACK_SIGNING_SECRET: /);
  });

  describe('OAuth mode (many workspaces)', () => {
    const KEY_HEX = 'a'.repeat(64);
    const KEY_BASE64 = Buffer.alloc(32, 7).toString('base64');
    const OAUTH = {
      SLACK_CLIENT_ID: '1234567890.0987654321',
      SLACK_CLIENT_SECRET: 'f'.repeat(32),
      SLACK_STATE_SECRET: 's'.repeat(32),
      SLACK_SIGNING_SECRET: SECRET,
      TOKEN_ENCRYPTION_KEY: KEY_BASE64,
    };

    it('is chosen by the client id, secret and state secret, with the encryption key as 32 bytes, and keeps every secret out of logs', () => {
      const config = loadConfig({ ...OAUTH, TOKEN_ENCRYPTION_KEY_PREVIOUS: KEY_HEX });
      expect(config.slack).toEqual({
        mode: 'oauth',
        clientId: OAUTH.SLACK_CLIENT_ID,
        clientSecret: OAUTH.SLACK_CLIENT_SECRET,
        stateSecret: OAUTH.SLACK_STATE_SECRET,
        signingSecret: SECRET,
        tokenKeys: { current: Buffer.alloc(32, 7), previous: Buffer.from(KEY_HEX, 'hex') },
      });
      expect(secretsOf(config)).toEqual(expect.arrayContaining([OAUTH.SLACK_CLIENT_SECRET, OAUTH.SLACK_STATE_SECRET, SECRET, KEY_BASE64, KEY_HEX]));
    });

    it('names every missing part, with where to find it or how to make it', () => {
      const found = problems({ SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID });
      expect(found.map((p) => p.split(':')[0])).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET', 'TOKEN_ENCRYPTION_KEY']);
      expect(found.every((p) => p.includes('SLACK_CLIENT_ID set, so multi-workspace (OAuth) mode was chosen'))).toBe(true);
      expect(found[3]).toContain('openssl rand -base64 32');
    });

    it.each([
      [
        { SLACK_BOT_TOKEN: BOT },
        /^SLACK_BOT_TOKEN: set together with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET\. Choose one: unset SLACK_BOT_TOKEN/,
      ],
      [{ SLACK_APP_TOKEN: APP }, /^SLACK_APP_TOKEN: OAuth mode serves .* over HTTP, not Socket Mode: unset SLACK_APP_TOKEN/],
      [{ TIP_CHANNELS: 'C0123TIPS' }, /^TIP_CHANNELS: a list of channels names no workspace.* subscribes its channels with `\/srm tips here`/],
      [
        { LEADERBOARD_CHANNELS: 'C0123QUIZ', LEADERBOARD_DAY: 'fri' },
        /^LEADERBOARD_CHANNELS: a list of channels names no workspace.* `\/srm leaderboard here`/,
      ],
    ])('refuses single-workspace settings beside it: %o', (extra, expected) => {
      expect(problems({ ...OAUTH, ...extra })).toEqual([expect.stringMatching(expected)]);
    });

    it('takes LEADERBOARD_DAY and LEADERBOARD_TIME without channels: the workspaces subscribe theirs', () => {
      expect(loadConfig({ ...OAUTH, LEADERBOARD_DAY: 'fri', LEADERBOARD_TIME: '16:00' }).leaderboard.time).toBe('16:00');
      expect(loadConfig({ ...OAUTH, LEADERBOARD_DAY: 'fri' }).leaderboard).toEqual({ channels: [], day: 5, time: '09:00' });
    });

    it.each([
      [
        { TOKEN_ENCRYPTION_KEY: 'short' },
        /^TOKEN_ENCRYPTION_KEY: must be 32 random bytes in base64 \(44 characters\) or hex \(64 digits\); generate one with `openssl rand -base64 32`/,
      ],
      [{ TOKEN_ENCRYPTION_KEY: 'a'.repeat(62) }, /^TOKEN_ENCRYPTION_KEY: must be 32 random bytes/],
      [{ TOKEN_ENCRYPTION_KEY_PREVIOUS: Buffer.alloc(16).toString('base64') }, /^TOKEN_ENCRYPTION_KEY_PREVIOUS: must be 32 random bytes/],
      [{ SLACK_STATE_SECRET: 'secret' }, /^SLACK_STATE_SECRET: must be at least 32 characters/],
      [{ SLACK_CLIENT_ID: 'A0SRM' }, /^SLACK_CLIENT_ID: must be the Client ID from Basic Information/],
      [{ SLACK_CLIENT_SECRET: 'not hex' }, /^SLACK_CLIENT_SECRET: must be the hex Client Secret/],
    ])('refuses a malformed value: %o', (bad, expected) => {
      expect(problems({ ...OAUTH, ...bad })).toEqual([expect.stringMatching(expected)]);
    });
  });
});
