import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allMessages } from '../i18n/catalogue.ts';
import { copyParts, registerCopyPart } from './copy-registry.ts';
import './service.ts';

/** The copy registry (I1): today's parts, their words in the audit log, and one registration per name. */
describe('the copy registry', () => {
  test('today’s parts are the administrative data and the account settings, in that order', () => {
    assert.deepEqual(
      copyParts().map((part) => part.name),
      ['administrative_data', 'account_settings'],
    );
  });

  test('every registered part has words in the audit log, in English and French', () => {
    const { en, fr } = allMessages();
    for (const part of copyParts()) {
      const key = `audit.value.copied.${part.name}`;
      assert.ok(en[key] && fr[key], `${part.name} has no words: add ${key} to src/audit/detail-messages.ts`);
    }
  });

  test('a name is registered once; unregistering takes the part out', () => {
    const part = {
      name: 'twice',
      label: 'production.part.settings',
      details: 'production.part.settingsDetails',
      copy: async () => undefined,
    } as const;
    const unregister = registerCopyPart(part);
    assert.throws(() => registerCopyPart(part), /registered twice/);
    unregister();
    assert.ok(!copyParts().some((p) => p.name === 'twice'));
  });
});
