import type { ServerResponse } from 'node:http';
import { App, type CustomRoute, type InstallationStore } from '@slack/bolt';
import type { Config, SlackConnection } from '../config.js';
import { boltLogger } from '../slackApi/boltLogger.js';
import type { SlackDeps } from './deps.js';
import { botIdentity } from './identity.js';
import { InFlight } from './inFlight.js';
import { registerListeners } from './listeners/index.js';
import { registerUninstall } from './listeners/events/uninstalled.js';
import { BOT_SCOPES } from './scopes.js';
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

/** OAuth mode: where installations are kept, and when that store can be read. */
export interface Installations {
  store: Required<InstallationStore>;
  /** Settles once the database is open and migrated; the app is not ready before. */
  ready: Promise<void>;
}

export function createSlackApp(config: Config, connection: SlackConnection, deps: SlackDeps, installations?: Installations): SlackApp {
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

  const shared = {
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
  // One workspace: its bot token answers every request. OAuth: Bolt looks up the requesting workspace's installation.
  const identity = connection.mode === 'oauth' ? null : botIdentity(() => app.client, connection.botToken);
  let app: App;
  if (connection.mode === 'oauth') {
    if (installations === undefined) throw new Error('OAuth mode needs an installation store');
    app = new App({
      ...shared,
      signingSecret: connection.signingSecret,
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      stateSecret: connection.stateSecret,
      scopes: [...BOT_SCOPES],
      installationStore: installations.store,
      // GET /slack/install goes straight to Slack's consent screen; /slack/oauth_redirect is where Slack sends the
      // installer back (manifest.yml › oauth_config.redirect_urls).
      installerOptions: { directInstall: true },
    });
    registerUninstall(app, installations.store, log);
  } else if (connection.mode === 'socket') {
    app = new App({ ...shared, authorize: identity!, socketMode: true, appToken: connection.appToken });
  } else {
    app = new App({ ...shared, authorize: identity!, signingSecret: connection.signingSecret });
  }

  app.use(requestLog(log, inFlight, [reportUnanswered(deps)]));
  registerListeners(app, deps);
  app.error(async (error) => {
    log.error({ err: error, error: slackErrorCode(error) }, 'a listener failed');
  });

  /** Ready to serve requests: the bot's identity known, or (OAuth) the installations readable. */
  async function identify(delayMs = IDENTITY_RETRY_MS.first): Promise<void> {
    if (identity === null) {
      // A database still being reached keeps the app unready, not stopped; a failed migration stops it (main.ts).
      installations!.ready.then(
        () => {
          identified = true;
          log.info('installations readable: serving every workspace that installed srm-bot');
        },
        () => undefined,
      );
      return;
    }
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
