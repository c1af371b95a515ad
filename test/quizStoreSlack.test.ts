import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, type SlackMessage } from '../src/cards/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { parseQuizChoice } from '../src/quiz/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type RunningApp } from './support/appProcess.js';
import { interactiveElements } from './support/blocks.js';
import { freshDataDir } from './support/dataDir.js';
import { FakeSlack } from './support/fakeSlack.js';
import { blockAction, sendToApp, slashCommand } from './support/slackRequests.js';

/**
 * Quiz answers kept by the running app on its embedded store, through signed requests as Slack sends them: a
 * click sent twice counts once, `/srm stats` shows it, and it is still there after a restart.
 */

const kb = loadKnowledge();
let fake: FakeSlack;
let app: RunningApp;
let dataDir: string;
let counter = 0;
const newResponseId = () => {
  counter += 1;
  return `s${counter}`;
};
const startStoreApp = () =>
  startApp({ env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, DATA_DIR: dataDir } });

async function send(request: ReturnType<typeof slashCommand>) {
  const response = await sendToApp(app.baseUrl, request, { secret: TEST_SIGNING_SECRET });
  expect(response.status).toBe(200);
  return response;
}

/** `/srm stats` as U0ASKER: the ack is empty, the stats arrive at the response_url. */
async function stats() {
  const responseId = newResponseId();
  const ack = await send(slashCommand('stats', { responseUrl: fake.responseUrl(responseId) }));
  expect(ack.text).toBe('');
  return fake.waitForResponse(responseId) as Promise<SlackMessage & { response_type: string }>;
}

const statsText = (message: SlackMessage) => JSON.stringify(message.blocks);

beforeAll(async () => {
  fake = await FakeSlack.start();
  dataDir = await freshDataDir();
  app = await startStoreApp();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('quiz answers in the running app', () => {
  it('records a click sent twice once, and /srm stats shows it privately; it survives a restart', async () => {
    const empty = await stats();
    expect(empty.response_type).toBe('ephemeral');
    expect(statsText(empty)).toContain('0 of 0 answers right');

    const question = await send(slashCommand('quiz', { responseUrl: fake.responseUrl(newResponseId()) }));
    const buttons = interactiveElements((question.json() as SlackMessage).blocks).filter((e) => e.action_id.startsWith(ACTION_IDS.quizAnswer));
    const asked = kb.quiz.find((q) => q.id === parseQuizChoice(buttons[0]!.value)!.id)!;
    const right = buttons.find((b) => parseQuizChoice(b.value)!.chosen === asked.answer)!;
    // The same click delivered twice, as a double click or Slack's retry sends it.
    const clickRequest = blockAction({ actionId: right.action_id, value: right.value!, responseUrl: fake.responseUrl(newResponseId()), ephemeral: true });
    await send(clickRequest);
    await send(clickRequest);
    await app.waitForLog((line) => line.msg === 'request' && line.recorded === 'duplicate');
    expect(
      app
        .logs()
        .filter((line) => line.msg === 'request' && line.recorded !== undefined)
        .map((line) => line.recorded),
    ).toEqual(['recorded', 'duplicate']);

    const after = await stats();
    expect(statsText(after)).toContain('1 of 1 answer right (100%)');
    expect(statsText(after)).toContain('1 day* in a row');
    expect(statsText(after)).toContain('1 person answered 1 question');

    await app.stop();
    app = await startStoreApp();
    expect(statsText(await stats())).toContain('1 of 1 answer right (100%)');
    // Two starts of the app, each opening its database.
  }, 60_000);

  it('stops the start with a message naming DATA_DIR when another process holds the embedded store', async () => {
    const second = await startApp({
      env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, DATA_DIR: dataDir },
      waitReady: false,
    });
    expect((await second.exited).code).toBe(1);
    expect(second.stderr()).toContain(`srm-bot cannot start: the quiz store at DATA_DIR=${dataDir}`);
    expect(second.stderr()).toContain('is in use by another srm-bot process');
  });
});
