import type { ListenerGroup } from '../index.js';
import { appHomeOpened } from './appHomeOpened.js';
import { appMention } from './appMention.js';
import { directMessage } from './directMessage.js';

export const registerEvents: ListenerGroup = (app, deps) => {
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
};
