/**
 * What went wrong in a Web API call, in a form a log line and a person can use. The Web API client throws
 * errors carrying `code` (slack_webapi_platform_error, slack_webapi_rate_limited_error…) and, for platform
 * errors, Slack's own reason in `data.error` (not_in_channel, channel_not_found…).
 */
export function slackErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { data, code } = error as { data?: { error?: unknown }; code?: unknown };
  if (typeof data?.error === 'string') return data.error;
  return typeof code === 'string' ? code : 'unknown';
}

const INVITE = 'Invite me with `/invite @srm-bot` and try again, or ask me in a direct message.';

/** What a person should hear when Slack refused something they asked for (fixed text: nothing from the request). */
const EXPLANATIONS: ReadonlyMap<string, string> = new Map([
  ['not_in_channel', `I'm not a member of this channel, so I can't post here. ${INVITE}`],
  ['channel_not_found', `I can't see this channel (it may be private or shared from another workspace). ${INVITE}`],
  ['is_archived', 'This channel is archived, so nobody can post in it any more.'],
  ['restricted_action', 'This channel only lets some members post, and I am not one of them. Ask a channel manager, or share the answer yourself.'],
  ['restricted_action_read_only_channel', 'This channel is read-only, so I cannot post in it.'],
  ['restricted_action_thread_only_channel', 'This channel only takes replies in threads, so I cannot post a new message in it.'],
  ['msg_too_long', 'That answer is too long for Slack to post. Please ask something more specific.'],
  ['ratelimited', 'Slack is asking me to slow down. Please try again in a minute.'],
  ['slack_webapi_rate_limited_error', 'Slack is asking me to slow down. Please try again in a minute.'],
  ['slack_webapi_request_error', "I couldn't reach Slack just now. Please try again in a minute."],
  ['slack_webapi_http_error', 'Slack had a problem handling that. Please try again in a minute.'],
]);

export function explainSlackError(error: unknown): string {
  const code = slackErrorCode(error);
  return EXPLANATIONS.get(code) ?? `Slack refused that (\`${code.replace(/[^a-z0-9_]/gi, '')}\`). Please try again in a moment.`;
}

/** When the fault is ours (a bug in a handler): said instead of silence. */
export const OUR_FAILURE = 'Sorry, something went wrong on my side while answering that. Please try again, or try `/srm help`.';
