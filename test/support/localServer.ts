import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server of the test kit (fake Slack, fault proxy) listening on 127.0.0.1 at a free port. */
export interface LocalServer {
  server: Server;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Closes open connections too, so a test's keep-alive client cannot hold it open. */
  close(): Promise<void>;
}

export async function listenLocal(onRequest: RequestListener): Promise<LocalServer> {
  const server = createServer(onRequest);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on right now, for a child process to take. */
export async function freePort(): Promise<number> {
  const { server, close } = await listenLocal(() => undefined);
  const { port } = server.address() as AddressInfo;
  await close();
  return port;
}

/**
 * What a test points the app at as Slack (the fake Web API, or the fault proxy in front of it): its Web API and
 * response_url addresses on a local server, and failures queued per method for the next calls.
 */
export abstract class LocalSlackEndpoint<Failure> {
  private readonly queued = new Map<string, Failure[]>();

  protected constructor(private readonly local: LocalServer) {}

  get origin(): string {
    return this.local.origin;
  }

  /** The base URL to give the app as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.origin}/respond/${id}`;
  }

  /** The next `times` requests to `method` ("respond" for a response_url) fail with `failure`. */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.queued.set(method, queue);
  }

  close(): Promise<void> {
    return this.local.close();
  }

  protected nextFailure(method: string): Failure | undefined {
    return this.queued.get(method)?.shift();
  }

  protected forgetFailures(): void {
    this.queued.clear();
  }
}
