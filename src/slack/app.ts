import type { ServerResponse } from 'node:http';
import { App, type CustomRoute } from '@slack/bolt';
import type { Config, SlackConnection } from '../config.js';
import { boltLogger } from '../slackApi/boltLogger.js';
import type { SlackDeps } from './deps.js';
import { botIdentity } from './identity.js';
import { InFlight } from './inFlight.js';
import { registerListeners } from './listeners/index.js';
import { reportUnanswered } from './middleware/reportUnanswered.js';
import { requestLog } from './middleware/requestLog.js';
import { slackErrorCode } from '../slackApi/errors.js';
import { webClientOptions } from '../slackApi/client.js';

export interface SlackApp {
  readonly app: App;
  start(): Promise<void>;
  /** Stops taking requests, then waits up to `graceMs` for running listeners to finish. */
  stop(graceMs: number): Promise<{ drained: boolean }>;
}

/** How long to wait before asking Slack who the bot is again, after a failed auth.test at start-up. */
const IDENTITY_RETRY_MS = { first: 1_000, max: 15_000 };

export function createSlackApp(config: Config, connection: SlackConnection, deps: SlackDeps): SlackApp {
  const { log } = deps;
  const inFlight = new InFlight();
  // Ready: listening, the bot's identity known (every request is authorized with it), and not stopping.
  let listening = false;
  let identified = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const ready = () => listening && identified;

  const health: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_request, response: ServerResponse) => {
      response.writeHead(ready() ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: ready(), mode: connection.mode }));
    },
  };

  const identity = botIdentity(() => app.client, connection.botToken);
  const shared = {
    authorize: identity,
    port: config.port,
    customRoutes: [health],
    logger: boltLogger(log),
    clientOptions: webClientOptions(config),
    // Bolt's conversation store keeps per-conversation state in memory: srm-bot has none, and it costs every request.
    convoStore: false as const,
    // Bolt's ignoreSelf is one more middleware on every request; the only events where the bot could meet its own
    // posts are messages, and isFromPerson (src/slack/reply.ts) already skips those.
    ignoreSelf: false,
  };
  const app =
    connection.mode === 'socket'
      ? new App({ ...shared, socketMode: true, appToken: connection.appToken })
      : new App({ ...shared, signingSecret: connection.signingSecret });

  app.use(requestLog(log, inFlight, [reportUnanswered(deps)]));
  registerListeners(app, deps);
  app.error(async (error) => {
    log.error({ err: error, error: slackErrorCode(error) }, 'a listener failed');
  });

  /** Asks Slack who the bot is until it answers, so /healthz says whether requests can be served. */
  async function identify(delayMs = IDENTITY_RETRY_MS.first): Promise<void> {
    try {
      const { botUserId, teamId } = await identity();
      identified = true;
      log.info({ bot_user: botUserId, team: teamId }, 'connected to Slack');
    } catch (error) {
      log.warn({ error: slackErrorCode(error), retry_in_ms: delayMs }, 'cannot ask Slack who the bot is (auth.test): not ready, will retry');
      retryTimer = setTimeout(() => void identify(Math.min(delayMs * 2, IDENTITY_RETRY_MS.max)), delayMs);
    }
  }

  return {
    app,
    async start() {
      await app.start(config.port);
      listening = true;
      log.info({ mode: connection.mode, port: config.port, slackApiUrl: config.slackApiUrl }, 'srm-bot is running');
      await identify();
    },
    async stop(graceMs) {
      listening = false;
      clearTimeout(retryTimer);
      const [, drained] = await Promise.all([app.stop(), inFlight.settled(graceMs)]);
      return { drained };
    },
  };
}
