import { createInterface } from 'node:readline';
import type { Asking } from '../answers/index.js';
import { renderForTerminal } from '../cards/index.js';

export const CONNECT_HINT =
  'Not connected to Slack: set SLACK_APP_TOKEN + SLACK_BOT_TOKEN (Socket Mode) or SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (HTTP mode) in .env to connect — see README › Slack app.';

export interface ConsoleOptions {
  answers: Asking;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * The bot without Slack: each line typed (or piped in) is answered with the card a slash command would get,
 * its details included, drawn for the terminal. Ends at end of input (Ctrl-D, or the end of a pipe).
 */
export async function runConsole({ answers, input, output }: ConsoleOptions): Promise<void> {
  const interactive = input.isTTY === true && output.isTTY === true;
  const color = output.isTTY === true;
  output.write(`srm-bot local console. ${CONNECT_HINT}\n`);
  if (interactive) output.write('Ask who secures what, e.g. "who patches ec2" or "help". Ctrl-D to quit.\n');
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: 'srm> ' });
  if (interactive) lines.prompt();
  for await (const line of lines) {
    const question = line.trim();
    if (question.length > 0) {
      // Nothing to click in a terminal: the whole card, as `srm ask` shows it.
      const { message } = answers.question(question, { surface: 'ephemeral', length: 'full' });
      output.write(`${renderForTerminal(message, { color })}\n\n`);
    }
    if (interactive) lines.prompt();
  }
}
