import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { testConfig } from '../config.ts';
import type { TestSmtpServer } from '../test/smtp.ts';
import { startTestSmtpServer } from '../test/smtp.ts';
import { createMailer } from './mailer.ts';

const OTP_TEXT = 'Votre mot de passe à usage unique : 482913\nIl expire dans 10 minutes. — L’équipe Guichet';
const OTP_SUBJECT = 'Code de connexion à Guichet';

describe('mailer over SMTP', () => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startTestSmtpServer();
  });
  after(() => smtp.close());

  test('delivers recipient, subject and a non-ASCII body intact, from MAIL_FROM', async () => {
    const logLines: Record<string, unknown>[] = [];
    const config = testConfig({ smtpUrl: smtp.url, mailFrom: 'Guichet <no-reply@guichet.test>' });
    const mailer = createMailer(config, (entry) => logLines.push(entry));

    await mailer.send({ to: 'marie@merchant.test', subject: OTP_SUBJECT, text: OTP_TEXT });

    const received = await smtp.waitForMessage((m) => m.to.includes('marie@merchant.test'));
    assert.deepEqual(received.to, ['marie@merchant.test']);
    assert.equal(received.from, 'no-reply@guichet.test');
    assert.equal(received.subject, OTP_SUBJECT);
    assert.equal(received.text.trimEnd(), OTP_TEXT);
    assert.deepEqual(logLines, [], 'nothing about the mail is logged when it goes over SMTP');
  });

  test('a send to a server that is down rejects without repeating the body', async () => {
    const down = await startTestSmtpServer();
    await down.close();
    const mailer = createMailer(testConfig({ smtpUrl: down.url }), () => {});
    await assert.rejects(mailer.send({ to: 'marie@merchant.test', subject: OTP_SUBJECT, text: OTP_TEXT }), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /could not be sent/);
      assert.ok(!error.message.includes('482913'), error.message);
      return true;
    });
  });
});

describe('mailer without SMTP (outbox)', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'guichet-mail-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('writes one private .eml file with subject and body, and logs its path only', async () => {
    const logLines: Record<string, unknown>[] = [];
    const mailer = createMailer(testConfig({ dataDir, smtpUrl: undefined }), (entry) => logLines.push(entry));

    await mailer.send({ to: 'marie@merchant.test', subject: OTP_SUBJECT, text: OTP_TEXT });

    const outbox = path.join(dataDir, 'outbox');
    const files = await readdir(outbox);
    assert.equal(files.length, 1);
    const [name] = files as [string];
    assert.match(name, /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]+\.eml$/);
    const file = path.join(outbox, name);
    assert.equal((await stat(file)).mode & 0o777, 0o600);

    const raw = await readFile(file);
    assert.ok(!raw.includes('\r\n'), 'unix line endings');
    const parsed = await simpleParser(raw);
    assert.equal(parsed.subject, OTP_SUBJECT);
    assert.equal(parsed.text?.trimEnd(), OTP_TEXT);
    assert.equal(parsed.from?.value[0]?.address, 'no-reply@guichet.localhost');
    assert.equal(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : undefined, 'marie@merchant.test');
    assert.match(raw.toString('utf8'), /^Content-Type: text\/plain; charset=utf-8$/im);

    assert.deepEqual(logLines, [{ level: 'info', msg: 'mail written to outbox', path: file }]);
    assert.ok(!JSON.stringify(logLines).includes('482913'));
  });

  test('each mail gets its own file', async () => {
    const own = await mkdtemp(path.join(dataDir, 'each-'));
    const mailer = createMailer(testConfig({ dataDir: own }), () => {});
    await Promise.all([
      mailer.send({ to: 'a@merchant.test', subject: 'One', text: 'first' }),
      mailer.send({ to: 'b@merchant.test', subject: 'Two', text: 'second' }),
    ]);
    assert.equal((await readdir(path.join(own, 'outbox'))).length, 2);
  });

  test('an outbox that cannot be written rejects without repeating the body', async () => {
    const blocked = path.join(dataDir, 'not-a-folder');
    await writeFile(blocked, '');
    const logLines: Record<string, unknown>[] = [];
    const mailer = createMailer(testConfig({ dataDir: blocked }), (entry) => logLines.push(entry));
    await assert.rejects(mailer.send({ to: 'marie@merchant.test', subject: OTP_SUBJECT, text: OTP_TEXT }), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /outbox/);
      assert.ok(!error.message.includes('482913'), error.message);
      return true;
    });
    assert.deepEqual(logLines, []);
  });
});
