import type { Installation, InstallationQuery, InstallationStore, webApi } from '@slack/bolt';
import type { Config, TokenKeys } from '../config.js';
import type { Logger } from '../logger.js';
import { botClient } from '../slackApi/client.js';
import type { Workspaces } from '../tips/index.js';
import {
  createTokenCipher,
  deleteInstallation,
  loadInstallation,
  resealInstallations,
  saveInstallation,
  StoreError,
  ownerKey,
  subscribedChannels,
  type Database,
  type InstallationOwner,
  type Queryable,
  type RunningStore,
  type ScheduledPost,
  type TokenCipher,
} from '../store/index.js';
import type { Installations } from './app.js';

/**
 * OAuth mode's installations on the running store: readable once it is migrated and every installation sealed with
 * a previous key has been sealed again with TOKEN_ENCRYPTION_KEY (docs/oauth.md › Rotating the key).
 */
export function installationsIn(store: RunningStore, keys: TokenKeys, log: Logger): Installations {
  const cipher = createTokenCipher(keys);
  const ready = store.ready.then(async () => {
    const { resealed, unreadable } = await resealInstallations(store.database()!, cipher).catch((error: unknown) => {
      log.warn({ err: error }, 'could not seal installations again with the current TOKEN_ENCRYPTION_KEY; the next start tries again');
      return { resealed: 0, unreadable: [] };
    });
    if (resealed > 0) log.info({ resealed }, 'installations sealed again with the current TOKEN_ENCRYPTION_KEY');
    if (unreadable.length > 0) {
      log.error(
        { installations: unreadable },
        'installations sealed with a key that is neither TOKEN_ENCRYPTION_KEY nor TOKEN_ENCRYPTION_KEY_PREVIOUS: set the old key as TOKEN_ENCRYPTION_KEY_PREVIOUS, or have these workspaces install srm-bot again',
      );
    }
  });
  return { store: databaseInstallationStore({ database: store.database, cipher, log }), ready };
}

interface InstallationStoreOptions {
  /** The open database, or null while it is still being reached (docs/teams-and-evidence.md). */
  database: () => Database | null;
  cipher: TokenCipher;
  log: Logger;
}

/**
 * Bolt's installation store (OAuth mode) on srm-bot's database: each installation sealed with TOKEN_ENCRYPTION_KEY
 * (src/store/installations.ts). Bolt calls fetchInstallation for every request, to find the workspace's bot token.
 * Log lines name the workspace, never what the installation holds.
 */
function databaseInstallationStore({ database, cipher, log }: InstallationStoreOptions): Required<InstallationStore> {
  // Waiting for a database that is being reached would hold the request past Slack's 3 seconds: refuse at once.
  const open = () => database() ?? failNotOpen();
  return {
    async storeInstallation(installation) {
      const owner = ownerOfInstallation(installation);
      await saveInstallation(open(), cipher, {
        owner,
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        document: JSON.stringify(installation),
      });
      log.info({ [owner.kind]: owner.id, scopes: installation.bot?.scopes }, 'srm-bot installed');
    },
    async fetchInstallation(query) {
      const owner = ownerOfQuery(query);
      const document = await loadInstallation(open(), cipher, owner);
      if (document === null) throw new Error(`srm-bot is not installed in ${owner.kind} ${owner.id} (or was uninstalled): install it through /slack/install`);
      return JSON.parse(document) as Installation;
    },
    async deleteInstallation(query) {
      const owner = ownerOfQuery(query);
      const deleted = await deleteInstallation(open(), owner);
      log.info({ [owner.kind]: owner.id, deleted }, deleted ? 'installation and its tokens deleted' : 'no installation to delete');
    },
  };
}

function failNotOpen(): never {
  throw new StoreError('the database is not open yet, so no installation can be read; the app becomes ready once it is');
}

/** An org-wide install answers for every workspace of the organization; any other belongs to its workspace. */
function ownerOfInstallation(installation: Installation): InstallationOwner {
  if (installation.isEnterpriseInstall && installation.enterprise !== undefined) return { kind: 'enterprise', id: installation.enterprise.id };
  if (installation.team !== undefined) return { kind: 'team', id: installation.team.id };
  throw new Error('Slack returned an installation with neither a workspace nor an org-wide enterprise');
}

function ownerOfQuery(query: InstallationQuery<boolean>): InstallationOwner {
  if (query.isEnterpriseInstall && query.enterpriseId !== undefined) return { kind: 'enterprise', id: query.enterpriseId };
  if (query.teamId !== undefined) return { kind: 'team', id: query.teamId };
  throw new Error('a request with neither a workspace nor an org-wide enterprise');
}

/**
 * The bot token of an installation ('team:T…' or 'enterprise:E…'), opened with the key(s); null when there is none
 * (never installed, or uninstalled). For work no request started: the schedule, `srm evidence`.
 */
export async function installationBotToken(database: Queryable, cipher: TokenCipher, installation: string): Promise<string | null> {
  const [kind, id = ''] = installation.split(':', 2);
  const owner: InstallationOwner = { kind: kind === 'enterprise' ? 'enterprise' : 'team', id };
  const document = await loadInstallation(database, cipher, owner);
  if (document === null) return null;
  return (JSON.parse(document) as Installation).bot?.token ?? null;
}

/**
 * OAuth mode's scheduled posts: the channels subscribed to `post`, read once the store is ready, and a client
 * holding each installation's bot token (docs/oauth.md › Daily tips).
 */
export function installedWorkspaces(
  store: RunningStore,
  keys: TokenKeys,
  config: Pick<Config, 'slackApiUrl' | 'slackApiRetries'>,
  post: ScheduledPost,
  log: Logger,
): Workspaces {
  const cipher = createTokenCipher(keys);
  const open = () => store.database() ?? failNotOpen();
  return {
    async channels() {
      await store.ready;
      return (await subscribedChannels(open(), post)).map((s) => ({ installation: ownerKey(s.owner), workspace: s.workspace, channel: s.channel }));
    },
    async client(installation): Promise<webApi.WebClient | null> {
      const token = await installationBotToken(open(), cipher, installation);
      return token === null ? null : botClient(config, token, log);
    },
  };
}
