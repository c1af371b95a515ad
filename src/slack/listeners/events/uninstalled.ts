import type { App, InstallationStore } from '@slack/bolt';
import type { Logger } from '../../../logger.js';

/**
 * OAuth mode: a workspace that uninstalls the app, or revokes its bot token, has its installation deleted with the
 * tokens in it. Bolt calls these listeners without looking an installation up (the tokens are already dead), and
 * the context names the workspace or org-wide install. Only bot tokens are kept (srm-bot asks for no user scopes),
 * so a revocation naming user tokens alone leaves nothing to delete.
 */
export function registerUninstall(app: App, installations: Required<InstallationStore>, log: Logger): void {
  app.event(/^(?:app_uninstalled|tokens_revoked)$/, async ({ event, context }) => {
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) {
      log.info({ team: context.teamId, enterprise: context.enterpriseId }, 'user tokens revoked: srm-bot keeps none, nothing to delete');
      return;
    }
    await installations.deleteInstallation({
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall,
    });
  });
}
