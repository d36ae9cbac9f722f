import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCERROR } from '../payments/ncerror.ts';
import { GENERIC_TEXT, NCERROR_TEXTS, NCERRORPLUS_TEXTS, ncErrorPlusText, ncErrorReasonFor } from '../payments/ncerror-texts.ts';
import {
  aliasNotFoundText,
  MISSING_FIELD_TEXTS,
  missingFieldsText,
  requestRefusalError,
  SHA_MISMATCH_TEXT,
  unknownIpText,
} from './error-texts.ts';
import { type DirectLinkRequestRefusal, readDirectLinkRequest } from './request.ts';

describe('NCERRORPLUS texts', () => {
  it('has a text for every NCERROR code Guichet answers', () => {
    for (const [name, code] of Object.entries(NCERROR)) {
      assert.ok(NCERRORPLUS_TEXTS[code], `no text for ${name} (${code})`);
    }
  });

  it('uses the platform texts the reference gives', () => {
    assert.equal(ncErrorPlusText(NCERROR.ok), '!');
    assert.equal(ncErrorPlusText(NCERROR.refundOverflow), 'Overflow in refunds requests');
    assert.equal(ncErrorPlusText(NCERROR.badLogin), 'Some of the data entered is incorrect. Please retry.');
    assert.equal(ncErrorPlusText(NCERROR.orderAlreadyProcessed), 'This order has already been processed.');
    assert.equal(ncErrorPlusText(NCERROR.shaMismatch), 'SHA Mismatch');
  });

  it('has a French text beside the English one for every code, in one table', () => {
    for (const [name, code] of Object.entries(NCERROR)) {
      const texts = NCERROR_TEXTS[code];
      assert.ok(texts?.en && texts.fr, `no English and French texts for ${name} (${code})`);
      assert.equal(NCERRORPLUS_TEXTS[code], texts.en, 'what the API answers is the English text');
      if (code !== NCERROR.ok) assert.notEqual(texts.fr, texts.en, `${name}: the French text is a translation`);
    }
  });

  it('shows a stored reason in the reader’s language when it is its code’s standard text, else as stored', () => {
    const standard = ncErrorPlusText(NCERROR.dataValidation);
    assert.deepEqual(ncErrorReasonFor(NCERROR.dataValidation, standard, 'en'), { text: 'Data validation error' });
    assert.deepEqual(ncErrorReasonFor(NCERROR.dataValidation, standard, 'fr'), { text: 'Erreur de validation des données' });
    const missing = missingFieldsText(['ORDERID']);
    assert.deepEqual(ncErrorReasonFor(NCERROR.dataValidation, missing, 'en'), { text: ' no orderid' });
    assert.deepEqual(ncErrorReasonFor(NCERROR.dataValidation, missing, 'fr'), {
      text: ' no orderid',
      lang: 'en',
      meaning: 'Erreur de validation des données',
    });
    // Another code's standard text is not this code's: kept as stored.
    assert.deepEqual(ncErrorReasonFor(NCERROR.shaMismatch, SHA_MISMATCH_TEXT, 'fr'), {
      text: 'unknown order/1/s',
      lang: 'en',
      meaning: 'Signature SHA non concordante',
    });
    assert.deepEqual(ncErrorReasonFor('59999999', GENERIC_TEXT, 'fr'), { text: 'Une erreur s’est produite.' });
    assert.deepEqual(ncErrorReasonFor('59999999', 'Something else', 'fr'), { text: 'Something else', lang: 'en' });
  });

  it('answers the generic text for a code without one', () => {
    assert.equal(ncErrorPlusText('59999999'), GENERIC_TEXT);
    assert.equal(ncErrorPlusText(NCERROR.generic), GENERIC_TEXT);
  });

  it('lists missing fields as the platform does: a leading space, items joined by "|"', () => {
    assert.equal(missingFieldsText(['CARDNO', 'ED', 'BRAND']), ' no card no|no exp date|no brand');
    assert.equal(missingFieldsText(['orderID']), ' no orderid');
    assert.equal(missingFieldsText(['Amount', 'EXTRAFIELD']), ' no amount|no extrafield');
    assert.equal(missingFieldsText([]), 'Data validation error');
    for (const text of Object.values(MISSING_FIELD_TEXTS)) assert.match(text, /^no [a-z ]+$/);
  });

  it('writes the IP, SHA and alias texts in the platform form', () => {
    assert.equal(unknownIpText('67.192.100.64'), 'unknown order/1/i/67.192.100.64');
    assert.match(SHA_MISMATCH_TEXT, /^unknown order\/1\/s/);
    assert.equal(aliasNotFoundText('Customer 1'), 'Alias "Customer 1" not Found');
  });
});

describe('refused request bodies', () => {
  const refusals: DirectLinkRequestRefusal[] = [
    { problem: 'contentType' },
    { problem: 'tooLarge', limitBytes: 65536 },
    { problem: 'encoding', parameter: 'CN' },
    { problem: 'repeated', parameter: 'ORDERID' },
    { problem: 'nul', parameter: 'COM' },
  ];

  it('answers each with the format validation error and a text saying what is wrong', () => {
    const texts = new Set<string>();
    for (const refusal of refusals) {
      const { ncerror, ncerrorplus } = requestRefusalError(refusal);
      assert.equal(ncerror, NCERROR.formatValidation);
      assert.ok(ncerrorplus.startsWith('Format validation error: '), ncerrorplus);
      if ('parameter' in refusal) assert.ok(ncerrorplus.includes(refusal.parameter));
      texts.add(ncerrorplus);
    }
    assert.equal(texts.size, refusals.length);
  });

  it('never repeats a refused value, such as a card number sent twice', () => {
    const body = new TextEncoder().encode('CARDNO=4111111111111111&cardno=4111111111111111');
    const result = readDirectLinkRequest(body, 'application/x-www-form-urlencoded', 'iso-8859-1');
    assert.ok(!result.ok);
    const { ncerrorplus } = requestRefusalError(result.refusal);
    assert.equal(ncerrorplus, 'Format validation error: CARDNO is sent more than once');
    assert.ok(!JSON.stringify(result).includes('4111'));
  });
});
