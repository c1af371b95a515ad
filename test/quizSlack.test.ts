import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS, checkBlockKitLimits, parseButtonPayload, renderAnswer, type SlackMessage } from '../src/cards/index.js';
import { openEngine } from '../src/engine/index.js';
import { openKnowledge, parseCardKey } from '../src/knowledge/index.js';
import { parseQuizChoice } from '../src/quiz/index.js';
import { startApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type RunningApp } from './support/appProcess.js';
import { findElement, interactiveElements, type Interactive } from './support/blocks.js';
import { FakeSlack } from './support/fakeSlack.js';
import { blockAction, sendToApp, slashCommand } from './support/slackRequests.js';

/** `/srm quiz` through signed requests against the built app, as Slack sends them. */

const kb = openKnowledge();
const engine = openEngine(kb);
const question = (id: string) => kb.quiz.find((q) => q.id === id)!;

let fake: FakeSlack;
let app: RunningApp;
let counter = 0;
const newResponseId = () => `q${++counter}`;
const startQuizApp = () => startApp({ env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl } });

async function slash(text: string) {
  const response = await sendToApp(app.baseUrl, slashCommand(text, { responseUrl: fake.responseUrl(newResponseId()) }), { secret: TEST_SIGNING_SECRET });
  expect(response.status).toBe(200);
  return response.json() as SlackMessage & { response_type: string };
}

/** Clicks `button` the way Slack posts it and returns what the app sent to the click's response_url. */
async function click(button: Interactive, options: { ephemeral?: boolean; user?: string } = {}) {
  const responseId = newResponseId();
  const response = await sendToApp(
    app.baseUrl,
    blockAction({
      actionId: button.action_id,
      value: button.value!,
      responseUrl: fake.responseUrl(responseId),
      ephemeral: options.ephemeral ?? true,
      ...options,
    }),
    { secret: TEST_SIGNING_SECRET },
  );
  expect(response.status).toBe(200);
  return fake.waitForResponse(responseId) as Promise<SlackMessage & { response_type: string; replace_original: boolean }>;
}

const answerButtons = (message: SlackMessage) => interactiveElements(message.blocks).filter((e) => e.action_id.startsWith(ACTION_IDS.quizAnswer));
const shownQuestion = (message: SlackMessage) => question(parseQuizChoice(answerButtons(message)[0]!.value)!.id);
/** The text Slack shows outside the buttons: headers, sections, context lines. */
const visible = (message: SlackMessage): string => texts(message.blocks.filter((b) => b.type !== 'actions'));
const texts = (value: unknown): string =>
  typeof value !== 'object' || value === null
    ? ''
    : Object.entries(value)
        .map(([key, inner]) => (key === 'text' && typeof inner === 'string' ? inner : texts(inner)))
        .filter(Boolean)
        .join('\n');

beforeAll(async () => {
  fake = await FakeSlack.start();
  app = await startQuizApp();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

beforeEach(() => fake.reset());

afterEach(() => {
  for (const { body } of fake.responses.filter((p) => Array.isArray(p.body.blocks))) {
    expect(checkBlockKitLimits(body as SlackMessage, 'message')).toEqual([]);
  }
});

describe('/srm quiz', () => {
  it('asks a question from the knowledge base privately, with one answer button per choice, and calls nothing else', async () => {
    const message = await slash('quiz');
    expect(message.response_type).toBe('ephemeral');
    const asked = shownQuestion(message);
    expect(answerButtons(message).map((b) => (b as Interactive & { text: { text: string } }).text.text)).toEqual(asked.choices);
    expect(visible(message)).toContain(asked.question.replace(/&/g, '&amp;'));
    expect(checkBlockKitLimits(message)).toEqual([]);
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    const line = await app.waitForLog((l) => l.msg === 'request' && l.match === `quiz ${asked.id}`);
    expect(line.type).toBe('command /srm');
  });

  it('reveals a wrong answer to the clicker in place of the question: the right answer, why, and the card', async () => {
    const message = await slash('quiz');
    const asked = shownQuestion(message);
    const wrong = answerButtons(message).find((b) => parseQuizChoice(b.value)!.chosen !== asked.answer)!;
    const result = await click(wrong);
    expect(result).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(visible(result)).toContain('Not quite');
    expect(visible(result)).toContain('your answer');
    expect(result.text).toContain('The answer is');
    expect(visible(result)).toContain('Why:');

    const cardButton = findElement(result.blocks, (e) => e.action_id.startsWith(ACTION_IDS.open));
    expect(parseButtonPayload(cardButton.value)).toEqual({ k: asked.card });
    const card = await click(cardButton);
    const expected = renderAnswer(kb, engine.answerFor(parseCardKey(asked.card)!)!, { surface: 'ephemeral' });
    expect(card).toEqual({ response_type: 'ephemeral', replace_original: true, ...expected });
  });

  it('says "Right!" for the right answer, the same on a second click and after a restart (nothing is kept between clicks)', async () => {
    const message = await slash('quiz');
    const asked = shownQuestion(message);
    const right = answerButtons(message).find((b) => parseQuizChoice(b.value)!.chosen === asked.answer)!;
    const first = await click(right);
    expect(visible(first)).toContain('Right!');
    expect(await click(right)).toEqual(first);

    await app.stop();
    app = await startQuizApp();
    expect(await click(right)).toEqual(first);
    await app.waitForLog((l) => l.msg === 'request' && l.match === `quiz ${asked.id} right`);
  });

  it('answers under a message others see with a private message of its own, leaving the question in place', async () => {
    const message = await slash('quiz');
    const result = await click(answerButtons(message)[0]!, { ephemeral: false, user: 'U0PLAYER' });
    expect(result).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('"Ask the channel" posts the question for everyone and removes the private one; each player sees only their own result', async () => {
    const message = await slash('quiz');
    const asked = shownQuestion(message);
    const removed = await click(findElement(message.blocks, (e) => e.action_id === ACTION_IDS.quizShare));
    expect(removed).toEqual({ delete_original: true });
    const post = await fake.waitForCall('chat.postMessage');
    expect(post.args.channel).toBe('C0GENERAL');
    const shared = post.args as SlackMessage;
    expect(shownQuestion(shared).id).toBe(asked.id);
    expect(visible(shared)).toContain('Shared by <@U0ASKER>');
    expect(interactiveElements(shared.blocks).map((e) => e.action_id)).not.toContain(ACTION_IDS.quizShare);

    const right = answerButtons(shared).find((b) => parseQuizChoice(b.value)!.chosen === asked.answer)!;
    const wrong = answerButtons(shared).find((b) => parseQuizChoice(b.value)!.chosen !== asked.answer)!;
    const [alice, bob] = await Promise.all([click(right, { ephemeral: false, user: 'U0ALICE' }), click(wrong, { ephemeral: false, user: 'U0BOB' })]);
    expect(alice).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(bob).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visible(alice)).toContain('Right!');
    expect(visible(bob)).toContain('Not quite');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('"Ask the channel" where the bot may not post explains why and keeps the private question', async () => {
    const message = await slash('quiz');
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const explained = await click(findElement(message.blocks, (e) => e.action_id === ACTION_IDS.quizShare));
    expect(explained).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(explained.text).toContain('/invite @srm-bot');
  });

  it('asks on a subject when one is named, and says so when it has none on it', async () => {
    for (let i = 0; i < 4; i += 1) expect(shownQuestion(await slash('quiz s3 encryption')).card).toBe('s3.encryption');
    expect(shownQuestion(await slash('quiz RDS')).card.split('.')[0]).toBe('rds');

    const offSubject = await slash('quiz <!channel> pizza');
    expect(visible(offSubject)).toContain('I have no question on');
    expect(visible(offSubject)).toContain('pizza');
    expect(JSON.stringify(offSubject)).not.toContain('<!channel>');
  });

  it('"Next question" asks another question on the same subject as a new private message', async () => {
    const message = await slash('quiz iam');
    const asked = shownQuestion(message);
    const result = await click(answerButtons(message)[0]!);
    const next = await click(findElement(result.blocks, (e) => e.action_id === ACTION_IDS.quizNext));
    expect(next).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const nextQuestion = shownQuestion(next);
    expect(nextQuestion.id).not.toBe(asked.id);
    expect(nextQuestion.card.split('.')[0]).toBe('iam');
  });

  it('handles buttons it cannot score: a retired question gets a new one, a forged value a helpful reply', async () => {
    const retired = await click({ type: 'button', action_id: `${ACTION_IDS.quizAnswer}:0`, value: JSON.stringify({ qz: 'no-such-question', c: 0, v: 'x' }) });
    expect(visible(retired)).toContain('retired');
    expect(answerButtons(retired).length).toBeGreaterThan(1);

    const forged = await click({ type: 'button', action_id: `${ACTION_IDS.quizAnswer}:1`, value: '{"k":"s3"}' });
    expect(forged).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(forged.text).toContain('/srm quiz');

    const edited = await click({
      type: 'button',
      action_id: `${ACTION_IDS.quizAnswer}:0`,
      value: JSON.stringify({ qz: kb.quiz[0]!.id, c: 0, v: 'old-version' }),
    });
    expect(visible(edited)).toContain("can't be scored");
    expect(edited.text).toContain('The customer');
  });
});
