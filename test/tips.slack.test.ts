import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, checkBlockKitLimits, renderAnswer, renderHome, renderTip, tipCardKey, type SlackMessage } from '../src/cards/index.js';
import { openEngine } from '../src/engine/index.js';
import { openKnowledge, parseCardKey } from '../src/knowledge/index.js';
import { createRotation, parseTipDays, TIP_EVENT_TYPE } from '../src/tips/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type RunningApp } from './support/appProcess.js';
import { findElement } from './support/blocks.js';
import { FakeSlack } from './support/fakeSlack.js';
import { blockAction, eventCallback, sendToApp, slashCommand, type SlackRequest } from './support/slackRequests.js';

/*
 * The built app as it runs in production, with the in-process schedule on: TIP_TIME 00:00 every day, so
 * today's time has always passed and the start itself is the catch-up of a missed post.
 */

const kb = openKnowledge();
const engine = openEngine(kb);
const rotation = createRotation(kb.tips, parseTipDays('daily') as number[]);
const TIP_ENV = { TIP_CHANNELS: 'C0TIPSONE,C0ARCHIVED,C0TIPSTWO', TIP_TIME: '00:00', TIP_DAYS: 'daily', TIP_TIMEZONE: 'Etc/UTC' };

let fake: FakeSlack;
let app: RunningApp;

const today = () => new Date().toISOString().slice(0, 10);
const env = () => ({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ...TIP_ENV });
const send = (request: SlackRequest) => sendToApp(app.baseUrl, request, { secret: TEST_SIGNING_SECRET });

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.setChannel('C0ARCHIVED', 'is_archived');
  app = await startApp({ env: env() });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('daily tips in the running app', () => {
  it("posts today's tip at start when its time has passed, to each channel it can, and logs the one it cannot", async () => {
    await app.waitForLog((line) => line.msg === 'daily tip posted' && line.channel === 'C0TIPSTWO');
    for (const channel of ['C0TIPSONE', 'C0TIPSTWO']) {
      const [post, ...more] = fake.messagesIn(channel);
      expect(more).toEqual([]);
      expect(post).toMatchObject({
        ...renderTip(kb, rotation.tipOn(today())!.tip, today()),
        metadata: { event_type: TIP_EVENT_TYPE, event_payload: { date: today(), tip: rotation.tipOn(today())!.tip.id } },
      });
      expect(checkBlockKitLimits(post as SlackMessage, 'message')).toEqual([]);
    }
    expect(app.logs().find((line) => line.msg === 'daily tip not posted')).toMatchObject({ level: 40, channel: 'C0ARCHIVED', reason: 'is_archived' });
  });

  it('restarted, finds the posts and posts nothing again', async () => {
    const stopped = await app.stop();
    expect(stopped.code).toBe(0);
    app = await startApp({ env: env() });
    await app.waitForLog((line) => line.msg === 'daily tip already there' && line.channel === 'C0TIPSTWO');
    expect(fake.messagesIn('C0TIPSONE')).toHaveLength(1);
    expect(fake.messagesIn('C0TIPSTWO')).toHaveLength(1);
  });

  it("`/srm tip` shows today's tip to the asker, and Learn more opens its card", async () => {
    const response = await send(slashCommand('tip', { responseUrl: fake.responseUrl('tip') }));
    expect(response.status).toBe(200);
    const tip = rotation.tipOn(today())!.tip;
    const message = response.json() as SlackMessage & { response_type: string };
    expect(message).toEqual({ response_type: 'ephemeral', ...renderTip(kb, tip, today()) });

    const button = findElement(message.blocks, (e) => e.type === 'button' && e.action_id.startsWith(ACTION_IDS.learnMore));
    await send(blockAction({ actionId: button.action_id, value: button.value!, responseUrl: fake.responseUrl('learn'), ephemeral: true }));
    const card = await fake.waitForResponse('learn');
    expect(card.text).toBe(renderAnswer(kb, engine.answerFor(parseCardKey(tipCardKey(tip))!)!, { surface: 'ephemeral' }).text);
  });

  it("`/srm tip for s3` shows a tip about S3, and `/srm tip for <nonsense>` today's tip", async () => {
    const about = await send(slashCommand('tip for s3', { responseUrl: fake.responseUrl('tip-s3') }));
    const s3Tip = kb.tips.find((tip) => (about.json() as SlackMessage).text.includes(tip.title));
    expect(s3Tip?.service).toBe('s3');
    const fallback = await send(slashCommand('tip for the office plants', { responseUrl: fake.responseUrl('tip-x') }));
    expect(fallback.json()).toEqual({ response_type: 'ephemeral', ...renderTip(kb, rotation.tipOn(today())!.tip, today()) });
  });

  it('`/srm tips here` and `/srm leaderboard off` say the channels are set in the settings, and change nothing', async () => {
    const posts = fake.callsTo('chat.postMessage').length;
    for (const [text, setting] of [
      ['tips here', 'TIP_CHANNELS'],
      ['leaderboard off', 'LEADERBOARD_CHANNELS'],
    ] as const) {
      expect((await send(slashCommand(text, { responseUrl: fake.responseUrl(setting), channel: 'C0NEWTIPS' }))).status).toBe(200);
      const reply = await fake.waitForResponse(setting);
      expect(reply).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringContaining(`set in srm-bot's settings (\`${setting}\`), not with \`/srm\``),
      });
      expect(reply.text).toContain('C0NEWTIPS');
    }
    expect(fake.callsTo('chat.postMessage')).toHaveLength(posts);
  });

  it("App Home shows today's tip", async () => {
    await send(eventCallback({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0ASKER', tab: 'home', event_ts: '1700000600.000001' }));
    const published = await fake.waitForCall('views.publish');
    expect(published.args.view).toEqual(renderHome(kb, rotation.tipOn(today())!.tip));
  });
});

describe('tip settings', () => {
  it('stop the start with a message naming each invalid variable', async () => {
    const bad = await startApp({
      env: { ...env(), TIP_CHANNELS: '#security', TIP_TIME: '9am', TIP_TIMEZONE: 'Central European', TIP_DAYS: 'mon-funday' },
      waitReady: false,
    });
    const { code } = await bad.exited;
    expect(code).toBe(1);
    for (const variable of ['TIP_CHANNELS', 'TIP_TIME', 'TIP_TIMEZONE', 'TIP_DAYS']) expect(bad.stderr()).toContain(`${variable}: `);
    expect(bad.stderr()).toContain('must be an IANA time zone such as Europe/Berlin');
  });
});
