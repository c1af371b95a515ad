import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/** Registers one kind of listener (commands, events…) on the app. */
export type ListenerGroup = (app: App, deps: SlackDeps) => void;
