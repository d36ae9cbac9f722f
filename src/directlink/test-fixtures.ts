import { formEncodeBytes } from '../lib/form-encoding.ts';
import { computeShaSign } from '../payments/signature.ts';
import { saveTechnicalSettings, sealPassphrase } from '../technical/settings.ts';
import type { Harness } from '../test/harness.ts';
import { createAccount, createUser } from '../test/harness.ts';

/**
 * DirectLink test fixtures: a merchant with an API user and a DirectLink SHA-IN passphrase
 * (SHA-512), bodies signed as a merchant's server signs them, and the XML reply read back.
 */
export function directLinkFixtures(h: Harness) {
  const PASSPHRASE = 'Mysecretsig1875!?';
  const API_PASSWORD = 'api password 1234';

  type Charset = 'iso-8859-1' | 'utf-8';

  /** A merchant: an account with an API user and a DirectLink SHA-IN passphrase (SHA-512), as the demo has. */
  async function merchant(options: { allowedIps?: string[] } = {}) {
    const admin = await createAccount(h.db);
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'API', isApiUser: true, password: API_PASSWORD });
    await saveTechnicalSettings(
      h.db,
      admin.accountId,
      {
        shaAlgorithm: 'SHA-512',
        shaInDirectLinkSealed: sealPassphrase(h.secretKey, admin.accountId, 'sha-in-directlink', PASSPHRASE),
        allowedIps: options.allowedIps ?? [],
      },
      h.clock.now(),
    );
    return admin;
  }

  /** One parameter's bytes as the merchant encodes it for the endpoint. */
  function bytesOf(value: string, charset: Charset): Buffer {
    return Buffer.from(value, charset === 'utf-8' ? 'utf8' : 'latin1');
  }

  /** A form-encoded body of the parameters, each byte %-escaped, signed with SHASIGN over the same bytes. */
  function signedBody(fields: Record<string, string | Buffer>, charset: Charset, passphrase = PASSPHRASE): Buffer {
    const pairs = Object.entries(fields).map(
      ([name, value]) => [name, typeof value === 'string' ? bytesOf(value, charset) : value] as const,
    );
    const shaSign = computeShaSign(pairs, { direction: 'SHA-IN', algorithm: 'SHA-512', passphrase, charset });
    const body = formEncodeBytes([...pairs, ['SHASIGN', Buffer.from(shaSign)] as const]);
    return Buffer.from(body, 'ascii');
  }

  let orderCounter = 0;
  function order(pspid: string, more: Record<string, string | Buffer> = {}): Record<string, string | Buffer> {
    orderCounter += 1;
    return {
      PSPID: pspid,
      USERID: 'API',
      PSWD: API_PASSWORD,
      ORDERID: `DL-${orderCounter}`,
      AMOUNT: '1500',
      CURRENCY: 'EUR',
      CARDNO: '4111111111111111',
      ED: '12/30',
      CVC: '123',
      OPERATION: 'RES',
      ...more,
    };
  }

  /** Posts a body to a DirectLink endpoint; the reply's attributes (names as sent), its status and content type. */
  async function post(body: Buffer | string, options: { file?: string; env?: string; contentType?: string } = {}) {
    const response = await h.app.request(`/ncol/${options.env ?? 'test'}/${options.file ?? 'orderdirect.asp'}`, {
      method: 'POST',
      headers: { 'Content-Type': options.contentType ?? 'application/x-www-form-urlencoded' },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const xml = await response.text();
    const reply: Record<string, string> = {};
    for (const match of xml.matchAll(/([A-Za-z]+)="([^"]*)"/g)) reply[match[1] ?? ''] = decodeEntities(match[2] ?? '');
    return { status: response.status, contentType: response.headers.get('Content-Type'), xml, reply };
  }

  function decodeEntities(text: string): string {
    return text
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  }

  return { PASSPHRASE, API_PASSWORD, merchant, signedBody, order, post };
}
