import { pino, type Logger } from 'pino';
import PinoPretty from 'pino-pretty';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

export const REDACTED = '[REDACTED]';

/** Slack tokens of every kind (bot, user, app-level, config, refresh), wherever they appear: messages, URLs, stacks. */
const SLACK_TOKEN = /\bx(?:ox[abeoprs]|app)-[A-Za-z0-9-]+/g;

/** Keys whose values are secret whatever they hold; the scrubber below also catches secrets inside strings. */
const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'authorization', 'x-slack-signature'];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.headers["${key}"]`]);

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
      ? pino.destination({ dest: destination.fd, sync: true })
      : destination;
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: { streamWrite: scrub },
    },
    stream,
  );
}

/** Replaces Slack tokens and the configured secrets in a serialized log line (JSON-escaped forms included). */
export function scrubber(secrets: readonly string[]): (line: string) => string {
  const forms = secrets
    .filter((secret) => secret.length > 0)
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  const unique = [...new Set(forms)];
  return (line) => unique.reduce((text, form) => text.split(form).join(REDACTED), line.replace(SLACK_TOKEN, REDACTED));
}
