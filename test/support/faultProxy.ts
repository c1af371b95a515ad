import { once } from 'node:events';
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How one request to Slack goes wrong: an HTTP error status (a 429 carries Retry-After), a connection closed
 * before any answer, or an answer that takes `ms` (Slack's own, forwarded late).
 */
export type Fault =
  | { status: number; retryAfter?: number }
  | { drop: true }
  | { delayMs: number };

/** What reached the proxy, and the fault it was given (none: forwarded as is). */
export interface ProxiedRequest {
  /** Web API method ("chat.postMessage"), or "respond" for a response_url post. */
  method: string;
  fault: Fault | null;
}

/**
 * A fault injector on 127.0.0.1 between the app and the fake Slack (FakeSlack): it forwards every Web API and
 * response_url request unchanged, except those it was told to break. It adds what FakeSlack does not do
 * (5xx statuses, dropped connections, an outage of every method at once) without changing FakeSlack, which
 * still records every request that gets through.
 */
export class FaultProxy {
  readonly requests: ProxiedRequest[] = [];
  private readonly queued = new Map<string, Fault[]>();
  private outage: Fault | null = null;

  private constructor(private readonly server: Server, readonly origin: string, private readonly target: URL) {}

  /** `targetOrigin`: the fake Slack's origin, e.g. FakeSlack#origin. */
  static async start(targetOrigin: string): Promise<FaultProxy> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const proxy = new FaultProxy(server, `http://127.0.0.1:${port}`, new URL(targetOrigin));
    server.on('request', (request, response) => proxy.handle(request, response));
    return proxy;
  }

  /** The base URL to give the app as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url that passes through the proxy (and so can fail) before reaching the fake. */
  responseUrl(id: string): string {
    return `${this.origin}/respond/${id}`;
  }

  /** The next `times` requests to `method` ("respond" for response_url) fail with `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    const queue = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.queued.set(method, queue);
  }

  /** Every request fails with `fault` until recover(): Slack is down. */
  breakAll(fault: Fault): void {
    this.outage = fault;
  }

  recover(): void {
    this.outage = null;
    this.queued.clear();
  }

  faultsGiven(method: string): Fault[] {
    return this.requests.filter((r) => r.method === method && r.fault !== null).map((r) => r.fault!);
  }

  reset(): void {
    this.recover();
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    // A client that gives up (its own timeout) closes the connection: nothing to answer, nothing to report.
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    const path = request.url ?? '/';
    const method = path.startsWith('/respond/') ? 'respond' : path.replace(/^\/api\//, '').split('?')[0]!;
    const fault = this.outage ?? this.queued.get(method)?.shift() ?? null;
    this.requests.push({ method, fault });
    if (fault !== null && 'drop' in fault) {
      // Read nothing, answer nothing: the client sees the connection reset mid-request.
      request.socket.destroy();
      return;
    }
    if (fault !== null && 'status' in fault) {
      request.resume();
      response.writeHead(fault.status, {
        'content-type': 'application/json',
        ...(fault.retryAfter !== undefined && { 'retry-after': String(fault.retryAfter) }),
      });
      response.end(JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'fatal_error' }));
      return;
    }
    const pass = () => this.forward(request, response, path);
    if (fault !== null) setTimeout(pass, fault.delayMs);
    else pass();
  }

  private forward(request: IncomingMessage, response: ServerResponse, path: string): void {
    const upstream = forward(
      { host: this.target.hostname, port: this.target.port, path, method: request.method, headers: { ...request.headers, host: this.target.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  }
}
