import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../src/logger.js';

const BOT = 'xoxb-test-logger-token-abcdef';
const APP = 'xapp-1-test-logger-token';
const SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';

function capture() {
  const stream = new PassThrough();
  let written = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  const log = createLogger({ level: 'debug', secrets: [BOT, APP, SECRET], destination: stream });
  return {
    log,
    lines: () =>
      written
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    raw: () => written,
  };
}

describe('logger', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const { log, lines } = capture();
    log.info({ team: 'T1', channel: 'C1' }, 'request');
    expect(lines()).toEqual([expect.objectContaining({ level: 30, msg: 'request', team: 'T1', channel: 'C1', time: expect.any(String) })]);
  });

  it('never writes a token or the signing secret, wherever it hides', () => {
    const { log, raw } = capture();
    const error = Object.assign(new Error(`call failed with token ${BOT}`), {
      data: { url: `https://slack.com/api/auth.test?token=${encodeURIComponent(BOT)}` },
    });
    log.error({ err: error }, 'error object with the token in message, stack and data');
    log.info({ token: 'opaque-value', headers: { authorization: `Bearer ${BOT}`, 'x-slack-signature': 'v0=abc' } }, 'secret keys');
    log.info({ config: { signingSecret: SECRET, appToken: APP } }, 'nested secrets');
    log.info({ request: { body: { token: 'legacy-verification-value', count: 2 } }, retry: { authorization: 12345 } }, 'secret keys deep down');
    log.info(`message text mentioning ${APP} and ${SECRET} and an unknown token xoxp-999-888-777`);
    log.info({ quoted: `"${SECRET}"`, url: `wss://wss.slack.com/link/?ticket=1&app_token=${APP}` }, 'inside strings and URLs');
    const output = raw();
    for (const secret of [BOT, APP, SECRET, 'xoxp-999-888-777', encodeURIComponent(BOT), 'opaque-value', 'v0=abc', 'legacy-verification-value', '12345']) {
      expect(output).not.toContain(secret);
    }
    expect(output.split(REDACTED).length).toBeGreaterThan(10);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines[3]!)).toMatchObject({ request: { body: { token: REDACTED, count: 2 } }, retry: { authorization: REDACTED } });
  });

  it('keeps the rest of the line intact around a redaction', () => {
    const { log, lines } = capture();
    log.warn({ channel: 'C1', error: 'not_in_channel' }, `posting with ${BOT} failed`);
    expect(lines()[0]).toMatchObject({ channel: 'C1', error: 'not_in_channel', msg: `posting with ${REDACTED} failed` });
  });

  it('is pretty (not JSON) only when a person watches a terminal, and still redacted', () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    let written = '';
    terminal.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
    createLogger({ level: 'info', secrets: [SECRET], destination: terminal }).info({ channel: 'C1' }, `hello ${SECRET}`);
    expect(written).toContain('hello [REDACTED]');
    expect(written).toContain('channel');
    expect(() => JSON.parse(written)).toThrow();
  });
});
