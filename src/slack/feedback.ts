import type { webApi } from '@slack/bolt';
import type { PostMessage } from '../feedback/index.js';
import { postCard } from '../slackApi/client.js';

/** Feedback reports go out through the request's own client, which carries the bot token. */
export const postWith =
  (client: webApi.WebClient): PostMessage =>
  ({ channel, ...message }) =>
    postCard(client, channel, message);
