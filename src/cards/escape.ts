import { truncatePlain } from './truncate.js';

/**
 * Slack reads &, < and > as markup: `<!channel>`, `<@U123>` and `<https://x|y>` only exist because of `<`.
 * Replacing & first keeps the entities made for < and > from being escaped a second time.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Control characters could rewrite a terminal (srm ask prints cards) and bidi overrides could make echoed text
 * read differently from what it is; neither belongs in a one-line echo or in terminal output.
 */
export const UNSAFE_CHARACTERS = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Text a person typed, made safe to print on one line (a terminal, a report): at most `maxChars`, no control characters. */
export function oneLineUserText(text: string, maxChars: number): string {
  return truncatePlain(text.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim(), maxChars);
}

/** Text a person typed, made fit to echo inside mrkdwn: one line, at most `maxChars`, escaped. */
export function echoUserText(text: string, maxChars: number): string {
  return escapeMrkdwn(oneLineUserText(text, maxChars));
}
