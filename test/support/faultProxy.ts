import { request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocal, LocalSlackEndpoint, type LocalServer } from './localServer.js';

/**
 * How one request to Slack goes wrong: an HTTP error status (a 429 carries Retry-After), a connection closed
 * before any answer, or an answer that takes `ms` (Slack's own, forwarded late).
 */
export type Fault = { status: number; retryAfter?: number } | { drop: true } | { delayMs: number };

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
export class FaultProxy extends LocalSlackEndpoint<Fault> {
  readonly requests: ProxiedRequest[] = [];
  private outage: Fault | null = null;

  private constructor(
    local: LocalServer,
    private readonly target: URL,
  ) {
    super(local);
  }

  /** `targetOrigin`: the fake Slack's origin, e.g. FakeSlack#origin. */
  static async start(targetOrigin: string): Promise<FaultProxy> {
    // Requests arrive only once start() has returned, so the handler can name what it is building.
    const local = await listenLocal((request, response) => proxy.handle(request, response));
    const proxy = new FaultProxy(local, new URL(targetOrigin));
    return proxy;
  }

  /** Every request fails with `fault` until recover(): Slack is down. */
  breakAll(fault: Fault): void {
    this.outage = fault;
  }

  recover(): void {
    this.outage = null;
    this.forgetFailures();
  }

  faultsGiven(method: string): Fault[] {
    return this.requests.filter((r) => r.method === method && r.fault !== null).map((r) => r.fault!);
  }

  reset(): void {
    this.recover();
    this.requests.length = 0;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    // A client that gives up (its own timeout) closes the connection: nothing to answer, nothing to report.
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    const path = request.url ?? '/';
    const method = path.startsWith('/respond/') ? 'respond' : path.replace(/^\/api\//, '').split('?')[0]!;
    const fault = this.outage ?? this.nextFailure(method) ?? null;
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
