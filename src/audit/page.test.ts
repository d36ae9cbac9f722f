import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import { createAccount, createUser, signIn } from '../test/harness.ts';
import { recordAudit } from './service.ts';
import { auditHarness, chosen, download, entryRows, writeEntries } from './test-fixtures.ts';

const h = await auditHarness();

describe('the entries shown', () => {
  test('newest first, with the time in the user’s zone, the USERID, a label, the result, the IP, the object and the details in words', async () => {
    const { user: admin, browser } = await signIn(h);
    const alice = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'alice' });
    const gone = '0d15ea5e-0000-4000-8000-000000000000';
    await writeEntries(h, admin, [
      {
        at: new Date('2026-03-20T12:00:00Z'),
        eventType: 'user.update',
        ip: '192.0.2.7',
        object: `user:${alice.id}`,
        details: {
          target: 'alice',
          changes: { profile: { before: 'viewer', after: 'encoder' }, scopeOwnOnly: { before: false, after: true } },
        },
      },
      {
        at: new Date('2026-03-21T12:00:00Z'),
        eventType: 'password.change',
        success: false,
        ip: '198.51.100.4',
        object: `user:${admin.id}`,
        details: { forced: false, problems: ['password.problem.too_short', 'password.problem.needs_digit'] },
      },
      {
        at: new Date('2026-03-21T13:00:00Z'),
        eventType: 'login',
        success: false,
        object: `user:${gone}`,
        details: { form: 'userid', pspid: admin.pspid, reason: 'wrong_password' },
      },
      { at: new Date('2026-03-22T12:00:00Z'), eventType: 'custom.future_event', details: { reason: 'some_new_reason' } },
    ]);
    await browser.get(paths.audit.list('test', { from: '2026-03-20', to: '2026-03-22' }));
    const { page } = browser;
    assert.deepEqual(entryRows(page), [
      ['22/03/2026 13:00 CET', admin.userid, 'custom.future_event', 'Success', '—', '—', 'Reason: some_new_reason'],
      [
        '21/03/2026 14:00 CET',
        admin.userid,
        'Login',
        'Failure',
        '—',
        'User 0d15ea5e (no longer exists)',
        `Login form: With a USERID PSPID: ${admin.pspid} Reason: Wrong password`,
      ],
      [
        '21/03/2026 13:00 CET',
        admin.userid,
        'Password change',
        'Failure',
        '198.51.100.4',
        `User ${admin.userid}`,
        'Change required: No Problems: Too short, No digit',
      ],
      [
        '20/03/2026 13:00 CET',
        admin.userid,
        'User changed',
        'Success',
        '192.0.2.7',
        'User alice',
        'User concerned: alice Profile: Viewer → Encoder Scope limited to own transactions: No → Yes',
      ],
    ]);
    assert.equal(page.textOf(page.one('time[datetime="2026-03-21T12:00:00.000Z"]')), '21/03/2026 13:00 CET');
    assert.equal(page.textOf(page.one('table caption#audit-table-caption')), 'Audit log entries, newest first');
    assert.deepEqual(page.all('th[scope=col]').map(page.textOf), [
      'Time',
      'USERID',
      'Event',
      'Result',
      'Origin IP',
      'Object',
      'Details',
    ]);
    const body = page.textOf(page.one('tbody'));
    assert.doesNotMatch(body, /[{}"]/, 'no JSON blob');
    for (const code of ['user:', 'password.problem', 'wrong_password', alice.id]) assert.ok(!body.includes(code), code);
    assert.deepEqual(page.all('tbody strong').map(page.textOf), ['Failure', 'Failure'], 'a failure stands out');
  });

  test('another account’s entries, and entries of no account, never appear; its users are "not found"', async () => {
    const { user: admin, browser } = await signIn(h);
    const other = await createAccount(h.db);
    await writeEntries(h, other, [{ at: new Date('2026-03-15T10:00:00Z'), eventType: 'secret.event', actor: 'intruder' }]);
    await recordAudit(h, {
      accountId: null,
      actor: 'nobody-known',
      eventType: 'login',
      success: false,
      details: { pspid: admin.pspid },
    });
    await writeEntries(h, admin, [{ at: new Date('2026-03-15T10:00:00Z'), eventType: 'mine.event' }]);
    await browser.get(paths.audit.list('test'));
    assert.ok(entryRows(browser.page).some((cells) => cells[2] === 'mine.event'));
    // Nowhere in the answer, not even in an attribute or a select's options.
    for (const foreign of ['secret.event', 'intruder', 'nobody-known', other.userid])
      assert.ok(!browser.lastBody.includes(foreign), foreign);
    const csv = await download(browser, paths.audit.csv('test'));
    for (const foreign of ['secret.event', 'intruder', 'nobody-known']) assert.ok(!csv.text.includes(foreign), foreign);
    // Another account's user is no user of this one: the same field error as any unknown USERID.
    for (const user of [other.userid, other.id]) {
      assert.equal((await browser.get(paths.audit.list('test', { user }))).status, 422, user);
      assert.equal(
        browser.page.fieldError('audit-user'),
        'Enter the USERID of a user of this account, or leave the field empty for every user.',
      );
      assert.equal((await browser.get(paths.audit.csv('test', { user }))).status, 422, user);
    }
  });

  test('nothing matching says so, with no table and no download', async () => {
    const { browser } = await signIn(h);
    const response = await browser.get(paths.audit.list('test', { event: 'login', from: '2030-01-01' }));
    assert.equal(response.status, 200);
    const { page } = browser;
    assert.equal(page.textOf(page.one('#audit-results-title ~ [role=status]')), 'No entries match these filters.');
    assert.equal(page.one('table'), null);
    assert.deepEqual(
      page.links().filter((link) => link.href.startsWith(paths.audit.csv('test'))),
      [],
      'no download link',
    );
    assert.deepEqual(chosen(page, 'Event'), { value: 'login', text: 'Login' }, 'the filter is kept');
    assert.equal(page.field('From (date)')?.getAttribute('value'), '2030-01-01');
  });
});

describe('in French', () => {
  test('the page, its labels and the download speak French', async () => {
    const admin = await createAccount(h.db);
    const { user: marie, browser } = await signIn(h, { account: admin, userid: 'marie', language: 'fr' });
    await writeEntries(h, marie, [
      {
        at: new Date('2026-03-25T09:00:00Z'),
        eventType: 'user.language_changed',
        object: `user:${marie.id}`,
        details: { before: 'en', after: 'fr' },
      },
      {
        at: new Date('2026-03-25T10:00:00Z'),
        eventType: 'login.otp',
        success: false,
        object: `user:${marie.id}`,
        details: { reason: 'wrong_code' },
      },
    ]);
    await browser.get(paths.audit.list('test', { from: '2026-03-25', to: '2026-03-25' }));
    assert.deepEqual(
      entryRows(browser.page).map((cells) => cells.slice(2)),
      [
        ['Connexion : code à usage unique', 'Échec', '—', 'Utilisateur marie', 'Motif : Code erroné'],
        ['Langue modifiée', 'Réussite', '—', 'Utilisateur marie', 'Modification : English → Français'],
      ],
    );
    await browser.get(paths.audit.list('test', { event: 'login' }));
    const { page } = browser;
    assert.equal(page.h1(), 'Journal d’audit');
    assert.ok(page.all('th[scope=col]').map(page.textOf).includes('Événement'));
    assert.deepEqual(
      entryRows(page).map((cells) => [cells[2], cells[3]]),
      [['Connexion', 'Réussite']],
    );
    assert.ok(page.link('Télécharger ces entrées en CSV'));
    const response = await browser.get(paths.audit.list('test', { from: '2026-13-01' }));
    assert.equal(response.status, 422);
    assert.ok(browser.page.title().startsWith('Erreur : Journal d’audit'), browser.page.title());
    assert.equal(
      browser.page.fieldError('audit-from'),
      'Saisissez la date de début au format AAAA-MM-JJ, par exemple 2026-03-28.',
    );
    const { rows } = await download(browser, paths.audit.csv('test', { event: 'login' }));
    assert.deepEqual(rows[0], [
      'Heure (Europe/Brussels)',
      'USERID',
      'Événement',
      'Type d’événement',
      'Résultat',
      'IP d’origine',
      'Objet',
      'ID de l’objet',
      'Détails',
      'Détails (JSON)',
    ]);
    assert.equal(rows[1]?.[2], 'Connexion');
    assert.equal(rows[1]?.[4], 'Réussite');
  });
});
