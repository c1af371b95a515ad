import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextActionsBlock,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
  StaticSelect,
} from '@slack/types';
import { escapeMrkdwn } from './escape.js';
import { LIMITS } from './limits.js';
import { encodeButtonPayload } from './payload.js';
import { truncateMrkdwn, truncatePlain } from './truncate.js';
import type { ButtonPayload } from './types.js';

/*
 * Block builders. Each one cuts its text to the limit of the place it fills, so no caller can produce a block
 * Slack would reject, whatever the knowledge base or the person typing holds.
 */

export const plainText = (text: string, max: number): PlainTextElement => ({ type: 'plain_text', text: truncatePlain(text, max), emoji: true });

export const mrkdwnText = (text: string, max: number = LIMITS.textObject): MrkdwnElement => ({ type: 'mrkdwn', text: truncateMrkdwn(text, max) });

export const header = (text: string, blockId?: string): HeaderBlock => ({
  type: 'header',
  text: plainText(text, LIMITS.headerText),
  ...(blockId ? { block_id: blockId } : {}),
});

export const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwnText(text, LIMITS.sectionText) });

export const fieldsSection = (fields: readonly string[]): SectionBlock => ({
  type: 'section',
  fields: fields.slice(0, LIMITS.fields).map((field) => mrkdwnText(field, LIMITS.fieldText)),
});

export const context = (texts: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((text) => mrkdwnText(text)),
});

export const divider = (): DividerBlock => ({ type: 'divider' });

export const actions = (blockId: string, elements: readonly ActionsBlockElement[]): ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, LIMITS.actionsElements),
});

export interface ButtonSpec {
  text: string;
  actionId: string;
  payload: ButtonPayload;
  primary?: boolean;
}

export const button = ({ payload, ...spec }: ButtonSpec): Button => valueButton({ ...spec, value: encodeButtonPayload(payload) });

/** A button whose value is not a card payload (quiz buttons carry their own JSON, always well under the limit). */
export const valueButton = ({ text, actionId, value, primary }: Omit<ButtonSpec, 'payload'> & { value: string }): Button => ({
  type: 'button',
  text: plainText(text, LIMITS.buttonText),
  action_id: actionId,
  value,
  ...(primary && { style: 'primary' as const }),
});

export interface SelectChoice {
  label: string;
  value: string;
}

export const option = ({ label, value }: SelectChoice): PlainTextOption => ({
  text: plainText(label, LIMITS.optionText),
  value: value.slice(0, LIMITS.optionValue),
});

export const staticSelect = (actionId: string, placeholder: string, choices: readonly SelectChoice[]): StaticSelect => ({
  type: 'static_select',
  action_id: actionId,
  placeholder: plainText(placeholder, LIMITS.placeholderText),
  options: choices.slice(0, LIMITS.selectOptions).map(option),
});

export interface SelectGroup {
  label: string;
  choices: readonly SelectChoice[];
}

/**
 * A menu whose choices fall into groups ("Related", "More S3 topics"); a menu with one group needs no group
 * labels. Empty groups are left out, and the menu keeps to Slack's limit on options across all groups.
 */
export function groupedSelect(actionId: string, placeholder: string, groups: readonly SelectGroup[]): StaticSelect {
  const filled = groups.filter((group) => group.choices.length > 0);
  if (filled.length <= 1) return staticSelect(actionId, placeholder, filled[0]?.choices ?? []);
  let room: number = LIMITS.selectOptions;
  const optionGroups = filled
    .map((group) => {
      const choices = group.choices.slice(0, room);
      room -= choices.length;
      return { label: plainText(group.label, LIMITS.optionGroupLabel), options: choices.map(option) };
    })
    .filter((group) => group.options.length > 0);
  return { type: 'static_select', action_id: actionId, placeholder: plainText(placeholder, LIMITS.placeholderText), option_groups: optionGroups };
}

export interface FeedbackSpec {
  actionId: string;
  blockId: string;
  positive: { text: string; label: string; payload: ButtonPayload };
  negative: { text: string; label: string; payload: ButtonPayload };
}

/** Slack's native 👍/👎 control: a context_actions block holding one feedback_buttons element. */
export const feedbackButtons = ({ actionId, blockId, positive, negative }: FeedbackSpec): ContextActionsBlock => {
  const half = ({ text, label, payload }: FeedbackSpec['positive']) => ({
    text: plainText(text, LIMITS.buttonText),
    accessibility_label: label.slice(0, LIMITS.buttonText),
    value: encodeButtonPayload(payload),
  });
  return {
    type: 'context_actions',
    block_id: blockId,
    elements: [{ type: 'feedback_buttons', action_id: actionId, positive_button: half(positive), negative_button: half(negative) }],
  };
};

export const bulletList = (items: readonly string[]): string => items.map((item) => `• ${item}`).join('\n');

/**
 * Lines under one heading, as few sections as hold them: a long list flows on into the next section instead
 * of being cut, and only a single line longer than a whole section is shortened.
 */
export function packedSections(heading: string, lines: readonly string[], separator = '\n'): SectionBlock[] {
  const texts: string[] = [];
  let current = heading;
  for (const line of lines) {
    const joint = current === heading ? '\n' : separator;
    const candidate = current.length === 0 ? line : `${current}${joint}${line}`;
    if (candidate.length <= LIMITS.sectionText) {
      current = candidate;
    } else {
      if (current.length > 0) texts.push(current);
      current = line;
    }
  }
  if (current.length > 0) texts.push(current);
  return texts.map(section);
}

/**
 * A mrkdwn link. The URL may not hold the characters that end or split the link token (`|`, `>`, spaces), so
 * they are percent-encoded, and the label is escaped like any other text. A URL too long for Slack would be
 * broken if shortened, so the label then stands alone.
 */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/[|<>\s]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  return safeUrl.length <= LIMITS.url ? `<${safeUrl}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}
