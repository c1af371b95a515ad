import { pino, type Logger } from 'pino';
import PinoPretty from 'pino-pretty';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

export const REDACTED = '[REDACTED]';

/** Slack tokens of every kind (bot, user, app-level, config, refresh), wherever they appear: messages, URLs, stacks. */
const SLACK_TOKEN = /\bx(?:ox[abeoprs]|app)-[A-Za-z0-9-]+/;

/** Keys whose values are secret whatever they hold; the scrubber below also catches secrets inside strings. */
const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'authorization', 'x-slack-signature'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A secret key with a string or scalar value, at any depth of the serialized line. pino's own `redact` does this
 * on the object, but its wildcard paths cost ~15 µs a line, most of what a request costs to log.
 */
const SECRET_KEY_VALUE = `"(${SECRET_KEYS.map(escapeRegExp).join('|')})":(?:"(?:[^"\\\\]|\\\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)`;

export interface LoggerOptions {
  level: LogLevel;
  /** Exact values (tokens, signing secret) to scrub from every line, in whatever field or string they turn up. */
  secrets?: readonly string[];
  /** Default: stdout. Pretty output only when it is a terminal a person is watching. */
  destination?: NodeJS.WritableStream & { isTTY?: boolean; fd?: number };
}

export function createLogger({ level, secrets = [], destination = process.stdout }: LoggerOptions): Logger {
  const scrub = scrubber(secrets);
  const stream = destination.isTTY
    ? PinoPretty({ colorize: true, sync: true, destination, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
    : typeof destination.fd === 'number'
      ? // Asynchronous: lines written while a write is in flight go out together in one call (under load, most
        // of a request's cost was its own write). pino flushes what is pending when the process exits.
        pino.destination({ dest: destination.fd, sync: false })
      : destination;
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: scrub },
    },
    stream,
  );
}

/**
 * Replaces, in one pass over a serialized log line, the values of secret keys, Slack tokens and the configured
 * secrets (with their JSON-escaped and URL-encoded forms).
 */
export function scrubber(secrets: readonly string[]): (line: string) => string {
  const forms = secrets
    .filter((secret) => secret.length > 0)
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  const secret = new RegExp([SECRET_KEY_VALUE, SLACK_TOKEN.source, ...[...new Set(forms)].map(escapeRegExp)].join('|'), 'g');
  return (line) => line.replace(secret, (_match, key: string | undefined) => (key === undefined ? REDACTED : `"${key}":"${REDACTED}"`));
}
