/**
 * The baseline for `npm run bench:http`: a bare @slack/bolt app in HTTP mode that only acks /srm, configured
 * like srm-bot (same token, signing secret, port and Web API URL from the environment) and with the same
 * /healthz route, so the difference measured is what srm-bot does per request. With BENCH_ACK_BODY (a JSON
 * message) it acks with that body instead of an empty one: the cost of the answer's size alone.
 */
import { App, LogLevel } from '@slack/bolt';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`bare Bolt app: ${name} is not set (bench/http.ts sets it)`);
  return value;
};

const app = new App({
  token: env('SLACK_BOT_TOKEN'),
  signingSecret: env('SLACK_SIGNING_SECRET'),
  clientOptions: { slackApiUrl: env('SLACK_API_URL') },
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      },
    },
  ],
});

const ackBody = process.env.BENCH_ACK_BODY ? (JSON.parse(process.env.BENCH_ACK_BODY) as Record<string, unknown>) : undefined;

app.command('/srm', async ({ ack }) => {
  await ack(ackBody);
});

process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
await app.start(Number(env('PORT')));
