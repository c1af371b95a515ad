import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreSettings } from '../src/config.js';
import { LEADERBOARD_EVENT_TYPE } from '../src/leaderboard/index.js';
import { TIP_EVENT_TYPE } from '../src/tips/index.js';
import { startApp, TEST_SIGNING_SECRET, waitUntilReady, type RunningApp } from './support/appProcess.js';
import { runSrm } from './support/cli.js';
import { FakeSlack, type Workspace } from './support/fakeSlack.js';
import { eventCallback, sendToApp, slashCommand, type SlackRequest } from './support/slackRequests.js';
import { withDatabase } from './support/database.js';
import { storeBackends } from './support/stores.js';

/*
 * Issue 15, item 5: in OAuth mode each workspace subscribes its own channels to the daily tip and the weekly
 * leaderboard (`/srm tips here`), and the schedule posts there with that workspace's token. TIP_TIME 00:00 every
 * day and LEADERBOARD_DAY today: today's time has always passed, so each start is a scheduled run (the catch-up).
 */

const KEY = randomBytes(32);
const CLIENT_ID = '1111111111.2222222222';
const ALPHA: Workspace = { teamId: 'T0ALPHA', teamName: 'Alpha', botToken: 'xoxb-111-alpha-only-in-memory', botUserId: 'U0BOTALPHA', botId: 'B0ALPHA' };
const BETA: Workspace = { teamId: 'T0BETA', teamName: 'Beta', botToken: 'xoxb-222-beta-only-in-memory', botUserId: 'U0BOTBETA', botId: 'B0BETA' };
const TODAY = () => new Date().toISOString().slice(0, 10);
const WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date().getUTCDay()]!;

const oauthEnv = (fake: FakeSlack, store: StoreSettings) => ({
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: 'c0ffee'.repeat(6),
  SLACK_STATE_SECRET: randomBytes(24).toString('base64'),
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  TOKEN_ENCRYPTION_KEY: KEY.toString('base64'),
  SLACK_API_URL: fake.apiUrl,
  DATABASE_URL: store.databaseUrl ?? '',
  DATA_DIR: store.dataDir,
  TIP_TIME: '00:00',
  TIP_DAYS: 'daily',
  TIP_TIMEZONE: 'Etc/UTC',
  LEADERBOARD_DAY: WEEKDAY,
  LEADERBOARD_TIME: '00:00',
});

describe.each(storeBackends())('channels subscribed per workspace (OAuth) on $name', (backend) => {
  let fake: FakeSlack;
  let store: StoreSettings;
  let app: RunningApp;
  let env: Record<string, string>;
  let replies = 0;

  const start = async () => {
    app = await startApp({ env, waitReady: false });
    await waitUntilReady(app, 60_000);
  };
  const send = (request: SlackRequest) => sendToApp(app.baseUrl, request, { secret: TEST_SIGNING_SECRET });

  /** `/srm <text>` in `channel` of `workspace`: the ephemeral reply's text, sent to the response_url. */
  async function srm(text: string, workspace: Workspace, channel: string): Promise<string> {
    const id = `srm-${++replies}`;
    expect((await send(slashCommand(text, { responseUrl: fake.responseUrl(id), team: workspace.teamId, channel }))).status).toBe(200);
    const reply = await fake.waitForResponse(id);
    expect(reply.response_type).toBe('ephemeral');
    return reply.text as string;
  }

  async function install(workspace: Workspace, code: string) {
    const started = await fetch(`${app.baseUrl}/slack/install`, { redirect: 'manual' });
    const state = new URL(started.headers.get('location')!).searchParams.get('state')!;
    const cookie = started.headers
      .getSetCookie()
      .find((line) => line.includes(state))!
      .split(';')[0]!;
    fake.approveInstall(code, workspace);
    const back = await fetch(`${app.baseUrl}/slack/oauth_redirect?${new URLSearchParams({ code, state })}`, { headers: { cookie } });
    expect(back.status).toBe(200);
  }

  /** The posts to `channel` and the token each was made with. */
  const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel && call.outcome === 'ok');

  const subscriptions = () =>
    withDatabase(store, async (database) => {
      const { rows } = await database.query<{ owner: string; team_id: string; channel_id: string; post: string }>(
        'SELECT owner, team_id, channel_id, post FROM channel_subscriptions ORDER BY owner, channel_id, post',
      );
      return rows.map((row) => `${row.owner} ${row.team_id} ${row.channel_id} ${row.post}`);
    });

  describe.skipIf(backend.missing !== null)('', () => {
    beforeAll(async () => {
      fake = await FakeSlack.start();
      store = await backend.settings();
      env = oauthEnv(fake, store);
      await start();
    }, 90_000);

    afterAll(async () => {
      if (app.child.exitCode === null) await app.stop();
      await fake?.close();
    });

    it('lets each workspace subscribe a channel with `/srm tips here`, in channels only, and `/srm tips off` undo it', async () => {
      await install(ALPHA, 'code-alpha');
      await install(BETA, 'code-beta');

      const here = await srm('tips here', ALPHA, 'C0ALPHATIPS');
      expect(here).toMatch(/^This channel now gets the daily security tip: posted at 00:00 \(UTC\) every day, starting at the next one\./);
      expect(here).toContain('`/invite @srm-bot`');
      expect(await srm('tips here', ALPHA, 'C0ALPHATIPS')).toMatch(/^This channel already gets the daily security tip/);
      expect(await srm('tips here', BETA, 'C0BETATIPS')).toMatch(/^This channel now gets/);
      expect(await srm('tips here', BETA, 'C0BETAOFF')).toMatch(/^This channel now gets/);
      expect(await srm('tips off', BETA, 'C0BETAOFF')).toMatch(/^This channel no longer gets the daily security tip/);
      expect(await srm('tips off', BETA, 'C0BETAOFF')).toMatch(/^This channel does not get the daily security tip: nothing to stop/);
      expect(await srm('leaderboard here', ALPHA, 'C0ALPHABOARD')).toMatch(
        new RegExp(`^This channel now gets the weekly quiz leaderboard: posted at 00:00 \\(UTC\\) every ${WEEKDAY}`),
      );
      expect(await srm('tips here', ALPHA, 'D0ALPHADM')).toMatch(/is posted in channels, not in direct messages: run `\/srm tips here` in the channel/);
      // No scheduled run since: the catch-up at start found nothing subscribed.
      expect(fake.callsTo('chat.postMessage')).toEqual([]);
    }, 30_000);

    it("posts at the tip time one tip in each subscribed channel, with that workspace's token, and the leaderboard", async () => {
      await app.stop();
      await start();
      await app.waitForLog((line) => line.msg === 'daily tip posted' && line.channel === 'C0BETATIPS', 20_000);
      await app.waitForLog((line) => line.msg === 'quiz leaderboard posted' && line.channel === 'C0ALPHABOARD', 20_000);
      for (const [channel, workspace] of [
        ['C0ALPHATIPS', ALPHA],
        ['C0BETATIPS', BETA],
      ] as const) {
        expect(postsTo(channel).map((call) => call.token)).toEqual([workspace.botToken]);
        const [post, ...more] = fake.messagesIn(channel);
        expect(more).toEqual([]);
        expect(post).toMatchObject({ bot_id: workspace.botId, metadata: { event_type: TIP_EVENT_TYPE, event_payload: { date: TODAY() } } });
      }
      expect(postsTo('C0ALPHABOARD').map((call) => call.token)).toEqual([ALPHA.botToken]);
      expect(fake.messagesIn('C0ALPHABOARD')).toEqual([expect.objectContaining({ metadata: expect.objectContaining({ event_type: LEADERBOARD_EVENT_TYPE }) })]);
      expect(fake.messagesIn('C0BETAOFF')).toEqual([]);
    }, 90_000);

    it('posts nothing twice on the next run', async () => {
      await app.stop();
      await start();
      await app.waitForLog((line) => line.msg === 'daily tip already there' && line.channel === 'C0BETATIPS', 20_000);
      await app.waitForLog((line) => line.msg === 'quiz leaderboard already there' && line.channel === 'C0ALPHABOARD', 20_000);
      await app.waitForLog((line) => line.msg === 'daily tip already there' && line.channel === 'C0ALPHATIPS', 20_000);
      for (const channel of ['C0ALPHATIPS', 'C0BETATIPS', 'C0ALPHABOARD']) expect(postsTo(channel)).toHaveLength(1);
    }, 90_000);

    it("`srm evidence --workspace` lists the tips of that workspace's subscribed channels, read with its token", async () => {
      await app.stop();
      const run = await runSrm(['evidence', '--from', TODAY(), '--to', TODAY(), '--format', 'json', '--workspace', BETA.teamId], {
        TOKEN_ENCRYPTION_KEY: KEY.toString('base64'),
        SLACK_API_URL: fake.apiUrl,
        DATABASE_URL: store.databaseUrl ?? '',
        DATA_DIR: store.dataDir,
        TIP_TIMEZONE: 'Etc/UTC',
      });
      expect(run.stderr).not.toContain(BETA.botToken);
      expect(run.code).toBe(0);
      const { tips } = JSON.parse(run.stdout) as { tips: { workspace: string; channels: Array<{ channel: string; posted: unknown[] }> } };
      expect(tips.workspace).toBe(BETA.teamId);
      expect(tips.channels).toEqual([{ channel: 'C0BETATIPS', posted: [expect.objectContaining({ date: TODAY() })] }]);
      const reads = fake.callsTo('conversations.history').filter((call) => call.args.channel === 'C0BETATIPS');
      expect(reads.at(-1)?.token).toBe(BETA.botToken);
      await start();
    }, 90_000);

    it("deletes an uninstalled workspace's subscriptions with its installation", async () => {
      expect((await send(eventCallback({ type: 'app_uninstalled', event_ts: '1700000300.000001' }, ALPHA))).status).toBe(200);
      await app.waitForLog((line) => line.msg === 'installation and its tokens deleted' && line.team === ALPHA.teamId);
      await app.stop();
      expect(await subscriptions()).toEqual([`team:${BETA.teamId} ${BETA.teamId} C0BETATIPS tip`]);
    }, 60_000);
  });
});
