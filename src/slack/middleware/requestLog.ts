import type { AnyMiddlewareArgs, Context, Middleware, webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { InFlight } from '../inFlight.js';
import { slackErrorCode } from '../../slackApi/errors.js';

export interface RequestFields {
  type: string;
  team?: string;
  channel?: string;
  user?: string;
}

interface Named {
  id?: string;
}

/** The fields describeRequest reads, each optional: which of them a request carries depends on its kind. */
interface PayloadFields {
  type?: string;
  command?: unknown;
  team_id?: string;
  team?: Named | null;
  user_id?: string;
  user?: Named & { team_id?: string };
  channel_id?: string;
  channel?: Named;
  callback_id?: string;
  view?: { callback_id?: string };
  actions?: unknown;
  event?: EventFields;
}

interface EventFields {
  type?: string;
  subtype?: string;
  channel_type?: string;
  channel?: string | Named;
  user?: string | Named;
}

/** Who asked where, from any of Slack's payload shapes (commands, events, interactions). */
export function describeRequest(body: PayloadFields): RequestFields {
  const team: string | undefined = body.team_id ?? body.team?.id ?? body.user?.team_id;
  if (typeof body.command === 'string') {
    return { type: `command ${body.command}`, team, channel: body.channel_id, user: body.user_id };
  }
  if (body.type === 'event_callback' && body.event) {
    const { event } = body;
    const kind = [event.type, event.subtype ?? event.channel_type].filter(Boolean).join('.');
    const channel = typeof event.channel === 'string' ? event.channel : event.channel?.id;
    return { type: `event ${kind}`, team, channel, user: typeof event.user === 'string' ? event.user : event.user?.id };
  }
  const action = Array.isArray(body.actions) ? (body.actions[0] as { action_id?: string } | undefined) : undefined;
  const name = action?.action_id ?? body.callback_id ?? body.view?.callback_id;
  return { type: [body.type ?? 'unknown', name].filter(Boolean).join(' '), team, channel: body.channel?.id, user: body.user?.id };
}

/** A request whose listeners have answered, for work that follows every request (see reportUnanswered). */
export interface FinishedRequest {
  fields: RequestFields;
  context: Context;
  client: webApi.WebClient;
}

export type AfterRequest = (request: FinishedRequest) => Promise<void>;

/**
 * One log line per request, written when its listeners and the `after` work have finished: who, where, what it
 * was, what it matched and how long it took. Also counts the request as in flight so shutdown can wait for it.
 * The `after` work runs in this middleware rather than in one of its own: Bolt copies every listener argument
 * for each middleware on each request, so every middleware is paid for by every request.
 */
export function requestLog(log: Logger, inFlight: InFlight, after: readonly AfterRequest[] = []): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, client, next }) => {
    const end = inFlight.begin();
    const started = performance.now();
    const fields = describeRequest(body as PayloadFields);
    const line = () => ({
      ...fields,
      match: context.match as string | undefined,
      // A quiz answer's fate in the store: recorded, duplicate, queued, refused.
      ...(context.recorded !== undefined && { recorded: context.recorded as string }),
      duration_ms: Math.round(performance.now() - started),
    });
    try {
      await next();
      for (const work of after) await work({ fields, context, client });
      log.info(line(), 'request');
    } catch (error) {
      log.warn({ ...line(), error: slackErrorCode(error) }, 'request failed');
      throw error;
    } finally {
      end();
    }
  };
}
