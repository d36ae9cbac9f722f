import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Logger } from '../lib/logger.ts';

/** A plain-text, UTF-8 message to one recipient. */
export type Mail = { to: string; subject: string; text: string };

export type Mailer = { send(mail: Mail): Promise<void> };

/**
 * Sends through `config.smtpUrl` when it is set; otherwise writes each message as an .eml file
 * under `<dataDir>/outbox` and logs its path (never its body). A failed send throws an Error whose
 * message says why without repeating the mail's content.
 */
export function createMailer(config: Config, log: Logger): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(config, log);
}

function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport(smtpUrl, { from });
  return {
    async send(mail) {
      try {
        await transport.sendMail(message(mail));
      } catch (error) {
        throw sendError('could not be sent over SMTP', error, mail);
      }
    },
  };
}

function outboxMailer(config: Config, log: Logger): Mailer {
  const outbox = path.join(config.dataDir, 'outbox');
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from: config.mailFrom });
  return {
    async send(mail) {
      let file: string;
      try {
        const info = await transport.sendMail(message(mail));
        await mkdir(outbox, { recursive: true, mode: 0o700 });
        file = path.join(outbox, `${new Date().toISOString().replaceAll(':', '-')}-${randomBytes(6).toString('hex')}.eml`);
        await writeFile(file, info.message as Buffer, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        throw sendError('could not be written to the outbox', error, mail);
      }
      log({ level: 'info', msg: 'mail written to outbox', path: file });
    },
  };
}

function message(mail: Mail) {
  return { to: mail.to, subject: mail.subject, text: mail.text };
}

/** An Error naming the cause (code, first line of its message) but never the mail body. */
function sendError(what: string, error: unknown, mail: Mail): Error {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? `${error.code}: ` : '';
  let reason = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : 'unknown error';
  if (mailTextLeaks(reason, mail.text)) reason = 'send failed';
  return new Error(`Mail ${what}: ${code}${reason}`);
}

function mailTextLeaks(reason: string, text: string): boolean {
  return text.split('\n').some((line) => line.trim().length >= 4 && reason.includes(line.trim()));
}
