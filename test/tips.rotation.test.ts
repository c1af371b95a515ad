import { describe, expect, it } from 'vitest';
import { loadKnowledge, type Tip } from '../src/knowledge/index.js';
import { addDays } from '../src/tips/calendar.js';
import { createRotation, parseTipDays, ROTATION_START, weekdayOf } from '../src/tips/index.js';

const kb = loadKnowledge();
/**
 * The shipped tips as if all had been in the rotation from its start: these tests check the rotation's shape over
 * many cycles from ROTATION_START, and the tips added later (with `added`) would only join in 2026.
 */
const shippedTips: Tip[] = kb.tips.map(({ added: _added, ...tip }) => tip);
const WEEKDAYS = parseTipDays('mon-fri') as number[];

/** The first `count` tip days on or after `from`. */
function tipDays(from: string, count: number, days: readonly number[]): string[] {
  const dates: string[] = [];
  for (let date = from; dates.length < count; date = addDays(date, 1)) {
    if (days.includes(weekdayOf(date))) dates.push(date);
  }
  return dates;
}

const idsOn = (tips: readonly Tip[], days: readonly number[], dates: readonly string[]) => {
  const rotation = createRotation(tips, days);
  return dates.map((date) => rotation.tipOn(date)!.tip.id);
};

/** Consecutive slices of `size`. */
const chunks = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.floor(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const newTip = (id: string, added: string): Tip => ({ ...shippedTips[0]!, id, title: `New tip ${id}`, added });

describe('tip rotation', () => {
  const n = shippedTips.length;

  it('shows every tip once before any tip comes back, cycle after cycle', () => {
    expect(n).toBeGreaterThanOrEqual(90);
    const shown = idsOn(shippedTips, WEEKDAYS, tipDays(ROTATION_START, 4 * n, WEEKDAYS));
    const everyId = shippedTips.map((tip) => tip.id).sort();
    for (const cycle of chunks(shown, n)) expect([...cycle].sort()).toEqual(everyId);
  });

  it('keeps a tip away for at least a quarter of a cycle, also across the end of a cycle', () => {
    const shown = idsOn(shippedTips, WEEKDAYS, tipDays(ROTATION_START, 4 * n, WEEKDAYS));
    const lastSeen = new Map<string, number>();
    let closest = Infinity;
    shown.forEach((id, day) => {
      if (lastSeen.has(id)) closest = Math.min(closest, day - lastSeen.get(id)!);
      lastSeen.set(id, day);
    });
    expect(closest).toBeGreaterThan(Math.floor(n / 4));
  });

  it('gives the same tip for a date on every replica, whatever the order of the tips file', () => {
    const dates = tipDays('2026-01-01', 600, WEEKDAYS);
    expect(idsOn([...shippedTips].reverse(), WEEKDAYS, dates)).toEqual(idsOn(shippedTips, WEEKDAYS, dates));
  });

  it('changes the tip from one tip day to the next', () => {
    const rotation = createRotation(shippedTips, WEEKDAYS);
    expect(rotation.tipOn('2026-11-24')!.tip.id).not.toBe(rotation.tipOn('2026-11-23')!.tip.id);
  });

  it("shows the last tip day's tip on a day without one (the weekend keeps Friday's)", () => {
    const rotation = createRotation(shippedTips, WEEKDAYS);
    const friday = rotation.tipOn('2026-11-27')!;
    expect(friday.date).toBe('2026-11-27');
    expect(rotation.tipOn('2026-11-28')).toEqual(friday);
    expect(rotation.tipOn('2026-11-29')).toEqual(friday);
    expect(rotation.tipOn('2026-11-30')!.tip.id).not.toBe(friday.tip.id);
  });

  it('counts only the configured days, so other TIP_DAYS also use every tip before repeating', () => {
    const days = parseTipDays('mon,wed,fri') as number[];
    const shown = idsOn(shippedTips, days, tipDays(ROTATION_START, 2 * n, days));
    for (const cycle of chunks(shown, n)) expect(new Set(cycle).size).toBe(n);
  });

  it('keeps every planned day when tips are added, and brings the new ones in at the next cycle', () => {
    const today = '2026-11-23';
    const dates = tipDays(ROTATION_START, 6 * n, WEEKDAYS);
    const before = idsOn(shippedTips, WEEKDAYS, dates);
    const added = ['fresh-tip-one', 'fresh-tip-two', 'fresh-tip-three'].map((id) => newTip(id, today));
    const after = idsOn([...shippedTips, ...added], WEEKDAYS, dates);

    // The cycle running today (cycles are n tip days long until the new tips join) is unchanged to its end.
    const endOfCycle = (Math.floor(dates.indexOf(today) / n) + 1) * n;
    expect(after.slice(0, endOfCycle)).toEqual(before.slice(0, endOfCycle));
    // From there, cycles are n + 3 long and each shows every tip, old and new, once.
    const everyId = [...shippedTips, ...added].map((tip) => tip.id).sort();
    for (const cycle of chunks(after.slice(endOfCycle), n + 3)) expect([...cycle].sort()).toEqual(everyId);
  });

  it('keeps a tip out of the rotation until its added date', () => {
    const future = newTip('not-yet-a-tip', '2099-01-01');
    const shown = idsOn([...shippedTips, future], WEEKDAYS, tipDays('2026-01-01', 2 * n, WEEKDAYS));
    expect(shown).not.toContain(future.id);
  });

  it('has no tip before the rotation starts or without tips', () => {
    expect(createRotation(shippedTips, WEEKDAYS).tipOn('2023-12-31')).toBeNull();
    expect(createRotation([], WEEKDAYS).tipOn('2026-11-23')).toBeNull();
  });
});
