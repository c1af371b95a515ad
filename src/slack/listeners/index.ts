import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerShortcuts } from './shortcuts/index.js';
import type { ListenerGroup } from './types.js';

/** Every listener the app has: a new group is one more entry (the agent view's Assistant runs inside registerEvents). */
const LISTENER_GROUPS: readonly ListenerGroup[] = [registerCommands, registerEvents, registerActions, registerShortcuts];

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const register of LISTENER_GROUPS) register(app, deps);
}
