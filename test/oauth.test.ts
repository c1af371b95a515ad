import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreSettings } from '../src/config.js';
import { BOT_SCOPES } from '../src/slack/scopes.js';
import { createTokenCipher, keyIdOf, type Database } from '../src/store/index.js';
import { startApp, TEST_SIGNING_SECRET, waitUntilReady, type RunningApp } from './support/appProcess.js';
import { FakeSlack, type Workspace } from './support/fakeSlack.js';
import { eventCallback, sendToApp } from './support/slackRequests.js';
import { withDatabase } from './support/database.js';
import { storeBackends } from './support/stores.js';

const KEY = randomBytes(32);
const CLIENT_ID = '1111111111.2222222222';
const CLIENT_SECRET = 'c0ffee'.repeat(6);
const STATE_SECRET = randomBytes(24).toString('base64');

const ALPHA: Workspace = { teamId: 'T0ALPHA', teamName: 'Alpha', botToken: 'xoxb-111-alpha-only-in-memory', botUserId: 'U0BOTALPHA', botId: 'B0ALPHA' };
const BETA: Workspace = { teamId: 'T0BETA', teamName: 'Beta', botToken: 'xoxb-222-beta-only-in-memory', botUserId: 'U0BOTBETA', botId: 'B0BETA' };
/** What must never be written anywhere in plain text: the tokens Slack hands out, and the app's own secrets. */
const SECRETS = [ALPHA.botToken, BETA.botToken, CLIENT_SECRET, STATE_SECRET, KEY.toString('base64')];

const oauthEnv = (fake: FakeSlack, store: StoreSettings) => ({
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: STATE_SECRET,
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  TOKEN_ENCRYPTION_KEY: KEY.toString('base64'),
  SLACK_API_URL: fake.apiUrl,
  DATABASE_URL: store.databaseUrl ?? '',
  DATA_DIR: store.dataDir,
});

/** Every file under `folder`, read whole: the embedded database as it lies on disk, write-ahead log included. */
function filesUnder(folder: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ path: join(entry.parentPath, entry.name), bytes: readFileSync(join(entry.parentPath, entry.name)) }));
}

describe.each(storeBackends())('multi-workspace install (OAuth) on $name', (backend) => {
  let fake: FakeSlack;
  let store: StoreSettings;
  let app: RunningApp;
  /** Log output of every run of the app in this file. */
  const output: string[] = [];
  let dmCount = 0;

  const start = async () => {
    // Opening and migrating the embedded database can take a while on a busy machine: readiness waits for it.
    app = await startApp({ env: oauthEnv(fake, store), waitReady: false });
    await waitUntilReady(app, 60_000);
  };
  const stop = async () => {
    await app.stop();
    output.push(app.stdout(), app.stderr());
  };
  const send = (body: ReturnType<typeof eventCallback>) => sendToApp(app.baseUrl, body, { secret: TEST_SIGNING_SECRET });

  /** A person's DM to the bot in `workspace`; resolves with the reply's Web API call, or rejects when none comes. */
  async function dm(workspace: Workspace, timeoutMs?: number) {
    dmCount += 1;
    const ts = `1700000200.${String(dmCount).padStart(6, '0')}`;
    const channel = `D0${workspace.teamId}${dmCount}`;
    const event = { type: 'message', channel_type: 'im', channel, user: 'U0ASKER', text: 'who patches rds', ts, event_ts: ts };
    expect((await send(eventCallback(event, workspace))).status).toBe(200);
    return fake.waitForCall('chat.postMessage', (call) => call.args.channel === channel, timeoutMs);
  }

  /** What a person's browser does: open /slack/install, approve in Slack, come back with the code and the state. */
  async function install(workspace: Workspace, code: string) {
    const started = await fetch(`${app.baseUrl}/slack/install`, { redirect: 'manual' });
    expect(started.status).toBe(302);
    const authorize = new URL(started.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('scope')!.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    const state = authorize.searchParams.get('state')!;
    expect(state).toMatch(/\S{20,}/);
    // The state is also pinned to this browser by a cookie: a link forwarded to someone else does not install.
    const cookie = started.headers
      .getSetCookie()
      .find((line) => line.includes(state))!
      .split(';')[0]!;

    fake.approveInstall(code, workspace);
    return fetch(`${app.baseUrl}/slack/oauth_redirect?${new URLSearchParams({ code, state })}`, { headers: { cookie } });
  }

  const inspect = (work: (database: Database) => Promise<void>) => withDatabase(store, work);

  describe.skipIf(backend.missing !== null)('', () => {
    beforeAll(async () => {
      fake = await FakeSlack.start();
      store = await backend.settings();
      await start();
    }, 90_000);

    afterAll(async () => {
      if (app.child.exitCode === null) await stop();
      await fake?.close();
    });

    it('installs two workspaces through /slack/install and /slack/oauth_redirect, and answers each with its own token', async () => {
      expect((await install(ALPHA, 'code-alpha')).status).toBe(200);
      expect((await install(BETA, 'code-beta')).status).toBe(200);
      const exchanges = fake.callsTo('oauth.v2.access');
      expect(exchanges.map((call) => [call.args.code, call.args.client_id, call.args.client_secret, call.outcome])).toEqual([
        ['code-alpha', CLIENT_ID, CLIENT_SECRET, 'ok'],
        ['code-beta', CLIENT_ID, CLIENT_SECRET, 'ok'],
      ]);
      await app.waitForLog((line) => line.msg === 'srm-bot installed' && line.team === BETA.teamId);

      expect((await dm(ALPHA)).token).toBe(ALPHA.botToken);
      expect((await dm(BETA)).token).toBe(BETA.botToken);
    }, 30_000);

    it('refuses a redirect whose state this browser was not given, and exchanges no code for it', async () => {
      const started = await fetch(`${app.baseUrl}/slack/install`, { redirect: 'manual' });
      const state = new URL(started.headers.get('location')!).searchParams.get('state')!;
      fake.approveInstall('code-forwarded', { ...ALPHA, teamId: 'T0MALLORY', botToken: 'xoxb-333-mallory' });
      const back = await fetch(`${app.baseUrl}/slack/oauth_redirect?${new URLSearchParams({ code: 'code-forwarded', state })}`);
      expect(back.status).toBeGreaterThanOrEqual(400);
      expect(fake.callsTo('oauth.v2.access').map((call) => call.args.code)).not.toContain('code-forwarded');
    });

    it('deletes a workspace that uninstalls the app: its requests are no longer answered, the others still are', async () => {
      expect((await send(eventCallback({ type: 'app_uninstalled', event_ts: '1700000300.000001' }, ALPHA))).status).toBe(200);
      await app.waitForLog((line) => line.msg === 'installation and its tokens deleted' && line.team === ALPHA.teamId);
      await expect(dm(ALPHA, 1_500)).rejects.toThrow(/no a chat.postMessage call/);
      expect((await dm(BETA)).token).toBe(BETA.botToken);
    }, 20_000);

    it('keeps installations across a restart, sealed: no token in any row (nor, embedded, in any file of the database)', async () => {
      await stop();
      await inspect(async (database) => {
        const { rows } = await database.query<Record<string, unknown>>('SELECT owner, team_id, key_id, sealed FROM slack_installations');
        expect(rows.map((row) => [row.owner, row.team_id, row.key_id])).toEqual([[`team:${BETA.teamId}`, BETA.teamId, keyIdOf(KEY)]]);
        const sealed = Buffer.from(rows[0]!.sealed as Uint8Array);
        for (const secret of SECRETS) expect(sealed.includes(Buffer.from(secret))).toBe(false);
        const opened = createTokenCipher({ current: KEY, previous: null }).open({ keyId: keyIdOf(KEY), data: sealed }, `team:${BETA.teamId}`);
        expect(JSON.parse(opened)).toMatchObject({ team: { id: BETA.teamId }, bot: { token: BETA.botToken, userId: BETA.botUserId } });
        // Every table, every column, as the database prints it.
        const dump = await database.query<{ row: string }>('SELECT row_to_json(t)::text AS row FROM slack_installations t');
        for (const secret of SECRETS) expect(dump.rows.map((r) => r.row).join('\n')).not.toContain(secret);
      });
      if (backend.name === 'embedded') {
        const files = filesUnder(store.dataDir);
        // The scan reads the rows as stored: the workspace id, kept in plain text, is found.
        expect(files.some(({ bytes }) => bytes.includes(Buffer.from(`team:${BETA.teamId}`)))).toBe(true);
        for (const { path, bytes } of files) {
          for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret)), `${secret} in ${path}`).toBe(false);
        }
      }
      await start();
      expect((await dm(BETA)).token).toBe(BETA.botToken);
    }, 120_000);

    it('deletes a workspace whose bot token was revoked', async () => {
      const revoked = { type: 'tokens_revoked', tokens: { bot: [BETA.botUserId] }, event_ts: '1700000400.000001' };
      expect((await send(eventCallback(revoked, BETA))).status).toBe(200);
      await app.waitForLog((line) => line.msg === 'installation and its tokens deleted' && line.team === BETA.teamId);
      await stop();
      await inspect(async (database) => {
        expect((await database.query('SELECT owner FROM slack_installations')).rows).toEqual([]);
      });
    }, 60_000);

    it('never wrote a token or a secret to its log', () => {
      const written = output.join('\n');
      expect(written).toContain('srm-bot installed');
      for (const secret of SECRETS) expect(written).not.toContain(secret);
      expect(written).not.toMatch(/xoxb-\d/);
    });
  });
});
