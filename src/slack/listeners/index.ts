import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerActions } from './actions/index.js';
import { registerAssistant } from './assistant/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerShortcuts } from './shortcuts/index.js';

/** Registers one kind of listener (commands, events…) on the app. */
export type ListenerGroup = (app: App, deps: SlackDeps) => void;

/**
 * Every listener the app has: a new group is one more entry. The Assistant is Bolt middleware, which runs before
 * any listener wherever it is registered: it takes the agent view's events and threaded DMs before registerEvents.
 */
const LISTENER_GROUPS: readonly ListenerGroup[] = [registerCommands, registerEvents, registerAssistant, registerActions, registerShortcuts];

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const register of LISTENER_GROUPS) register(app, deps);
}
