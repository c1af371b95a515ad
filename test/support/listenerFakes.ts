import { vi } from 'vitest';
import { cardShownBy, createAnswers, type ThreadMessage } from '../../src/answers/index.js';
import type { SlackMessage } from '../../src/cards/index.js';
import { openEngine } from '../../src/engine/index.js';
import { formatCardKey, openKnowledge } from '../../src/knowledge/index.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import type { QuizAnswer, QuizStats, RecordOutcome } from '../../src/store/index.js';
import { captureLog } from './logCapture.js';

/*
 * Fakes for one listener at a time, in the manner of Slack's bolt-ts starter template: the listener is called
 * with fake `ack`, `respond`, `say` and `client` (vi.fn), and a test reads what they were called with. The domain
 * underneath is the real one: the knowledge, the engine and the answers layer.
 */

export const kb = openKnowledge();
export const engine = openEngine(kb);
export const TODAYS_TIP = { tip: kb.tips.find((t) => t.service === null) ?? kb.tips[0]!, date: '2026-12-04' };
export const BOT = { botId: 'B0SRMBOT', botUserId: 'U0SRMBOT' };
export const FINDINGS_CHANNEL = 'C0FINDINGS';

/** The deps main.ts passes, over the real knowledge; feedback reports are recorded, log lines captured. */
export function fakeDeps(overrides: Partial<SlackDeps> = {}) {
  const { log, lines } = captureLog();
  const feedback = { report: vi.fn(async () => {}) };
  const deps: SlackDeps = {
    answers: createAnswers({ kb, engine, todaysTip: () => TODAYS_TIP }),
    log,
    feedback,
    findingChannels: new Set([FINDINGS_CHANNEL]),
    ...overrides,
  };
  return { deps, feedback, logLines: lines };
}

export interface ClientOptions {
  /** conversations.replies' messages (a thread read back). */
  thread?: Record<string, unknown>[];
  /** Slack's error for chat.postMessage, when it refuses. */
  postFails?: string;
}

const platformError = (code: string) =>
  Object.assign(new Error(`An API error occurred: ${code}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: code } });

/** The Web API methods listeners call, each a vi.fn. */
export function fakeClient({ thread = [], postFails }: ClientOptions = {}) {
  return {
    chat: {
      postMessage: vi.fn(async (_message: Record<string, unknown>) => {
        if (postFails) throw platformError(postFails);
        return { ok: true, ts: '1700000000.000900' };
      }),
      delete: vi.fn(async (_message: Record<string, unknown>) => ({ ok: true })),
    },
    conversations: { replies: vi.fn(async (_request: Record<string, unknown>) => ({ ok: true, messages: thread, has_more: false })) },
    views: { publish: vi.fn(async (_request: Record<string, unknown>) => ({ ok: true })) },
  };
}

/** What every listener gets besides its payload: ack, respond, say, client and the request's context. */
export function boltArgs(client = fakeClient()) {
  return {
    ack: vi.fn(async (_response?: unknown) => {}),
    respond: vi.fn(async (_message: Record<string, unknown>) => {}),
    say: vi.fn(async (_message: unknown) => {}),
    client,
    context: { ...BOT } as Record<string, unknown>,
  };
}

export interface Click {
  actionId: string;
  value?: string | undefined;
  /** A click on an ephemeral message (only the clicker sees it). */
  ephemeral?: boolean;
  /** A click in a view (App Home): no channel, no response_url. */
  inView?: boolean;
  threadTs?: string;
  client?: ReturnType<typeof fakeClient>;
}

/** A block_actions click on a button of ours, as Bolt hands it to an action listener. */
export function clickArgs({ actionId, value, ephemeral = false, inView = false, threadTs, client }: Click) {
  return {
    ...boltArgs(client),
    body: {
      type: 'block_actions',
      user: { id: 'U0CLICKER', team_id: 'T0TEST' },
      team: { id: 'T0TEST' },
      ...(!inView && { channel: { id: 'C0GENERAL' } }),
      container: inView
        ? { type: 'view', view_id: 'V0HOME' }
        : { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: ephemeral, ...(threadTs && { thread_ts: threadTs }) },
    },
    action: { type: 'button', action_id: actionId, value },
  };
}

/** The first argument of the first call of a fake. */
export const firstCall = (fake: { mock: { calls: unknown[][] } }): any => fake.mock.calls[0]?.[0];

/** The card key a message of the bot shows ("s3.encryption"), read as the answers layer reads a thread; null for none. */
export function cardShown(message: SlackMessage | Record<string, unknown>): string | null {
  const key = cardShownBy({ ...message, bot_id: BOT.botId } as ThreadMessage, BOT);
  return key && formatCardKey(key);
}

/** A quiz store in memory that keeps what it is asked to record; `fails` makes every call reject. */
export function fakeRecords({ fails = false }: { fails?: boolean } = {}) {
  const recorded: QuizAnswer[] = [];
  const records = {
    recorded,
    record: vi.fn(async (answer: QuizAnswer): Promise<RecordOutcome> => {
      if (fails) throw new Error('database on fire');
      const seen = recorded.some(
        (r) => r.workspace === answer.workspace && r.user === answer.user && r.question === answer.question && r.attempt === answer.attempt,
      );
      if (!seen) recorded.push(answer);
      return seen ? 'duplicate' : 'recorded';
    }),
    stats: vi.fn(async (workspace: string, user: string): Promise<QuizStats | null> => {
      if (fails) return null;
      const mine = recorded.filter((r) => r.workspace === workspace && r.user === user);
      return {
        answered: mine.length,
        correct: mine.filter((r) => r.correct).length,
        streak: { unit: 'day', current: mine.length > 0 ? 1 : 0, longest: mine.length > 0 ? 1 : 0 },
        team: {
          since: '2026-11-07',
          people: new Set(recorded.map((r) => r.user)).size,
          answers: recorded.length,
          correct: recorded.filter((r) => r.correct).length,
        },
      };
    }),
  };
  return records;
}

/** fakeDeps whose answers layer records quiz answers in `records`. */
export function fakeDepsWithRecords(records: ReturnType<typeof fakeRecords>) {
  return fakeDeps({ answers: createAnswers({ kb, engine, todaysTip: () => TODAYS_TIP, records }) });
}
