import type { KnownBlock } from '@slack/types';
import { isRecord, list } from './json.js';

/**
 * Slack's Block Kit limits that our cards can reach. Slack rejects a whole message (or view) that breaks any
 * of them, so the builders cut text to these numbers and checkBlockKitLimits proves the result obeys them.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  /** Any text object (context elements, option descriptions) outside a section's own text. */
  textObject: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  contextElements: 10,
  actionsElements: 25,
  url: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholderText: 150,
  overflowOptions: 5,
  optionGroupLabel: 75,
  contextActionsElements: 5,
} as const;

export type SurfaceKind = 'message' | 'home' | 'modal';

const textOf = (value: unknown): string | undefined => (isRecord(value) && typeof value.text === 'string' ? value.text : undefined);

/** Every `<https://…|label>` and bare `<https://…>` link inside mrkdwn, for the URL length limit. */
function linkedUrls(mrkdwn: string): string[] {
  return [...mrkdwn.matchAll(/<((?:https?|mailto):[^|>]*)(?:\|[^>]*)?>/g)].map((m) => m[1] ?? '');
}

/**
 * Lists every way a message or view breaks Slack's Block Kit limits, one readable line each; empty means
 * Slack will accept it. Walks the JSON rather than the typed blocks so it also judges payloads built elsewhere.
 */
export function checkBlockKitLimits(message: { blocks: readonly KnownBlock[] | readonly unknown[]; text?: unknown }, kind: SurfaceKind = 'message'): string[] {
  const problems: string[] = [];
  const blocks = list(message.blocks);
  const maxBlocks = kind === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks, max ${maxBlocks} in a ${kind}`);
  if (kind === 'message') {
    const text = (message as { text?: unknown }).text;
    if (typeof text !== 'string' || text.trim().length === 0) problems.push('top-level text (notification fallback) is missing');
    else if (text.length > LIMITS.messageText) problems.push(`top-level text is ${text.length} characters, max ${LIMITS.messageText}`);
  }

  const tooLong = (where: string, what: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) problems.push(`${where}: ${what} is ${value.length} characters, max ${max}`);
  };
  const checkMrkdwnLinks = (where: string, value: string | undefined) => {
    for (const url of linkedUrls(value ?? '')) tooLong(where, 'link url', url, LIMITS.url);
  };
  const checkTextObject = (where: string, what: string, value: unknown, max: number) => {
    const text = textOf(value);
    tooLong(where, what, text, max);
    checkMrkdwnLinks(where, text);
  };
  const checkOptions = (where: string, options: unknown[], max: number) => {
    if (options.length > max) problems.push(`${where}: ${options.length} options, max ${max}`);
    options.forEach((option, i) => {
      if (!isRecord(option)) return;
      tooLong(`${where} option ${i}`, 'text', textOf(option.text), LIMITS.optionText);
      tooLong(`${where} option ${i}`, 'value', typeof option.value === 'string' ? option.value : undefined, LIMITS.optionValue);
    });
  };

  // Slack asks for unique action_ids within a block; within the whole message or view is what lets one handler
  // tell any two controls apart, so that is what is checked.
  const actionIds = new Set<string>();
  const checkElement = (where: string, element: unknown) => {
    if (!isRecord(element)) return;
    if (typeof element.action_id === 'string') {
      tooLong(where, 'action_id', element.action_id, LIMITS.actionId);
      if (actionIds.has(element.action_id)) problems.push(`${where}: action_id "${element.action_id}" is used twice in one ${kind}`);
      actionIds.add(element.action_id);
    }
    if (typeof element.url === 'string') tooLong(where, 'url', element.url, LIMITS.url);
    if (typeof element.image_url === 'string') tooLong(where, 'image_url', element.image_url, LIMITS.url);
    if (element.placeholder !== undefined) checkTextObject(where, 'placeholder', element.placeholder, LIMITS.placeholderText);
    switch (element.type) {
      case 'button':
        tooLong(where, 'button text', textOf(element.text), LIMITS.buttonText);
        tooLong(where, 'button value', typeof element.value === 'string' ? element.value : undefined, LIMITS.buttonValue);
        break;
      case 'static_select': {
        const groups = list(element.option_groups);
        for (const [i, group] of groups.entries())
          tooLong(`${where} option group ${i}`, 'label', isRecord(group) ? textOf(group.label) : undefined, LIMITS.optionGroupLabel);
        checkOptions(where, [...list(element.options), ...groups.flatMap((g) => (isRecord(g) ? list(g.options) : []))], LIMITS.selectOptions);
        break;
      }
      case 'feedback_buttons':
        for (const half of ['positive_button', 'negative_button'] as const) {
          const button = element[half];
          if (!isRecord(button)) {
            problems.push(`${where}: feedback_buttons needs a ${half}`);
            continue;
          }
          tooLong(`${where} ${half}`, 'text', textOf(button.text), LIMITS.buttonText);
          tooLong(`${where} ${half}`, 'value', typeof button.value === 'string' ? button.value : undefined, LIMITS.buttonValue);
          tooLong(
            `${where} ${half}`,
            'accessibility_label',
            typeof button.accessibility_label === 'string' ? button.accessibility_label : undefined,
            LIMITS.buttonText,
          );
        }
        break;
      case 'overflow':
        checkOptions(where, list(element.options), LIMITS.overflowOptions);
        break;
    }
  };

  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    if (!isRecord(block)) {
      problems.push(`blocks[${index}] is not an object`);
      return;
    }
    const where = `blocks[${index}] (${String(block.type)})`;
    if (typeof block.block_id === 'string') {
      tooLong(where, 'block_id', block.block_id, LIMITS.blockId);
      if (blockIds.has(block.block_id)) problems.push(`${where}: block_id "${block.block_id}" is not unique`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header': {
        if (!isRecord(block.text) || block.text.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
        tooLong(where, 'header text', textOf(block.text), LIMITS.headerText);
        break;
      }
      case 'section': {
        const fields = list(block.fields);
        if (block.text === undefined && fields.length === 0) problems.push(`${where}: needs text or fields`);
        checkTextObject(where, 'text', block.text, LIMITS.sectionText);
        if (fields.length > LIMITS.fields) problems.push(`${where}: ${fields.length} fields, max ${LIMITS.fields}`);
        for (const [i, field] of fields.entries()) checkTextObject(where, `field ${i}`, field, LIMITS.fieldText);
        if (block.accessory !== undefined) checkElement(`${where} accessory`, block.accessory);
        break;
      }
      case 'context': {
        const elements = list(block.elements);
        if (elements.length > LIMITS.contextElements) problems.push(`${where}: ${elements.length} elements, max ${LIMITS.contextElements}`);
        elements.forEach((element, i) => {
          checkTextObject(`${where} element ${i}`, 'text', element, LIMITS.textObject);
          checkElement(`${where} element ${i}`, element);
        });
        break;
      }
      case 'actions': {
        const elements = list(block.elements);
        if (elements.length > LIMITS.actionsElements) problems.push(`${where}: ${elements.length} elements, max ${LIMITS.actionsElements}`);
        for (const [i, element] of elements.entries()) checkElement(`${where} element ${i}`, element);
        break;
      }
      case 'context_actions': {
        const elements = list(block.elements);
        if (elements.length > LIMITS.contextActionsElements) problems.push(`${where}: ${elements.length} elements, max ${LIMITS.contextActionsElements}`);
        for (const [i, element] of elements.entries()) checkElement(`${where} element ${i}`, element);
        break;
      }
    }
  });
  return problems;
}
