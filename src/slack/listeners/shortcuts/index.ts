import type { ListenerGroup } from '../types.js';
import { ASK_SHORTCUT_ID, askAboutMessage } from './askAboutMessage.js';

export const registerShortcuts: ListenerGroup = (app, deps) => {
  app.shortcut({ callback_id: ASK_SHORTCUT_ID, type: 'message_action' }, askAboutMessage(deps));
};
