import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { allMessages, translator } from '../i18n/catalogue.ts';
import { actorWords, detailPairs, detailsText, eventLabel, objectWords } from './labels.ts';

/**
 * Issue 8, item 17: the audit log shows words, not codes. Every event type and every reason the
 * code records has words in English and French, found by reading the sources that write audit
 * entries, so a new one without words fails here.
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(folder = SRC): { file: string; text: string }[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' || entry.name === 'schema' ? [] : sources(full);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.ts$|test-fixtures/.test(entry.name)) return [];
    return [{ file: path.relative(SRC, full), text: readFileSync(full, 'utf8') }];
  });
}

/** The quoted codes in each match of `pattern`'s first group. */
function quoted(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].flatMap((match) =>
    [...(match[1] ?? '').matchAll(/'([A-Za-z][\w.]*)'/g)].map((q) => q[1] ?? ''),
  );
}

const writers = sources().filter(({ text }) => /record(Event|Audit)\(/.test(text));

describe('words for what the code records', () => {
  test('every event type the code records has a label in English and French', () => {
    const types = new Map<string, string>();
    for (const { file, text } of writers) {
      for (const type of quoted(text, /\b(?:eventType|type)\s*:\s*([^,}\n]*)/g)) types.set(type, file);
      for (const type of quoted(text, /\bstepUp\([^)]*?('[\w.]+')\s*\)/g)) types.set(type, file);
    }
    assert.ok(types.size >= 20, `found ${types.size} event types`);
    const { en, fr } = allMessages();
    for (const [type, file] of types) {
      const key = `audit.event.${type}`;
      assert.ok(en[key] && fr[key], `${type} (${file}) has no words: add ${key} to src/audit/messages.ts`);
    }
  });

  test('every reason the code records has words in English and French', () => {
    const reasons = new Map<string, string>();
    const patterns = [
      /\breason\s*:\s*([^,}\n]*)/g,
      /\bconst (?:reason|refusal|wrong)\b[^=]*=([^;]*);/g,
      /\brefuse\(([^)]*)\)/g,
      /\btype \w*(?:Failure|Reason)\w* =([^;]*);/g,
    ];
    for (const { file, text } of writers) {
      for (const pattern of patterns) for (const reason of quoted(text, pattern)) reasons.set(reason, file);
    }
    assert.ok(reasons.size >= 15, `found ${reasons.size} reasons`);
    const { en, fr } = allMessages();
    for (const [reason, file] of reasons) {
      const key = `audit.reason.${reason}`;
      assert.ok(en[key] && fr[key], `${reason} (${file}) has no words: add ${key} to src/audit/detail-messages.ts`);
    }
  });
});

describe('codes in words', () => {
  const en = translator('en');
  const fr = translator('fr');
  const account = { id: 'a1', pspid: 'SHOP' };

  test('names, coded values, numbers, yes and no, changes, lists and nested details', () => {
    assert.deepEqual(
      detailPairs(en, 'login', { form: 'pspid', pspid: 'SHOP', reason: 'rate_limited_address', device: 'trusted' }),
      [
        ['Login form', 'With the PSPID'],
        ['PSPID', 'SHOP'],
        ['Reason', 'Too many attempts from this address'],
        ['Browser', 'Known from an earlier login'],
      ],
    );
    assert.deepEqual(detailPairs(fr, 'user.locked', { failedAttempts: 10, minutes: 30 }), [
      ['Tentatives échouées', '10'],
      ['Bloqué pendant (minutes)', '30'],
    ]);
    assert.deepEqual(detailPairs(en, 'account.two_factor_required', { before: false, after: true }), [['Change', 'No → Yes']]);
    assert.deepEqual(
      detailPairs(fr, 'user.update', {
        target: 'bob',
        changes: { language: { before: 'en', after: 'fr' }, email: { before: null, after: 'b@example.com' } },
      }),
      [
        ['Utilisateur concerné', 'bob'],
        ['Langue', 'English → Français'],
        ['Adresse e-mail', '— → b@example.com'],
      ],
    );
    assert.deepEqual(detailPairs(en, 'otp.recovery_code_used', { for: 'otp.disable' }), [
      ['Used for', 'Two-factor authentication turned off'],
    ]);
    assert.deepEqual(
      detailPairs(en, 'audit.view', {
        from: '2026-03-01',
        event: 'login',
        result: 'failure',
        before: '2026-03-01T00:00:00.000000Z~7',
      }),
      [
        ['From', '2026-03-01'],
        ['Event', 'Login'],
        ['Result', 'Failure'],
        ['Before', '2026-03-01T00:00:00.000000Z~7'],
      ],
    );
    // A code without words, or a free text that looks like a key, is shown as stored.
    assert.deepEqual(detailPairs(en, 'user.create', { name: 'login.failed', reason: 'brand_new', extra: { a: [1, 2] } }), [
      ['Name', 'login.failed'],
      ['Reason', 'brand_new'],
      ['extra › a', '1, 2'],
    ]);
    assert.equal(eventLabel(fr, 'user.demo_password_reissued'), 'Mot de passe de démonstration réémis');
    assert.equal(eventLabel(en, 'not.known'), 'not.known');
  });

  test('actors: a USERID as stored, an unknown user and the system in words', () => {
    assert.equal(actorWords(fr, 'marie'), 'marie');
    assert.equal(actorWords(fr, 'unknown user 3fa9c1e2d4'), 'Utilisateur inconnu 3fa9c1e2d4');
    assert.equal(actorWords(en, 'system'), 'Guichet (system)');
    assert.equal(actorWords(en, null), null);
  });

  test('objects: a user by USERID, one no longer there by the start of its id, this account by PSPID', () => {
    const userids = new Map([['u1', 'alice']]);
    assert.equal(objectWords(en, 'user:u1', userids, account), 'User alice');
    assert.equal(
      objectWords(fr, 'user:0d15ea5e-0000-4000-8000-000000000000', userids, account),
      'Utilisateur 0d15ea5e (n’existe plus)',
    );
    assert.equal(objectWords(en, 'account:a1', userids, account), 'Account SHOP');
    assert.equal(objectWords(en, 'account:b2c3d4e5f6', userids, account), 'Account b2c3d4e5');
    assert.equal(objectWords(en, 'payment:42', userids, account), 'payment:42');
    assert.equal(objectWords(en, null, userids, account), null);
  });
});

describe('a technical information passphrase in the log', () => {
  test('says it changed, in the reader’s language, never a value', () => {
    const details = { changes: { shaInDirectLinkPassphrase: { before: '********', after: 'changed' } } };
    assert.match(detailsText(translator('fr'), 'technical.update', details), /→ modifiée/);
    assert.match(detailsText(translator('en'), 'technical.update', details), /→ changed/);
  });
});
