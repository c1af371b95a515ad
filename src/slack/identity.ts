import type { AuthorizeResult, webApi } from '@slack/bolt';

/**
 * Who the bot is (its user id, bot id and team), from auth.test with the bot token. Bolt's own single-token
 * authorization runs auth.test once and keeps that promise even when it failed, so Slack being unreachable at
 * start-up would fail every later request until a restart. This keeps only a success and asks again otherwise.
 */
export function botIdentity(client: () => webApi.WebClient, botToken: string): () => Promise<AuthorizeResult> {
  let identity: Promise<AuthorizeResult> | undefined;
  return () => {
    identity ??= client()
      .auth.test({ token: botToken })
      .then(
        (result) => ({ botToken, botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id }),
        (error: unknown) => {
          identity = undefined;
          throw error;
        },
      );
    return identity;
  };
}
