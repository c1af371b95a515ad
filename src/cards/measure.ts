import { isRecord, list } from './json.js';

/*
 * What a reader sees of a message before touching it, as the compact answer's targets count it: the text of
 * headers, sections and their fields, context lines, button labels and menu placeholders, with a link counted
 * as its label. A menu's options are not counted: they stay hidden until the menu is opened.
 */

/** The compact answer fits a phone screen: at most this many visible characters… */
export const COMPACT_TEXT_MAX = 1000;
/** …and at most this many buttons (a menu is one element, not a button; 👍/👎 are two). */
export const COMPACT_BUTTONS_MAX = 6;

const MRKDWN_LINK = /<(?:https?|mailto):[^|>]*\|([^>]*)>/g;

const textLength = (value: unknown): number => (isRecord(value) && typeof value.text === 'string' ? value.text.replace(MRKDWN_LINK, '$1').length : 0);

function elementText(element: unknown): number {
  if (!isRecord(element)) return 0;
  switch (element.type) {
    case 'button':
      return textLength(element.text);
    case 'feedback_buttons':
      return (
        (isRecord(element.positive_button) ? textLength(element.positive_button.text) : 0) +
        (isRecord(element.negative_button) ? textLength(element.negative_button.text) : 0)
      );
    case 'mrkdwn':
    case 'plain_text':
      return textLength(element);
    default:
      return textLength(element.placeholder);
  }
}

/** Visible characters of a list of blocks (see above). */
export function visibleTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    total += textLength(block.text) + list(block.fields).reduce<number>((sum, field) => sum + textLength(field), 0);
    total += list(block.elements).reduce<number>((sum, element) => sum + elementText(element), 0);
    if (block.accessory !== undefined) total += elementText(block.accessory);
  }
  return total;
}

/** Buttons a reader can press at once: plain buttons, and each half of a feedback control. */
export function buttonCount(blocks: readonly unknown[]): number {
  let count = 0;
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    for (const element of [...list(block.elements), block.accessory]) {
      if (!isRecord(element)) continue;
      if (element.type === 'button') count += 1;
      if (element.type === 'feedback_buttons') count += 2;
    }
  }
  return count;
}
