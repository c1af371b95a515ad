import { createHash } from 'node:crypto';
import type { Tip } from '../knowledge/index.js';
import { addDays, dateOfDayNumber, dayNumber } from './calendar.js';

/**
 * Which tip belongs to which day, computed from the date alone so that every replica, a restart and the one-shot
 * CronJob agree without storing anything.
 *
 * Tip days (TIP_DAYS) are numbered from ROTATION_START. They are cut into cycles: each cycle shows every tip that
 * was in the rotation when the cycle started exactly once, in an order drawn from a hash of the cycle number and
 * the tip ids. Cycle boundaries follow from the sizes of earlier cycles, so a tip joins at the start of the first
 * cycle that begins after its `added` date: adding tips never changes a day that has already been, nor the rest
 * of the running cycle. docs/daily-tips.md explains the design.
 */

/** A Monday before the bot existed; tip days are counted from here. Changing it reshuffles every date. */
export const ROTATION_START = '2024-01-01';
const START = dayNumber(ROTATION_START);

/** A tip and the tip day it belongs to (on a day without a tip: the most recent tip day). */
export interface DailyTip {
  tip: Tip;
  date: string;
}

export interface Rotation {
  /** The tip of `date`, or of the last tip day before it; null before the rotation starts or with no tips. */
  tipOn(date: string): DailyTip | null;
}

interface Cycle {
  /** Index of its first tip day. */
  start: number;
  order: readonly Tip[];
}

export function createRotation(tips: readonly Tip[], days: readonly number[]): Rotation {
  // Offsets within a Monday-first week (ROTATION_START is a Monday) that are tip days.
  const offsets = [0, 1, 2, 3, 4, 5, 6].filter((offset) => days.includes((offset + 1) % 7));
  if (offsets.length === 0) throw new Error('a rotation needs at least one tip day a week');

  /** How many tip days lie in [ROTATION_START, date). */
  const tipDaysBefore = (date: string): number => {
    const elapsed = dayNumber(date) - START;
    const weeks = Math.floor(elapsed / 7);
    const rest = elapsed - weeks * 7;
    return weeks * offsets.length + offsets.filter((offset) => offset < rest).length;
  };
  const dateOfTipDay = (index: number): string => {
    const week = Math.floor(index / offsets.length);
    return dateOfDayNumber(START + week * 7 + offsets[index - week * offsets.length]!);
  };

  const cycles: Cycle[] = [];
  const cycleOf = (index: number): Cycle => {
    for (;;) {
      const last = cycles.at(-1);
      // An empty cycle (every tip added later) still lasts a day, so the loop moves on.
      if (last && index < last.start + Math.max(1, last.order.length)) break;
      const start = last ? last.start + Math.max(1, last.order.length) : 0;
      const startDate = dateOfTipDay(start);
      const members = tips.filter((tip) => tip.added === undefined || tip.added < startDate);
      const drawn = shuffle(members, cycles.length);
      cycles.push({ start, order: last ? spacedAfter(last.order, drawn) : drawn });
    }
    // Asked dates are mostly today: the newest cycles are searched first.
    return cycles.findLast((cycle) => cycle.start <= index)!;
  };

  return {
    tipOn(date) {
      const index = tipDaysBefore(addDays(date, 1)) - 1;
      if (index < 0) return null;
      const cycle = cycleOf(index);
      const tip = cycle.order[index - cycle.start];
      return tip ? { tip, date: dateOfTipDay(index) } : null;
    },
  };
}

/** The cycle's order: tips sorted by a hash of cycle number and id, so the file's order does not matter. */
function shuffle(tips: readonly Tip[], cycle: number): Tip[] {
  const key = (tip: Tip) => createHash('sha256').update(`srm-bot daily tips/${cycle}/${tip.id}`).digest('hex');
  return tips
    .map((tip) => ({ tip, key: key(tip) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ tip }) => tip);
}

/**
 * A new cycle must not open with tips the last one closed with: the first quarter of the new order takes none of
 * the previous cycle's last quarter, so a tip never comes back sooner than a quarter of a cycle later.
 */
function spacedAfter(previous: readonly Tip[], drawn: readonly Tip[]): Tip[] {
  const gap = Math.floor(Math.min(previous.length, drawn.length) / 4);
  const recent = new Set(previous.slice(previous.length - gap).map((tip) => tip.id));
  const head = drawn.filter((tip) => !recent.has(tip.id)).slice(0, gap);
  const inHead = new Set(head);
  return [...head, ...drawn.filter((tip) => !inHead.has(tip))];
}
