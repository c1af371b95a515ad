import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { describeDays, localDateTime, parseTipDays } from '../src/tips/index.js';

const tipsOf = (env: NodeJS.ProcessEnv) => loadConfig(env).tips;

describe('TIP_* settings', () => {
  it('read channel lists, times, zones and days the way people write them', () => {
    expect(tipsOf({ TIP_CHANNELS: ' C0123456789 ,G0PRIVATE1,, ', TIP_TIME: '9:05', TIP_TIMEZONE: 'europe/berlin', TIP_DAYS: 'Mon, Wed,FRI' })).toEqual({
      channels: ['C0123456789', 'G0PRIVATE1'],
      time: '09:05',
      timeZone: 'Europe/Berlin',
      days: [1, 3, 5],
    });
  });

  it.each([
    ['weekdays', [1, 2, 3, 4, 5], 'mon-fri'],
    ['daily', [0, 1, 2, 3, 4, 5, 6], 'mon-sun'],
    ['sat-sun', [0, 6], 'sat,sun'],
    ['fri-mon', [0, 1, 5, 6], 'mon,fri-sun'],
    ['tuesday,thu', [2, 4], 'tue,thu'],
  ])('TIP_DAYS=%s means %j (read back as %s)', (text, days, description) => {
    expect(parseTipDays(text)).toEqual(days);
    expect(describeDays(days)).toBe(description);
  });

  it('refuse what they cannot use, naming the variable and the expected form', () => {
    try {
      loadConfig({ TIP_CHANNELS: 'security', TIP_TIME: '24:00', TIP_TIMEZONE: 'CET+1', TIP_DAYS: ',' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^TIP_CHANNELS: "security" must be channel ids such as C0123456789/),
        expect.stringMatching(/^TIP_TIME: must be a time of day HH:MM/),
        expect.stringMatching(/^TIP_TIMEZONE: must be an IANA time zone/),
        expect.stringMatching(/^TIP_DAYS: names no day/),
      ]);
    }
  });

  it('read the local date and time of an instant in any zone, DST and date line included', () => {
    const instant = Date.parse('2026-03-29T00:30:00Z');
    expect(localDateTime(instant, 'Europe/Berlin')).toEqual({ date: '2026-03-29', time: '01:30' });
    expect(localDateTime(instant + 3_600_000, 'Europe/Berlin')).toEqual({ date: '2026-03-29', time: '03:30' });
    expect(localDateTime(instant, 'Pacific/Kiritimati')).toEqual({ date: '2026-03-29', time: '14:30' });
    expect(localDateTime(instant, 'Pacific/Pago_Pago')).toEqual({ date: '2026-03-28', time: '13:30' });
    expect(localDateTime(Date.parse('2026-03-28T23:00:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-29', time: '00:00' });
  });
});
