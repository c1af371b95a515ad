import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { TokenKeys } from '../config.js';

/**
 * AES-256-GCM for what must never be stored in plain text (workspaces' bot tokens). Each value gets a fresh random
 * 96-bit nonce; the tag authenticates the value and `context` (the row it belongs to), so a sealed value altered,
 * or copied into another workspace's row, does not open.
 */
export interface TokenCipher {
  /** The fingerprint of the current key, stored beside each sealed value. */
  readonly keyId: string;
  seal(plaintext: string, context: string): Sealed;
  /** Throws when the key is unknown or the value or its context was changed. */
  open(sealed: Sealed, context: string): string;
}

export interface Sealed {
  keyId: string;
  /** nonce (12 bytes) ‖ tag (16 bytes) ‖ ciphertext */
  data: Buffer;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A key's fingerprint: tells which key sealed a value without saying anything about the key. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update('srm-bot token key\0').update(key).digest('hex').slice(0, 16);

export function createTokenCipher(keys: TokenKeys): TokenCipher {
  const byId = new Map([keys.previous, keys.current].filter((key) => key !== null).map((key) => [keyIdOf(key), key]));
  const keyId = keyIdOf(keys.current);
  return {
    keyId,
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.current, nonce).setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { keyId, data: Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]) };
    },
    open({ keyId: sealedWith, data }, context) {
      const key = byId.get(sealedWith);
      if (key === undefined) {
        throw new Error(`sealed with key ${sealedWith}, which is neither TOKEN_ENCRYPTION_KEY nor TOKEN_ENCRYPTION_KEY_PREVIOUS`);
      }
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES)).setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(data.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
