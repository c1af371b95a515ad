import type { Queryable } from './database.js';
import type { TokenCipher } from './tokenCipher.js';

/**
 * Each workspace's (or organization's) installation of the app in OAuth mode (docs/oauth.md). The store keeps it as
 * a sealed document it cannot read: only the ids it is looked up by are in plain text, so the database, its backups
 * and its logs never hold a token. What the document holds is the Slack layer's business.
 */

/** Whose installation: a workspace, or a whole Enterprise Grid organization for an org-wide install. */
export type InstallationOwner = { kind: 'team' | 'enterprise'; id: string };

export interface InstallationRecord {
  owner: InstallationOwner;
  teamId: string | null;
  enterpriseId: string | null;
  /** The installation as text (JSON); sealed before it reaches the database. */
  document: string;
}

/** The primary key, and what each sealed document is bound to: a document moved to another row does not open. */
export const ownerKey = ({ kind, id }: InstallationOwner) => `${kind}:${id}`;

/** Stores an installation, replacing the owner's previous one (a reinstall with new scopes, a new token). */
export async function saveInstallation(database: Queryable, cipher: TokenCipher, record: InstallationRecord, now = new Date()): Promise<void> {
  const key = ownerKey(record.owner);
  const sealed = cipher.seal(record.document, key);
  await database.query(
    `INSERT INTO slack_installations (owner, team_id, enterprise_id, key_id, sealed, installed_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (owner) DO UPDATE SET team_id = $2, enterprise_id = $3, key_id = $4, sealed = $5, updated_at = $6`,
    [key, record.teamId, record.enterpriseId, sealed.keyId, sealed.data, now],
  );
}

/** The owner's installation document, or null when there is none (never installed, or uninstalled). */
export async function loadInstallation(database: Queryable, cipher: TokenCipher, owner: InstallationOwner): Promise<string | null> {
  const key = ownerKey(owner);
  const { rows } = await database.query<SealedRow>('SELECT key_id, sealed FROM slack_installations WHERE owner = $1', [key]);
  const [row] = rows;
  return row === undefined ? null : cipher.open(sealedOf(row), key);
}

/** Forgets the owner's installation; true when there was one. */
export async function deleteInstallation(database: Queryable, owner: InstallationOwner): Promise<boolean> {
  const { rowCount } = await database.query('DELETE FROM slack_installations WHERE owner = $1', [ownerKey(owner)]);
  return rowCount > 0;
}

/**
 * Seals again, with the current key, every installation sealed with another one (after TOKEN_ENCRYPTION_KEY was
 * rotated). A row changed meanwhile by another replica is left to it; one that no key given opens is listed, not
 * fatal: the other workspaces keep working.
 */
export async function resealInstallations(database: Queryable, cipher: TokenCipher, now = new Date()): Promise<{ resealed: number; unreadable: string[] }> {
  const { rows } = await database.query<SealedRow & { owner: string }>('SELECT owner, key_id, sealed FROM slack_installations WHERE key_id <> $1', [
    cipher.keyId,
  ]);
  let resealed = 0;
  const unreadable: string[] = [];
  for (const row of rows) {
    let document: string;
    try {
      document = cipher.open(sealedOf(row), row.owner);
    } catch {
      unreadable.push(row.owner);
      continue;
    }
    const sealed = cipher.seal(document, row.owner);
    const { rowCount } = await database.query('UPDATE slack_installations SET key_id = $1, sealed = $2, updated_at = $3 WHERE owner = $4 AND key_id = $5', [
      sealed.keyId,
      sealed.data,
      now,
      row.owner,
      row.key_id,
    ]);
    resealed += rowCount;
  }
  return { resealed, unreadable };
}

interface SealedRow {
  key_id: string;
  /** bytea: a Buffer from pg, a Uint8Array from PGlite. */
  sealed: Uint8Array;
}

const sealedOf = (row: SealedRow) => ({ keyId: row.key_id, data: Buffer.from(row.sealed) });
