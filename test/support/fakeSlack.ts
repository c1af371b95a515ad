import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal, LocalSlackEndpoint, type LocalServer } from './localServer.js';

export const TEAM_ID = 'T0TEST';
export const BOT_USER_ID = 'U0SRMBOT';
export const BOT_ID = 'B0SRMBOT';

/** One Web API call as it reached the fake: method, arguments (JSON-encoded fields decoded) and the token used. */
export interface ApiCall {
  method: string;
  args: Record<string, any>;
  token: string | undefined;
  /** How the fake answered: 'ok', 'rate_limited' or the Slack error code it returned. */
  outcome: string;
}

/** What a response_url received. */
export interface ResponsePost {
  id: string;
  body: Record<string, any>;
}

/** How the next call(s) to a method go wrong: an HTTP 429 with Retry-After, a Slack error code, or a slow answer. */
export type Failure = { rateLimitedFor: number } | { error: string } | { delayMs: number };

/** A channel the bot cannot use, as Slack reports it to chat.postMessage and conversations.history. */
export type ChannelProblem = 'not_in_channel' | 'is_archived' | 'channel_not_found';

/** A message in a channel or a thread, as conversations.history and conversations.replies return it. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  user: string;
  /** Set on the bot's posts, absent on a person's. */
  bot_id?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** A workspace that installs the app through OAuth: the code Slack hands the installer, and what it is exchanged for. */
export interface Workspace {
  teamId: string;
  teamName: string;
  /** The bot token oauth.v2.access returns for this workspace's code. */
  botToken: string;
  botUserId: string;
  botId: string;
  /** Set for a workspace of an Enterprise Grid organization. */
  enterpriseId?: string;
}

/**
 * A message a person (or, with `bot_id`, another app) sent, which the app hears of as an event: the test tells the
 * fake so threads hold it too.
 */
export interface PersonMessage {
  channel: string;
  ts: string;
  user: string;
  text: string;
  thread_ts?: string;
  bot_id?: string;
}

/**
 * A local stand-in for Slack's Web API and response_url endpoints on 127.0.0.1. It records every call, answers
 * the way Slack does (`{ ok: true, … }` over HTTP 200), and fails on request.
 */
export class FakeSlack extends LocalSlackEndpoint<Failure> {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** What apps.connections.open returns (Socket Mode tests point it at their WebSocket server). */
  socketUrl = 'ws://127.0.0.1:9/';
  /** Slack's clock, for message timestamps: a test with a fake clock sets it to that clock. */
  now: () => number = () => Date.now();
  private readonly channelProblems = new Map<string, ChannelProblem>();
  /** Each channel's top-level messages, oldest first. */
  private readonly channels = new Map<string, StoredMessage[]>();
  /** Each thread's replies, oldest first, by `threadKey`. */
  private readonly threads = new Map<string, StoredMessage[]>();
  private readonly events = new EventEmitter();
  /** The last message timestamp handed out, in microseconds: each is later than the one before. */
  private lastTs = 0;
  /** OAuth codes not yet exchanged, and the workspace each installs. */
  private readonly codes = new Map<string, Workspace>();
  /** Bot tokens handed out by oauth.v2.access, and whose they are (auth.test answers with it). */
  private readonly tokens = new Map<string, Workspace>();

  private constructor(local: LocalServer) {
    super(local);
  }

  static async start(): Promise<FakeSlack> {
    // Requests arrive only once start() has returned, so the handler can name what it is building.
    const local = await listenLocal((request, response) => void fake.handle(request, response));
    const fake = new FakeSlack(local);
    return fake;
  }

  /** Every post to and history read of `channel` fails the way Slack fails them for this problem. */
  setChannel(channel: string, problem: ChannelProblem): void {
    this.channelProblems.set(channel, problem);
  }

  /** The channel's messages as they stand (deleted ones gone), oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    return [...(this.channels.get(channel) ?? [])];
  }

  /** Records a person's message where Slack would keep it, for conversations.history and conversations.replies. */
  personPosted({ channel, ...message }: PersonMessage): void {
    this.store(channel, { type: 'message', ...message });
  }

  /**
   * A person approved the install in `workspace`: Slack sends them back to the app with `code`, which the app
   * exchanges once (oauth.v2.access) for the workspace's bot token.
   */
  approveInstall(code: string, workspace: Workspace): void {
    this.codes.set(code, workspace);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(id: string): Record<string, any>[] {
    return this.responses.filter((post) => post.id === id).map((post) => post.body);
  }

  /** Resolves with the first call (past or future) to `method` that matches. */
  waitForCall(method: string, matches: (call: ApiCall) => boolean = () => true, timeoutMs = 8_000): Promise<ApiCall> {
    return this.waitFor('call', () => this.calls.find((c) => c.method === method && matches(c)), `a ${method} call`, timeoutMs);
  }

  /** Resolves with the first body posted to response_url `id` (past or future). */
  waitForResponse(id: string, timeoutMs = 8_000): Promise<Record<string, any>> {
    return this.waitFor('response', () => this.responses.find((p) => p.id === id)?.body, `a post to response_url ${id}`, timeoutMs);
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.forgetFailures();
    this.channelProblems.clear();
    this.channels.clear();
    this.threads.clear();
    this.lastTs = 0;
    this.codes.clear();
    this.tokens.clear();
  }

  private waitFor<T>(event: string, find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(timer);
        this.events.off(event, check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.events.off(event, check);
        reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on(event, check);
      check();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', this.origin);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({ id: url.pathname.slice('/respond/'.length), body: JSON.parse(raw || '{}') });
      this.events.emit('response');
      reply(200, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = decodeArgs(raw, request.headers['content-type']);
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? (args.token as string | undefined);
    const failure = this.nextFailure(method);
    const refusal = failure && !('delayMs' in failure) ? undefined : this.refusal(method, args);
    const outcome = failure && 'rateLimitedFor' in failure ? 'rate_limited' : failure && 'error' in failure ? failure.error : (refusal ?? 'ok');
    this.calls.push({ method, args, token, outcome });
    this.events.emit('call');

    if (failure && 'rateLimitedFor' in failure) {
      reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.rateLimitedFor) });
      return;
    }
    if (failure && 'error' in failure) {
      reply(200, { ok: false, error: failure.error });
      return;
    }
    if (refusal) {
      reply(200, { ok: false, error: refusal });
      return;
    }
    if (failure && 'delayMs' in failure) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    reply(200, { ok: true, ...this.result(method, args, token) });
  }

  private result(method: string, args: Record<string, any>, token: string | undefined): Record<string, unknown> {
    switch (method) {
      case 'auth.test': {
        const installed = this.tokens.get(token ?? '');
        if (installed)
          return {
            user_id: installed.botUserId,
            bot_id: installed.botId,
            team_id: installed.teamId,
            user: 'srm-bot',
            team: installed.teamName,
            url: `https://${installed.teamId.toLowerCase()}.slack.com/`,
          };
        return { user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: TEAM_ID, user: 'srm-bot', team: 'Test team', url: 'https://test.slack.com/' };
      }
      case 'oauth.v2.access':
        return this.exchange(args);
      case 'chat.postMessage': {
        const ts = this.nextTs();
        // A workspace's token posts as that workspace's bot (OAuth); any other as the test workspace's.
        const bot = this.tokens.get(token ?? '');
        const message: StoredMessage = {
          type: 'message',
          ts,
          text: args.text,
          blocks: args.blocks,
          user: bot?.botUserId ?? BOT_USER_ID,
          bot_id: bot?.botId ?? BOT_ID,
        };
        if (args.thread_ts !== undefined) message.thread_ts = args.thread_ts;
        if (args.metadata) message.metadata = args.metadata;
        this.store(args.channel, message);
        return { channel: args.channel, ts, message: { text: args.text } };
      }
      case 'chat.delete':
        this.channels.set(
          args.channel,
          this.messagesIn(args.channel).filter((message) => message.ts !== args.ts),
        );
        return { channel: args.channel, ts: args.ts };
      case 'conversations.history':
        return this.history(args);
      case 'conversations.replies':
        return this.replies(args);
      case 'views.publish':
        return { view: { id: 'V0HOME', ...args.view } };
      case 'apps.connections.open':
        return { url: this.socketUrl };
      default:
        return {};
    }
  }

  /** oauth.v2.access as Slack answers a bot-only install (no user scopes asked). */
  private exchange(args: Record<string, any>): Record<string, unknown> {
    const workspace = this.codes.get(args.code)!;
    this.codes.delete(args.code);
    this.tokens.set(workspace.botToken, workspace);
    return {
      app_id: 'A0SRM',
      authed_user: { id: 'U0INSTALLER' },
      scope: 'app_mentions:read,chat:write,commands',
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: workspace.enterpriseId ? { id: workspace.enterpriseId, name: 'Test org' } : null,
      is_enterprise_install: false,
    };
  }

  /** Slack's answer for a channel it refuses, a message that is gone, or nothing when the call goes through. */
  private refusal(method: string, args: Record<string, any>): string | undefined {
    const problem = this.channelProblems.get(args.channel);
    if (method === 'chat.postMessage' && problem) return problem;
    // An archived channel's history can still be read.
    if (method === 'conversations.history' && problem && problem !== 'is_archived') return problem;
    if (method === 'chat.delete' && !this.messagesIn(args.channel).some((message) => message.ts === args.ts)) return 'message_not_found';
    if (method === 'conversations.replies' && this.thread(args.channel, args.ts).length === 0) return 'thread_not_found';
    if (method === 'oauth.v2.access' && !this.codes.has(args.code)) return 'invalid_code';
    return undefined;
  }

  /** Replies live in their thread, not in the channel's history. */
  private store(channel: string, message: StoredMessage): void {
    if (message.thread_ts === undefined) {
      this.channels.set(channel, [...this.messagesIn(channel), message]);
      return;
    }
    const key = threadKey(channel, message.thread_ts);
    this.threads.set(key, [...(this.threads.get(key) ?? []), message]);
  }

  /** A thread as Slack keeps it: its parent message (when it is in the channel) and then its replies, oldest first. */
  private thread(channel: string, threadTs: string): StoredMessage[] {
    const parent = this.messagesIn(channel).filter((message) => message.ts === threadTs);
    return [...parent, ...(this.threads.get(threadKey(channel, threadTs)) ?? [])];
  }

  /** Oldest first, parent included, `limit` a page, metadata only when asked for. */
  private replies(args: Record<string, any>): Record<string, unknown> {
    const withMetadata = String(args.include_all_metadata) === 'true';
    const all = this.thread(args.channel, args.ts).map(({ metadata, ...message }) => (withMetadata && metadata ? { ...message, metadata } : message));
    return page(all, args);
  }

  /** Newest first, between `oldest` and `latest` (both exclusive, as Slack's default), `limit` a page, metadata only when asked for. */
  private history(args: Record<string, any>): Record<string, unknown> {
    const oldest = Number(args.oldest ?? 0);
    const latest = args.latest === undefined ? Number.POSITIVE_INFINITY : Number(args.latest);
    const withMetadata = String(args.include_all_metadata) === 'true';
    const all = this.messagesIn(args.channel)
      .filter((message) => Number(message.ts) > oldest && Number(message.ts) < latest)
      .reverse()
      .map(({ metadata, ...message }) => (withMetadata && metadata ? { ...message, metadata } : message));
    return page(all, args);
  }

  private nextTs(): string {
    this.lastTs = Math.max(this.lastTs + 1, Math.floor(this.now() * 1000));
    return `${Math.floor(this.lastTs / 1e6)}.${String(this.lastTs % 1e6).padStart(6, '0')}`;
  }
}

const threadKey = (channel: string, threadTs: string) => `${channel} ${threadTs}`;

/** One page of `messages` from `args.cursor` (an offset here), `args.limit` long, as Slack pages its lists. */
function page(messages: unknown[], args: Record<string, any>): Record<string, unknown> {
  const limit = Number(args.limit ?? 100);
  const start = Number(args.cursor ?? 0);
  const more = start + limit < messages.length;
  return { messages: messages.slice(start, start + limit), has_more: more, response_metadata: { next_cursor: more ? String(start + limit) : '' } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The Web API client sends form fields, with objects and arrays (blocks, view) as JSON strings. */
function decodeArgs(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
