import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { E2E_DATA_DIR } from './demo.ts';

/** Waits for the mail to `to` that the server wrote to its outbox, and returns its subject and text. */
export async function mailTo(to: string, timeoutMs = 10_000): Promise<{ subject: string; text: string }> {
  const outbox = path.join(E2E_DATA_DIR, 'outbox');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = await readdir(outbox).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith('.eml'))) {
      const mail = await simpleParser(await readFile(path.join(outbox, file)));
      const recipients = [mail.to]
        .flat()
        .flatMap((address) => address?.value ?? [])
        .map((v) => v.address);
      if (recipients.includes(to)) return { subject: mail.subject ?? '', text: mail.text ?? '' };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} in ${outbox}`);
}
