import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { assistantMiddleware } from '../assistant/index.js';
import type { ListenerGroup } from '../types.js';
import { appHomeOpened } from './appHomeOpened.js';
import { appMention } from './appMention.js';
import { directMessage } from './directMessage.js';
import { findingPosted } from './findingPosted.js';

type EventHandler = (args: SlackEventMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/**
 * One Bolt listener routes the events manifest.yml subscribes to. Bolt runs every listener's matchers on every
 * request, slash commands included, so each event type in a listener of its own made every request pay for it.
 */
export const registerEvents: ListenerGroup = (app, deps) => {
  // Each handler is typed for its own event; the key it is filed under is that event's type.
  // A message is a DM to answer or a finding posted in a FINDINGS_CHANNELS channel; each handler ignores the other.
  const [dm, finding] = [directMessage(deps) as EventHandler, findingPosted(deps) as EventHandler];
  const handlers = new Map<string, EventHandler>([
    ['app_mention', appMention(deps) as EventHandler],
    [
      'message',
      async (args) => {
        await dm(args);
        await finding(args);
      },
    ],
    ['app_home_opened', appHomeOpened(deps) as EventHandler],
  ]);
  // The agent view's events and threaded DMs go to the Assistant first; whatever it passes on reaches the handlers.
  const assistant = assistantMiddleware(deps);
  const types = [...handlers.keys(), 'assistant_thread_started', 'assistant_thread_context_changed'];
  app.event(new RegExp(`^(?:${types.join('|')})$`), async (args) => {
    await assistant({
      ...args,
      next: async () => {
        await handlers.get(args.event.type)?.(args);
      },
    } as unknown as Parameters<typeof assistant>[0]);
  });
};
