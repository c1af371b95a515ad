import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';

const BOLT_LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt, its Web API client and the Socket Mode client log through this, so their lines are pino JSON like ours
 * and pass through the same redaction.
 */
export function boltLogger(log: Logger): BoltLogger {
  let component = 'bolt';
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      // Bolt logs at debug twice per request: at info, formatting those lines would be wasted work on every request.
      if (!log.isLevelEnabled(level)) return;
      const err = parts.find((part): part is Error => part instanceof Error);
      const msg = parts
        .filter((part) => part !== err)
        .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
        .join(' ');
      log[level]({ component, ...(err && { err }) }, msg || err?.message || '');
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {
      // The level is the app's LOG_LEVEL; libraries asking for their own level would make the logs inconsistent.
    },
    getLevel: () => BOLT_LEVELS[log.level] ?? LogLevel.INFO,
    setName: (name: string) => {
      component = name;
    },
  };
}
