import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer, renderForTerminal } from '../src/cards/index.js';
import { CONNECT_HINT } from '../src/cli/console.js';
import { openEngine } from '../src/engine/index.js';
import { openKnowledge } from '../src/knowledge/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from './support/appProcess.js';
import { BOT_USER_ID, FakeSlack } from './support/fakeSlack.js';
import { eventCallback, sendToApp } from './support/slackRequests.js';

let fake: FakeSlack;
const httpEnv = () => ({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });

beforeAll(async () => {
  fake = await FakeSlack.start();
});
afterAll(async () => {
  await fake?.close();
});

describe('npm start in HTTP mode', () => {
  it('SIGTERM stops taking requests, finishes the running one and exits 0', async () => {
    const app = await startApp({ via: 'npm', env: httpEnv() });
    // The reply is slow to land: the app has acked Slack, and is still working when the signal arrives.
    fake.failNext('chat.postMessage', { delayMs: 1_500 });
    const mention = eventCallback({
      type: 'app_mention',
      user: 'U0ASKER',
      text: `<@${BOT_USER_ID}> who patches ec2`,
      ts: '1700000700.000001',
      channel: 'C0GENERAL',
      event_ts: '1700000700.000001',
    });
    expect((await sendToApp(app.baseUrl, mention, { secret: TEST_SIGNING_SECRET })).status).toBe(200);
    await fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === '1700000700.000001');

    const exit = app.stop('SIGTERM');
    await app.waitForLog((line) => line.msg?.startsWith('shutting down'));
    await expect(fetch(`${app.baseUrl}/healthz`)).rejects.toThrow();

    expect(await exit).toEqual({ code: 0, signal: null });
    const request = app.logs().find((line) => line.msg === 'request' && line.type === 'event app_mention');
    expect(request).toMatchObject({ match: 'ec2.patching', channel: 'C0GENERAL' });
    expect(app.logs().at(-1)).toMatchObject({ msg: 'stopped', drained: true });
  });

  it('SIGINT (Ctrl-C) stops it cleanly too', async () => {
    const app = await startApp({ env: httpEnv() });
    expect(await app.stop('SIGINT')).toEqual({ code: 0, signal: null });
  });
});

describe('npm start without Slack credentials', () => {
  it('opens the local console: answers piped questions as the terminal card and exits at end of input', async () => {
    const kb = openKnowledge();
    const engine = openEngine(kb);
    const app = await startApp({ via: 'npm', env: {}, waitReady: false, stdin: 'who patches ec2\n\ns3 encryption\n' });
    expect(await app.exited).toEqual({ code: 0, signal: null });
    const output = app.stdout();
    const [firstLine] = output.split('\n');
    expect(firstLine).toContain(CONNECT_HINT);
    for (const question of ['who patches ec2', 's3 encryption']) {
      const card = renderForTerminal(renderAnswer(kb, engine.answer(question), { surface: 'ephemeral', length: 'full' }), { color: false });
      expect(output).toContain(card);
    }
    expect(output).not.toContain('\u001b[');
    // The expected cards come from an engine learnt here (the build's stored one was learnt by the compiled code): with
    // the 6,104 labelled questions that takes ~15 s on two busy cores, before the app starts at all.
  }, 90_000);
});

describe('invalid configuration', () => {
  it.each([
    [{ SLACK_BOT_TOKEN: TEST_BOT_TOKEN }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, PORT: 'eighty' }, 'PORT'],
  ])('stops the start with a message naming the variable: %o', async (env, variable) => {
    const app = await startApp({ env, waitReady: false });
    expect((await app.exited).code).toBe(1);
    expect(app.stderr()).toMatch(new RegExp(`^srm-bot cannot start: invalid configuration:\\n  ${variable}: `));
    expect(app.stderr()).not.toContain(TEST_BOT_TOKEN);
    expect(app.stdout()).toBe('');
  });
});
