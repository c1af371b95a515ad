import { webApi } from '@slack/bolt';
import type { SlackMessage } from '../cards/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { boltLogger } from './boltLogger.js';

/** Posts should not unfurl the AWS links every card carries: the card already says what they are. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** Posts a message to a conversation, in the thread `threadTs` when given, without link previews. */
export const postCard = (client: webApi.WebClient, channel: string, message: Pick<SlackMessage, 'text'> & Partial<SlackMessage>, threadTs?: string) =>
  client.chat.postMessage({ channel, ...(threadTs && { thread_ts: threadTs }), ...message, ...NO_UNFURL });

/** A Web API call that hangs would hold a listener or a tip run forever; Slack answers in well under this. */
export const WEB_API_TIMEOUT_MS = 10_000;

/** How every Web API client of the app talks to Slack: where, how long to wait, how often to retry. */
export function webClientOptions(config: Pick<Config, 'slackApiUrl' | 'slackApiRetries'>) {
  return {
    slackApiUrl: config.slackApiUrl,
    timeout: WEB_API_TIMEOUT_MS,
    // The client's default retries for ~30 minutes: an answer that late is worse than none. A 429 still waits
    // for its Retry-After before each retry.
    retryConfig: { retries: config.slackApiRetries, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true },
  };
}

/** A client of its own holding the bot token, for work no Slack request started (the daily tip). */
export function botClient(config: Pick<Config, 'slackApiUrl' | 'slackApiRetries'>, botToken: string, log: Logger): webApi.WebClient {
  return new webApi.WebClient(botToken, { ...webClientOptions(config), logger: boltLogger(log) });
}
