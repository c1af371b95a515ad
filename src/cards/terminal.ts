import { decodeSlackEntities } from '../text/entities.js';
import { EMOJI_CHARACTERS } from './emoji.js';
import { UNSAFE_CHARACTERS } from './escape.js';
import { isRecord, list } from './json.js';

export interface TerminalOptions {
  /** ANSI bold/dim/underline; off when output is not a terminal (pipes, files, CI logs). */
  color: boolean;
}

const RULE_WIDTH = 60;

interface Style {
  bold(text: string): string;
  italic(text: string): string;
  dim(text: string): string;
}

const ansi = (on: number, off: number) => (text: string) => `\x1b[${on}m${text}\x1b[${off}m`;
const COLOR: Style = { bold: ansi(1, 22), italic: ansi(3, 23), dim: ansi(2, 22) };
const PLAIN: Style = { bold: (t) => t, italic: (t) => t, dim: (t) => t };

/**
 * Control characters in card text (a pasted query carries whatever the person typed) could move the cursor or
 * retitle the terminal; only line breaks survive. Our own ANSI codes are added after this.
 */
const sanitize = (text: string): string => text.replace(UNSAFE_CHARACTERS, (c) => (c === '\n' ? c : ''));

const emojify = (text: string): string =>
  text.replace(/:([a-z0-9_+-]+):/g, (shortcode, name: string) =>
    name in EMOJI_CHARACTERS ? EMOJI_CHARACTERS[name as keyof typeof EMOJI_CHARACTERS] : shortcode,
  );

/** `<https://x|label>` → "label (https://x)", mentions and broadcasts → their @names. */
function renderToken(token: string): string {
  const [target = '', label] = token.slice(1, -1).split(/\|(.*)/s);
  if (target.startsWith('@') || target.startsWith('#')) return label ? `${target[0]}${label.replace(/^[@#]/, '')}` : target;
  if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
  return label ? `${label} (${target})` : target;
}

function renderInline(text: string, style: Style): string {
  return text
    .split(/(<[^<>\n]*>)/)
    .map((part, i) => {
      if (i % 2 === 1) return decodeSlackEntities(renderToken(part));
      const formatted = emojify(part)
        .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])/g, (_m, inner: string) => style.bold(inner))
        .replace(/(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])/g, (_m, inner: string) => style.italic(inner))
        .replace(/(?<![\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\w~])/g, '$1');
      return decodeSlackEntities(formatted);
    })
    .join('');
}

/** mrkdwn to terminal text: code blocks indented and left as typed, everything else formatted inline. */
function renderMrkdwn(text: string, style: Style): string {
  return sanitize(text)
    .split('```')
    .map((part, i) =>
      i % 2 === 1
        ? `\n${decodeSlackEntities(part)
            .replace(/^\n|\n$/g, '')
            .split('\n')
            .map((line) => `    ${line}`)
            .join('\n')}\n`
        : renderInline(part, style),
    )
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function renderText(object: unknown, style: Style): string {
  if (!isRecord(object) || typeof object.text !== 'string') return '';
  return object.type === 'mrkdwn' ? renderMrkdwn(object.text, style) : emojify(sanitize(object.text));
}

/** A button as "[ Share in channel ]", a menu as "[ Related cards… ▾ ]", the feedback control as "[ 👍 ] [ 👎 ]". */
function renderControl(element: unknown, style: Style): string | null {
  if (!isRecord(element)) return null;
  if (element.type === 'button') return `[ ${renderText(element.text, style)} ]`;
  if (element.type === 'feedback_buttons') {
    return [element.positive_button, element.negative_button].map((half) => `[ ${isRecord(half) ? renderText(half.text, style) : ''} ]`).join(' ');
  }
  if (isRecord(element.placeholder)) return `[ ${renderText(element.placeholder, style)} ▾ ]`;
  return null;
}

function renderBlock(block: unknown, style: Style): string | null {
  if (!isRecord(block)) return null;
  switch (block.type) {
    case 'header': {
      const title = renderText(block.text, style);
      return `${style.bold(title)}\n${'═'.repeat(Math.min([...title].length, RULE_WIDTH))}`;
    }
    case 'section': {
      const parts = [renderText(block.text, style), ...list(block.fields).map((field) => renderText(field, style))];
      const control = renderControl(block.accessory, style);
      if (control) parts.push(control);
      return parts.filter((part) => part.length > 0).join('\n\n');
    }
    case 'context':
      return style.dim(
        list(block.elements)
          .map((element) => renderText(element, style))
          .filter(Boolean)
          .join('  ·  '),
      );
    case 'divider':
      return style.dim('─'.repeat(RULE_WIDTH));
    case 'actions':
    case 'context_actions':
      return list(block.elements)
        .map((element) => renderControl(element, style))
        .filter(Boolean)
        .join('  ');
    default:
      return null;
  }
}

/** A message or view as readable terminal text, for `srm ask` and the local console. */
export function renderForTerminal(message: { blocks: readonly unknown[] }, options: TerminalOptions): string {
  const style = options.color ? COLOR : PLAIN;
  return message.blocks
    .map((block) => renderBlock(block, style))
    .filter((text): text is string => text !== null && text.length > 0)
    .join('\n\n');
}
