import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts } from '../db/schema/accounts.ts';
import { directLinkFixtures } from '../directlink/test-fixtures.ts';
import { NCERROR } from '../payments/ncerror.ts';
import type { ShaAlgorithm } from '../payments/signature.ts';
import { computeShaSign } from '../payments/signature.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { passphraseOf, readTechnicalSettings, saveTechnicalSettings, sealPassphrase } from './settings.ts';
import { auditEntries, generatePath, technicalForm, technicalPage, technicalSectionPath } from './test-fixtures.ts';

const h = await createHarness();
const dl = directLinkFixtures(h);

/** A DirectLink body signed with any algorithm (the shared fixture signs with SHA-512 only). */
function signedWith(fields: Record<string, string | Buffer>, algorithm: ShaAlgorithm, passphrase: string): string {
  const pairs = Object.entries(fields).map(
    ([name, value]) => [name, typeof value === 'string' ? Buffer.from(value, 'latin1') : value] as const,
  );
  const shaSign = computeShaSign(pairs, { direction: 'SHA-IN', algorithm, passphrase, charset: 'iso-8859-1' });
  return new URLSearchParams([
    ...pairs.map(([name, value]) => [name, value.toString('latin1')]),
    ['SHASIGN', shaSign],
  ]).toString();
}

describe('passphrases: never shown back, audited as "changed"', () => {
  test('a typed passphrase is stored sealed; the page then says "Set" and the audit never holds it', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(technicalPage());
    assert.equal(browser.page.textOf(browser.page.one('#technical-directlink-passphrase-status strong')), 'Not set');
    const short = await browser.post(technicalSectionPath('directLink'), technicalForm('directLink', { passphrase: 'short' }));
    assert.equal(short.status, 422);
    assert.equal(
      browser.page.fieldError('technical-directlink-passphrase'),
      'Enter a passphrase of 8 to 64 characters: letters without accents, digits and symbols, no spaces.',
    );
    assert.equal(browser.page.valueOf('#technical-directlink-passphrase'), '', 'a passphrase is never shown back');
    const spaced = await browser.post(
      technicalSectionPath('directLink'),
      technicalForm('directLink', { passphrase: 'with a space 123' }),
    );
    assert.equal(spaced.status, 422);

    const chosen = 'Chosen-passphrase-2026!';
    assert.equal(
      (await browser.post(technicalSectionPath('directLink'), technicalForm('directLink', { passphrase: chosen }))).status,
      303,
    );
    const settings = await readTechnicalSettings(h.db, user.accountId);
    assert.equal(passphraseOf(h.secretKey, settings, 'sha-in-directlink'), chosen);
    assert.ok(!settings.shaInDirectLinkSealed?.includes(chosen));
    await browser.get(technicalPage());
    assert.equal(browser.page.textOf(browser.page.one('#technical-directlink-passphrase-status strong')), 'Set');
    assert.ok(!browser.lastBody.includes(chosen));
    const [entry] = await auditEntries(h.db, user.accountId, 'technical.directlink_checks');
    assert.deepEqual(entry?.details, { changes: { shaInDirectLinkPassphrase: { before: null, after: 'changed' } } });

    // Empty keeps it; a second change says the former one was set, masked.
    assert.equal(
      (await browser.post(technicalSectionPath('directLink'), technicalForm('directLink', { version: '2' }))).status,
      303,
    );
    assert.equal(passphraseOf(h.secretKey, await readTechnicalSettings(h.db, user.accountId), 'sha-in-directlink'), chosen);
    const second = technicalForm('directLink', { version: '2', passphrase: 'Another-passphrase-99' });
    assert.equal((await browser.post(technicalSectionPath('directLink'), second)).status, 303);
    const entries = await auditEntries(h.db, user.accountId, 'technical.directlink_checks');
    assert.deepEqual(entries[1]?.details, { changes: { shaInDirectLinkPassphrase: { before: '********', after: 'changed' } } });
    assert.ok(!JSON.stringify(entries.map((e) => e.details)).includes('passphrase-'));
  });

  test('"generate" shows a random passphrase once, on its answer page; the page after says only "Set"', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(technicalPage());
    const answer = await browser.post(generatePath('feedback'), { version: '1' });
    assert.equal(answer.status, 200);
    assert.equal(browser.page.h1(), 'Your new passphrase');
    const shown = browser.page.textOf(browser.page.one('#generated-passphrase'));
    assert.match(shown, /^[A-Za-z0-9]{32}$/);
    const settings = await readTechnicalSettings(h.db, user.accountId);
    assert.equal(passphraseOf(h.secretKey, settings, 'sha-out'), shown);
    await browser.get(technicalPage());
    assert.ok(!browser.lastBody.includes(shown), 'never shown again');
    assert.equal(browser.page.textOf(browser.page.one('#technical-feedback-passphrase-status strong')), 'Set');
    const [entry] = await auditEntries(h.db, user.accountId, 'technical.feedback');
    assert.deepEqual(entry?.details, { changes: { shaOutPassphrase: { before: null, after: 'changed' } }, generated: true });
    // A stale "generate" (the section changed since) replaces nothing.
    assert.equal((await browser.post(generatePath('feedback'), { version: '1' })).status, 409);
    assert.equal(passphraseOf(h.secretKey, await readTechnicalSettings(h.db, user.accountId), 'sha-out'), shown);
    // A section without a passphrase has no such button.
    assert.equal((await browser.post(generatePath('security'), { version: '1' })).status, 404);
  });

  test('"generate" with a passphrase set asks first: only Confirm replaces it; Cancel and an unconfirmed post change nothing', async () => {
    const { user, browser } = await signIn(h);
    const current = 'Current-DirectLink-1';
    await browser.get(technicalPage());
    const set = technicalForm('directLink', { passphrase: current });
    assert.equal((await browser.post(technicalSectionPath('directLink'), set)).status, 303);
    const stored = () =>
      readTechnicalSettings(h.db, user.accountId).then((s) => passphraseOf(h.secretKey, s, 'sha-in-directlink'));
    const audited = () => auditEntries(h.db, user.accountId, 'technical.directlink_checks').then((e) => e.length);

    // The page's button now opens the confirmation page (a GET form with the section's version).
    await browser.get(technicalPage());
    const button = browser.page.one('#technical-directlink-checks form.generate-passphrase');
    assert.equal(button?.getAttribute('method'), 'get');
    assert.equal(button?.getAttribute('action'), generatePath('directLink'));
    assert.equal(browser.page.valueOf('#technical-directlink-checks form.generate-passphrase [name=version]'), '2');

    // A post without the confirmation (an old page, a script) replaces nothing and is sent to the confirmation.
    const unconfirmed = await browser.post(generatePath('directLink'), { version: '2' });
    assert.equal(unconfirmed.status, 303);
    assert.equal(unconfirmed.headers.get('Location'), `${generatePath('directLink')}?version=2`);
    assert.equal(await stored(), current);
    assert.equal(await audited(), 1);

    assert.equal((await browser.get(`${generatePath('directLink')}?version=2`)).status, 200);
    assert.equal(browser.page.h1(), `Replace the DirectLink SHA-IN passphrase of ${user.pspid}?`);
    assert.equal(
      browser.page.textOf(browser.page.one('#replace-passphrase-warning')),
      'Requests signed with the current passphrase will be refused from now on: every DirectLink and Batch request your servers sign with it is refused (NCERROR 50001184) as soon as you confirm, until the new passphrase is in their configuration.',
    );
    const confirm = browser.page.one('main form[method=post]');
    assert.equal(confirm?.getAttribute('action'), generatePath('directLink'));
    assert.equal(browser.page.valueOf('main form [name=confirmed]'), '1');
    assert.equal(browser.page.valueOf('main form [name=version]'), '2');
    assert.ok(browser.page.valueOf('main form [name=_csrf]'), 'the Confirm form carries the CSRF token');
    assert.equal(browser.page.link('Cancel'), `${technicalPage()}#technical-directlink-checks`);
    assert.equal(await stored(), current, 'the confirmation page changes nothing');

    // Without the CSRF token, Confirm is refused.
    const forged = await browser.post(generatePath('directLink'), { version: '2', confirmed: '1', _csrf: null });
    assert.equal(forged.status, 403);
    assert.equal(await stored(), current);

    await browser.get(`${generatePath('directLink')}?version=2`);
    const confirmed = await browser.post(generatePath('directLink'), { version: '2', confirmed: '1' });
    assert.equal(confirmed.status, 200);
    assert.equal(browser.page.h1(), 'Your new passphrase');
    const shown = browser.page.textOf(browser.page.one('#generated-passphrase'));
    assert.equal(await stored(), shown);
    const entries = await auditEntries(h.db, user.accountId, 'technical.directlink_checks');
    assert.deepEqual(entries[1]?.details, {
      changes: { shaInDirectLinkPassphrase: { before: '********', after: 'changed' } },
      generated: true,
    });
  });

  test('the confirmation speaks French; with no passphrase set its address leads back to the section', async () => {
    const { user: admin } = await signIn(h);
    const { browser } = await signIn(h, { account: admin, userid: 'gen.francais', language: 'fr' });
    await browser.get(technicalPage());
    const noneYet = await browser.get(`${generatePath('ecommerce')}?version=1`);
    assert.equal(noneYet.status, 303);
    assert.equal(noneYet.headers.get('Location'), `${technicalPage()}#technical-ecommerce-checks`);

    await browser.get(technicalPage());
    const first = await browser.post(generatePath('ecommerce'), { version: '1' });
    assert.equal(first.status, 200, 'no passphrase yet: generated at once');
    assert.equal(browser.page.h1(), 'Votre nouvelle phrase secrète');

    await browser.get(`${generatePath('ecommerce')}?version=2`);
    assert.equal(browser.page.h1(), `Remplacer la phrase secrète SHA-IN e-Commerce de ${admin.pspid} ?`);
    assert.match(
      browser.page.textOf(browser.page.one('#replace-passphrase-warning')),
      /^Les demandes signées avec la phrase actuelle seront refusées dès maintenant : /,
    );
    assert.equal(browser.page.textOf(browser.page.one('main form[method=post] button')), 'Remplacer la phrase secrète');
    assert.ok(browser.page.link('Annuler'));
    // Confirmed from a stale version: refused, nothing replaced.
    const before = (await readTechnicalSettings(h.db, admin.accountId)).shaInEcommerceSealed;
    assert.equal((await browser.post(generatePath('ecommerce'), { version: '1', confirmed: '1' })).status, 409);
    assert.equal((await readTechnicalSettings(h.db, admin.accountId)).shaInEcommerceSealed, before);
  });

  test('the Viewer cannot generate one (403)', async () => {
    const { user } = await signIn(h);
    const { browser } = await signIn(h, { account: user, userid: 'gen.viewer', profile: 'viewer' });
    await browser.get(technicalPage());
    assert.equal((await browser.post(generatePath('directLink'), { version: '1' })).status, 403);
    assert.equal((await browser.get(`${generatePath('directLink')}?version=1`)).status, 403);
    assert.equal((await readTechnicalSettings(h.db, user.accountId)).shaInDirectLinkSealed, null);
  });
});

describe('TEST and PRODUCTION passphrases must differ (reference §0)', () => {
  test('a passphrase equal to the twin account’s is refused beside the field, in TEST and in PRODUCTION', async () => {
    const { user: testAdmin, browser } = await signIn(h);
    const production = await createAccount(h.db, { environment: 'prod', passwordChangedAt: h.clock.now() });
    await h.db.update(accounts).set({ productionAccountId: production.accountId }).where(eq(accounts.id, testAdmin.accountId));
    const shared = 'Production-secret-77';
    await saveTechnicalSettings(
      h.db,
      production.accountId,
      { shaOutSealed: sealPassphrase(h.secretKey, production.accountId, 'sha-out', shared) },
      h.clock.now(),
    );
    await browser.get(technicalPage());
    const same = await browser.post(technicalSectionPath('directLink'), technicalForm('directLink', { passphrase: shared }));
    assert.equal(same.status, 422);
    assert.equal(
      browser.page.fieldError('technical-directlink-passphrase'),
      `This passphrase is also one of the PRODUCTION account ${production.pspid}: TEST and PRODUCTION passphrases must differ. Choose another.`,
    );
    assert.equal((await readTechnicalSettings(h.db, testAdmin.accountId)).shaInDirectLinkSealed, null);
    assert.equal((await auditEntries(h.db, testAdmin.accountId, 'technical.directlink_checks')).length, 0);

    // And from PRODUCTION, TEST's passphrase is refused the same way.
    const testOwn = 'Test-secret-for-test-1';
    assert.equal(
      (await browser.post(technicalSectionPath('ecommerce'), technicalForm('ecommerce', { passphrase: testOwn }))).status,
      303,
    );
    const { browser: prod } = await signIn(h, { account: production, userid: 'prod.admin', environment: 'prod' });
    await prod.get(technicalPage('prod'));
    const copied = await prod.post(technicalSectionPath('feedback', 'prod'), technicalForm('feedback', { passphrase: testOwn }));
    assert.equal(copied.status, 422);
    assert.equal(
      prod.page.fieldError('technical-feedback-passphrase'),
      `This passphrase is also one of the TEST account ${testAdmin.pspid}: TEST and PRODUCTION passphrases must differ. Choose another.`,
    );
    const other = await prod.post(
      technicalSectionPath('feedback', 'prod'),
      technicalForm('feedback', { passphrase: 'Production-only-88' }),
    );
    assert.equal(other.status, 303);
  });
});

describe('what is saved acts on DirectLink at once', () => {
  test('a new SHA-IN passphrase and algorithm sign the next order; the old ones no longer do; the IP list applies', async () => {
    const merchant = await dl.merchant();
    const { browser } = await signIn(h, { account: merchant, userid: 'dl.admin' });
    const before = await dl.post(dl.signedBody(dl.order(merchant.pspid), 'iso-8859-1'));
    assert.equal(before.reply.NCERROR, NCERROR.ok);

    await browser.get(technicalPage());
    const passphrase = 'Fresh-DirectLink-2026';
    assert.equal(
      (await browser.post(technicalSectionPath('directLink'), technicalForm('directLink', { passphrase }))).status,
      303,
    );
    assert.equal(
      (await browser.post(technicalSectionPath('security'), technicalForm('security', { shaAlgorithm: 'SHA-256' }))).status,
      303,
    );

    const oldSignature = await dl.post(dl.signedBody(dl.order(merchant.pspid), 'iso-8859-1'));
    assert.equal(oldSignature.reply.NCERROR, NCERROR.shaMismatch);
    const oldAlgorithm = await dl.post(dl.signedBody(dl.order(merchant.pspid), 'iso-8859-1', passphrase));
    assert.equal(oldAlgorithm.reply.NCERROR, NCERROR.shaMismatch);
    const signed = await dl.post(signedWith(dl.order(merchant.pspid), 'SHA-256', passphrase));
    assert.equal(signed.reply.NCERROR, NCERROR.ok);
    assert.equal(signed.reply.STATUS, '5');

    // An allowed-IP list without the caller's address: refused from the next request on.
    const ips = technicalForm('directLink', { version: '2', allowedIps: '192.0.2.10' });
    assert.equal((await browser.post(technicalSectionPath('directLink'), ips)).status, 303);
    const refused = await dl.post(signedWith(dl.order(merchant.pspid), 'SHA-256', passphrase));
    assert.equal(refused.reply.NCERROR, NCERROR.unknownIpOrigin);
  });
});
