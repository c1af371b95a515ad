import { PassThrough } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

/** A real app logger (pino JSON, redaction) whose lines a test can read back. */
export function captureLog(level: 'debug' | 'info' = 'debug'): { log: Logger; lines(): Array<Record<string, any>> } {
  const stream = new PassThrough();
  let written = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  return {
    log: createLogger({ level, destination: stream }),
    lines: () =>
      written
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, any>),
  };
}
