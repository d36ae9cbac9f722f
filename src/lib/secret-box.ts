import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/** Encryption at rest for secrets the server must read back (TOTP seeds): AES-256-GCM under one server key. */

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
export const SECRET_KEY_FILE = 'secret.key';

/**
 * The server key: SECRET_KEY (base64 of 32 bytes) when configured; otherwise `<dataDir>/secret.key`, made once
 * with 32 random bytes (mode 0600) and read back on every later start. Losing that key makes sealed secrets unreadable.
 */
export function resolveSecretKey(config: Config): Buffer {
  if (config.secretKey !== undefined) {
    const key = decodeKey(config.secretKey);
    if (!key) {
      throw new Error(`SECRET_KEY must be exactly ${KEY_BYTES} bytes in base64 (make one with: openssl rand -base64 32)`);
    }
    return key;
  }
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return existing;
  createKeyFile(file);
  const key = readKeyFile(file);
  if (!key) throw new Error(`The secret key file ${file} could not be created`);
  return key;
}

/** Seals `plaintext` for storage; `context` (e.g. 'totp:<userId>') binds it to its row. */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** Opens a value made by sealSecret; throws when it was altered, or the key or the context differ. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  checkKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('Sealed secret: unknown format');
  const [iv, tag, ciphertext] = parts.slice(1).map(decodeBase64Url);
  if (!iv || !tag || !ciphertext || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new Error('Sealed secret: unknown format');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('Sealed secret could not be opened: wrong key, wrong context or altered value');
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`The secret key must be ${KEY_BYTES} bytes`);
}

/** Strict base64 of exactly 32 bytes (Buffer.from alone would skip stray characters). */
function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === KEY_BYTES && key.toString('base64') === trimmed ? key : null;
}

/** Canonical base64url only, so that any change to the text is a change to the bytes. */
function decodeBase64Url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = decodeKey(text);
  if (!key) throw new Error(`The secret key file ${file} must hold ${KEY_BYTES} bytes in base64; restore it or set SECRET_KEY`);
  return key;
}

/**
 * Writes a new key to a temporary file, then links it into place: the link fails if another process made the key
 * first (theirs wins), and no reader ever sees a half-written file.
 */
function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(temporary, 0o600);
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}
