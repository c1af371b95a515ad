import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Slack Web API as far as the benchmarked apps need it: auth.test at start (Bolt learns the bot's ids from
 * it) and `{ ok: true }` for anything else, on 127.0.0.1. Counts calls so the report can show that a slash
 * command's answer needed none.
 */
export interface FakeSlackApi {
  apiUrl: string;
  calls(): number;
  close(): Promise<void>;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  let calls = 0;
  const server: Server = createServer((request, response) => {
    calls += 1;
    request.resume();
    const method = (request.url ?? '').replace(/^\/api\//, '');
    const body = method === 'auth.test'
      ? { ok: true, user_id: 'U0BENCHBOT', bot_id: 'B0BENCHBOT', team_id: 'T0BENCH', user: 'srm-bot', team: 'Bench' }
      : { ok: true };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls: () => calls,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
