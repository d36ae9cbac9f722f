import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { testConfig } from '../config.ts';
import { openSecret, resolveSecretKey, sealSecret } from './secret-box.ts';

const key = randomBytes(32);
const seed = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Flips one bit of one part (1 = iv, 2 = tag, 3 = ciphertext) and encodes it back. */
function flipBit(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0]! ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('sealSecret / openSecret', () => {
  test('a sealed secret opens to the same text, under the same key and context', () => {
    const sealed = sealSecret(key, seed, 'totp:42');
    assert.equal(openSecret(key, sealed, 'totp:42'), seed);
    assert.equal(openSecret(key, sealSecret(key, 'é€😀', 'ctx'), 'ctx'), 'é€😀');
    assert.equal(openSecret(key, sealSecret(key, '', 'ctx'), 'ctx'), '');
  });

  test('the stored form is versioned and does not show the secret', () => {
    const sealed = sealSecret(key, seed, 'totp:42');
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    assert.ok(!sealed.includes(seed));
    assert.equal(Buffer.from(sealed.split('.')[3]!, 'base64url').length, Buffer.byteLength(seed));
  });

  test('each sealing uses a fresh IV', () => {
    const a = sealSecret(key, seed, 'totp:42');
    const b = sealSecret(key, seed, 'totp:42');
    assert.notEqual(a, b);
    assert.notEqual(a.split('.')[1], b.split('.')[1]);
  });

  test('an altered ciphertext, tag or IV is refused', () => {
    const sealed = sealSecret(key, seed, 'totp:42');
    for (const part of [1, 2, 3] as const) {
      assert.throws(() => openSecret(key, flipBit(sealed, part), 'totp:42'), /could not be opened/, `part ${part}`);
    }
  });

  test('any change to the stored text is refused, even in base64 padding bits', () => {
    const sealed = sealSecret(key, seed, 'totp:42');
    const parts = sealed.split('.');
    // The tag's last character carries 4 unused bits: changing them must not go unnoticed.
    const tag = parts[2]!;
    const last = tag.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const altered = [parts[0], parts[1], tag.slice(0, -1) + sibling, parts[3]].join('.');
    assert.throws(() => openSecret(key, altered, 'totp:42'));
    assert.throws(() => openSecret(key, `${sealed}=`, 'totp:42'));
    assert.throws(() => openSecret(key, sealed.slice(0, -1), 'totp:42'));
    assert.throws(() => openSecret(key, `v2${sealed.slice(2)}`, 'totp:42'), /unknown format/);
    assert.throws(() => openSecret(key, parts.slice(0, 3).join('.'), 'totp:42'), /unknown format/);
    assert.throws(() => openSecret(key, '', 'totp:42'), /unknown format/);
  });

  test('another key cannot open it', () => {
    const sealed = sealSecret(key, seed, 'totp:42');
    assert.throws(() => openSecret(randomBytes(32), sealed, 'totp:42'), /could not be opened/);
  });

  test('a value moved to another row (other context) cannot be opened', () => {
    const sealed = sealSecret(key, seed, 'totp:42');
    assert.throws(() => openSecret(key, sealed, 'totp:43'), /could not be opened/);
    assert.throws(() => openSecret(key, sealed, 'totp:420'), /could not be opened/);
    assert.throws(() => openSecret(key, sealed, ''), /could not be opened/);
  });

  test('keys of the wrong size are refused', () => {
    assert.throws(() => sealSecret(randomBytes(16), seed, 'ctx'), /32 bytes/);
    assert.throws(() => openSecret(randomBytes(16), sealSecret(key, seed, 'ctx'), 'ctx'), /32 bytes/);
  });
});

describe('resolveSecretKey', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guichet-secret-box-'));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('SECRET_KEY from the configuration is used as is, and no file is made', () => {
    const dataDir = tempDir();
    const configured = randomBytes(32);
    const resolved = resolveSecretKey(testConfig({ dataDir, secretKey: configured.toString('base64') }));
    assert.ok(resolved.equals(configured));
    assert.deepEqual(readdirSync(dataDir), []);
  });

  test('a SECRET_KEY that is not base64 of 32 bytes is refused with a clear message', () => {
    const dataDir = tempDir();
    const bad = [
      '',
      'not a key',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      randomBytes(32).toString('hex'),
      `${randomBytes(32).toString('base64').slice(0, 20)}!${randomBytes(32).toString('base64').slice(21)}`,
    ];
    for (const secretKey of bad) {
      assert.throws(() => resolveSecretKey(testConfig({ dataDir, secretKey })), /SECRET_KEY.*32 bytes.*base64/, secretKey);
    }
    assert.deepEqual(readdirSync(dataDir), []);
  });

  test('without SECRET_KEY a key file is made once, mode 0600, and reused', () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const config = testConfig({ dataDir, secretKey: undefined });
    const first = resolveSecretKey(config);
    assert.equal(first.length, 32);
    const file = path.join(dataDir, 'secret.key');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first));
    assert.deepEqual(readdirSync(dataDir), ['secret.key'], 'no temporary file is left');

    const second = resolveSecretKey(config);
    assert.ok(second.equals(first));
    // What was sealed before a restart opens after it.
    const sealed = sealSecret(first, seed, 'totp:1');
    assert.equal(openSecret(resolveSecretKey(config), sealed, 'totp:1'), seed);
  });

  test('each data folder gets its own key', () => {
    const a = resolveSecretKey(testConfig({ dataDir: tempDir(), secretKey: undefined }));
    const b = resolveSecretKey(testConfig({ dataDir: tempDir(), secretKey: undefined }));
    assert.ok(!a.equals(b));
  });

  test('a damaged key file is reported, never replaced', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'secret.key');
    writeFileSync(file, 'garbage\n', { mode: 0o600 });
    assert.throws(() => resolveSecretKey(testConfig({ dataDir, secretKey: undefined })), /secret\.key.*SECRET_KEY/);
    assert.equal(readFileSync(file, 'utf8'), 'garbage\n');
  });
});
