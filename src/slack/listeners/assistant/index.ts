import { Assistant } from '@slack/bolt';
import type { ListenerGroup } from '../index.js';
import { threadStarted } from './threadStarted.js';
import { userMessage } from './userMessage.js';

/**
 * The agent view (Slack's split pane and top-bar entry, manifest.yml `features.agent_view`): Bolt's Assistant
 * routes its three events here. It also takes every person's DM in a thread, in workspaces without the agent
 * view too (Bolt cannot tell the two apart), so userMessage answers both.
 */
export const registerAssistant: ListenerGroup = (app, deps) => {
  app.assistant(
    new Assistant({
      threadStarted: threadStarted(deps),
      // The channel someone is looking at changes nothing in an answer about AWS. Bolt's default would keep it in
      // process memory and rewrite the bot's first message in the thread to store it: neither is wanted.
      threadContextChanged: async () => {},
      userMessage: userMessage(deps),
    }),
  );
};
