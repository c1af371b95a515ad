/**
 * The bot scopes srm-bot asks for: the same list as manifest.yml › oauth_config.scopes.bot, which says why each is
 * needed (test/manifest.test.ts keeps the two equal). OAuth mode asks each installing workspace for these.
 */
export const BOT_SCOPES = ['app_mentions:read', 'assistant:write', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history'] as const;
