import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Forbidden } from '../errors.ts';
import { featuresOf, hasFeature, isOption, OPTIONS, optionOf, requireFeature } from './options.ts';

test('each option of the guide switches on its features, and only those', () => {
  const account = { options: ['alias_manager', 'multi_currency'] };
  assert.equal(hasFeature(account, 'aliases'), true);
  assert.equal(hasFeature(account, 'currencies'), true);
  assert.equal(hasFeature(account, 'e_terminal'), false);
  assert.equal(hasFeature(account, 'terms_url'), false);
  assert.deepEqual(featuresOf('merchant_assistant'), ['vat_rules', 'shipping_rules']);
  assert.equal(optionOf('batch_upload'), 'batch');
  for (const option of OPTIONS) assert.ok(featuresOf(option).length > 0, `${option} switches something on`);
});

test('an action of a feature whose option is off is refused (403); an unknown stored code enables nothing', () => {
  assert.throws(() => requireFeature({ options: [] }, 'e_terminal'), Forbidden);
  assert.doesNotThrow(() => requireFeature({ options: ['e_terminal'] }, 'e_terminal'));
  assert.equal(isOption('e_terminal'), true);
  assert.equal(isOption('teleportation'), false);
  assert.equal(hasFeature({ options: ['teleportation'] }, 'aliases'), false);
});
