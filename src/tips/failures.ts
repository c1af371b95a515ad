import { slackErrorCode } from '../slackApi/errors.js';

/** Why a channel did not get its tip (or leaderboard), whether trying again later can help, and what a person should do. */
export interface Failure {
  reason: string;
  retryable: boolean;
  fix: string;
}

const RETRY = 'Slack did not take the post just now; it is tried again (the next run of the schedule or of the CronJob).';
const REINSTALL =
  'reinstall the app from manifest.yml (OAuth & Permissions › Reinstall) and update SLACK_BOT_TOKEN, or with multi-workspace installs install it again in that workspace';
/** Where a channel is listed: the settings with a bot token, the channel's own subscription with OAuth installs. */
const UNLIST = 'remove it from TIP_CHANNELS or LEADERBOARD_CHANNELS (with multi-workspace installs: `/srm tips off` or `/srm leaderboard off` there)';

/** Slack's refusals that stay until someone acts, with what to do. */
const LASTING: ReadonlyMap<string, string> = new Map([
  ['not_in_channel', 'the bot is not a member: run `/invite @srm-bot` in the channel'],
  ['channel_not_found', 'check the id in TIP_CHANNELS or LEADERBOARD_CHANNELS (a private channel also needs `/invite @srm-bot`)'],
  ['is_archived', `the channel is archived: unarchive it or ${UNLIST}`],
  ['restricted_action', `only some members may post in the channel: let the bot post or ${UNLIST}`],
  ['restricted_action_read_only_channel', `the channel is read-only: ${UNLIST}`],
  ['missing_scope', `the app lacks a scope the tips need (chat:write, channels:history, groups:history): ${REINSTALL}`],
  ['invalid_auth', `SLACK_BOT_TOKEN is not valid: ${REINSTALL}`],
  ['not_authed', 'SLACK_BOT_TOKEN is missing from the request: set it'],
  ['token_revoked', `the bot token was revoked: ${REINSTALL}`],
  ['account_inactive', `the app was uninstalled: ${REINSTALL}`],
]);

/** Slack's own transient errors, answered with HTTP 200 and ok: false. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function failureOf(error: unknown): Failure {
  const reason = reasonOf(error);
  const lasting = LASTING.get(reason);
  if (lasting) return { reason, retryable: false, fix: lasting };
  if (TRANSIENT.has(reason) || /^http_5\d\d$/.test(reason) || reason === 'slack_unreachable') return { reason, retryable: true, fix: RETRY };
  return { reason, retryable: false, fix: 'see the error in the log line' };
}

/**
 * A short code for the log and the one-shot's summary. The Web API client reports a non-200 answer with its
 * status, and both a failed connection and a 429 that outlasted the retries as a request error (the latter
 * wrapping "A rate limit was exceeded …").
 */
function reasonOf(error: unknown): string {
  const code = slackErrorCode(error);
  if (code === 'slack_webapi_http_error') return `http_${(error as { statusCode?: number }).statusCode ?? 'error'}`;
  if (code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (code === 'slack_webapi_request_error') {
    const original = (error as { original?: unknown }).original;
    return original instanceof Error && /rate limit was exceeded/i.test(original.message) ? 'ratelimited' : 'slack_unreachable';
  }
  return code;
}
