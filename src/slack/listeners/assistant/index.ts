import { Assistant, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { threadStarted } from './threadStarted.js';
import { userMessage } from './userMessage.js';

/**
 * The agent view (Slack's split pane and top-bar entry, manifest.yml `features.agent_view`): Bolt's Assistant
 * routes its three events here. It also takes every person's DM in a thread, in workspaces without the agent
 * view too (Bolt cannot tell the two apart), so userMessage answers both. It runs inside the events listener,
 * not as app-wide middleware (`app.assistant`): app-wide, every slash command and click would pass through it.
 */
export const assistantMiddleware = (deps: SlackDeps): Middleware<AnyMiddlewareArgs> =>
  new Assistant({
    threadStarted: threadStarted(deps),
    // The channel someone is looking at changes nothing in an answer about AWS. Bolt's default would keep it in
    // process memory and rewrite the bot's first message in the thread to store it: neither is wanted.
    threadContextChanged: async () => {},
    userMessage: userMessage(deps),
  }).getMiddleware();
