import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerGroup } from '../index.js';
import { appHomeOpened } from './appHomeOpened.js';
import { appMention } from './appMention.js';
import { directMessage } from './directMessage.js';

type EventHandler = (args: SlackEventMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/**
 * One Bolt listener routes the events manifest.yml subscribes to. Bolt runs every listener's matchers on every
 * request, slash commands included, so each event type in a listener of its own made every request pay for it.
 */
export const registerEvents: ListenerGroup = (app, deps) => {
  // Each handler is typed for its own event; the key it is filed under is that event's type.
  const handlers = new Map<string, EventHandler>([
    ['app_mention', appMention(deps) as EventHandler],
    ['message', directMessage(deps) as EventHandler],
    ['app_home_opened', appHomeOpened(deps) as EventHandler],
  ]);
  app.event(new RegExp(`^(?:${[...handlers.keys()].join('|')})$`), async (args) => {
    await handlers.get(args.event.type)?.(args);
  });
};
