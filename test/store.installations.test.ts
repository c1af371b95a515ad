import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTokenCipher,
  deleteInstallation,
  loadInstallation,
  migrate,
  openDatabase,
  resealInstallations,
  saveInstallation,
  type Database,
  type InstallationRecord,
} from '../src/store/index.js';
import { storeBackends } from './support/stores.js';

const OLD_KEY = randomBytes(32);
const KEY = randomBytes(32);
const TOKEN = 'xoxb-1111-2222-plaintext-token';

const record = (teamId: string, token = TOKEN): InstallationRecord => ({
  owner: { kind: 'team', id: teamId },
  teamId,
  enterpriseId: null,
  document: JSON.stringify({ team: { id: teamId }, bot: { token } }),
});

describe('the token cipher', () => {
  const cipher = createTokenCipher({ current: KEY, previous: null });

  it('opens what it sealed, with a fresh nonce each time, and never holds the plain text', () => {
    const [first, second] = [cipher.seal(TOKEN, 'team:T1'), cipher.seal(TOKEN, 'team:T1')];
    expect(cipher.open(first, 'team:T1')).toBe(TOKEN);
    expect(first.data.equals(second.data)).toBe(false);
    expect(first.data.includes(Buffer.from(TOKEN))).toBe(false);
    expect(first.keyId).toBe(cipher.keyId);
  });

  it('refuses a value changed by one bit, moved to another row, or sealed with a key it does not have', () => {
    const sealed = cipher.seal(TOKEN, 'team:T1');
    const flipped = Buffer.from(sealed.data);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => cipher.open({ ...sealed, data: flipped }, 'team:T1')).toThrow();
    expect(() => cipher.open(sealed, 'team:T2')).toThrow();
    const stranger = createTokenCipher({ current: randomBytes(32), previous: null });
    expect(() => stranger.open(sealed, 'team:T1')).toThrow(/neither TOKEN_ENCRYPTION_KEY nor TOKEN_ENCRYPTION_KEY_PREVIOUS/);
  });
});

describe.each(storeBackends())('installations on $name', (backend) => {
  let database: Database;

  describe.skipIf(backend.missing !== null)('', () => {
    beforeEach(async () => {
      database = await openDatabase(await backend.settings());
      await migrate(database);
    });
    afterEach(() => database.close());

    it('stores sealed, loads by workspace, replaces on reinstall, deletes on uninstall', async () => {
      const cipher = createTokenCipher({ current: KEY, previous: null });
      await saveInstallation(database, cipher, record('T1'));
      await saveInstallation(database, cipher, record('T2', 'xoxb-second-workspace'));
      await saveInstallation(database, cipher, record('T1', 'xoxb-reinstalled'));
      expect(JSON.parse((await loadInstallation(database, cipher, { kind: 'team', id: 'T1' }))!)).toMatchObject({ bot: { token: 'xoxb-reinstalled' } });
      expect(await loadInstallation(database, cipher, { kind: 'enterprise', id: 'T1' })).toBeNull();

      const { rows } = await database.query('SELECT * FROM slack_installations ORDER BY owner');
      expect(rows.map((row) => [row.owner, row.team_id, row.key_id])).toEqual([
        ['team:T1', 'T1', cipher.keyId],
        ['team:T2', 'T2', cipher.keyId],
      ]);
      const everything = JSON.stringify(rows, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value));
      expect(everything).not.toContain('xoxb-');

      expect(await deleteInstallation(database, { kind: 'team', id: 'T1' })).toBe(true);
      expect(await deleteInstallation(database, { kind: 'team', id: 'T1' })).toBe(false);
      expect(await loadInstallation(database, cipher, { kind: 'team', id: 'T1' })).toBeNull();
      expect(await loadInstallation(database, cipher, { kind: 'team', id: 'T2' })).toContain('xoxb-second-workspace');
    });

    it('after a key rotation, seals every installation again with the new key and lists one no key opens', async () => {
      await saveInstallation(database, createTokenCipher({ current: OLD_KEY, previous: null }), record('T1'));
      await saveInstallation(database, createTokenCipher({ current: randomBytes(32), previous: null }), record('T9'));
      const rotated = createTokenCipher({ current: KEY, previous: OLD_KEY });
      expect(await resealInstallations(database, rotated)).toEqual({ resealed: 1, unreadable: ['team:T9'] });
      expect(await resealInstallations(database, rotated)).toEqual({ resealed: 0, unreadable: ['team:T9'] });
      // The old key may now be dropped: the new one alone opens the installation.
      const newOnly = createTokenCipher({ current: KEY, previous: null });
      expect(await loadInstallation(database, newOnly, { kind: 'team', id: 'T1' })).toContain(TOKEN);
    });
  });
});
