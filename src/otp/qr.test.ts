import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import QRCode from 'qrcode';
import { qrCodeSvg } from './qr.ts';
import { generateTotpSecret, totpUri } from './totp.ts';

/** Reads the dark modules back from the path qrcode draws (`M x y.5 h n m dx 0 …`). */
function darkModules(svg: string): Set<string> {
  const d =
    svg.match(/<path[^>]*\bstroke="[^"]*"[^>]*\bd="([^"]+)"/)?.[1] ?? svg.match(/<path[^>]*\bd="([^"]+)"[^>]*\bstroke=/)?.[1];
  assert.ok(d, 'the SVG has a path of dark modules');
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a), Math.floor(Number(b))];
    else if (op === 'm') [x, y] = [x + Number(a), y + Math.floor(Number(b))];
    else for (let i = 0; i < Number(a); i++) dark.add(`${x++},${y}`);
  }
  return dark;
}

/** The dark modules of `text` encoded as qrCodeSvg promises (level M), offset by a 2-module margin. */
function expectedModules(text: string): { size: number; version: number; dark: Set<string> } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  const dark = new Set<string>();
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (qr.modules.get(row, col)) dark.add(`${col + 2},${row + 2}`);
  }
  return { size, version: qr.version, dark };
}

// Byte-mode capacity at level M of QR versions 1 to 10 (ISO/IEC 18004 table 7).
const BYTE_CAPACITY_M = [0, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

describe('qrCodeSvg', () => {
  const uri = totpUri(generateTotpSecret(), { issuer: 'Guichet', label: 'DEMO:demo.accounts' });

  test('gives an SVG element safe to inline', async () => {
    const svg = await qrCodeSvg(uri);
    assert.ok(svg.startsWith('<svg '), svg.slice(0, 40));
    assert.ok(svg.endsWith('</svg>'));
    assert.ok(!svg.includes('<?xml'));
    assert.ok(!/<script/i.test(svg));
    assert.ok(!/\son\w+=/i.test(svg), 'no event handler attributes');
    assert.ok(!/<foreignObject|href=/i.test(svg));
    assert.ok(!svg.includes(uri), 'the secret is in the picture only, not as text');
  });

  test('is not focusable and leaves the text alternative to the page', async () => {
    const svg = await qrCodeSvg(uri);
    const root = svg.slice(0, svg.indexOf('>') + 1);
    assert.match(root, /\sfocusable="false"/);
    assert.match(root, /\sviewBox="0 0 (\d+) \1"/);
    assert.ok(!/role=/.test(svg));
    assert.ok(!/aria-hidden/.test(svg));
  });

  test('encodes the whole URI at level M with a 2-module quiet zone', async () => {
    const svg = await qrCodeSvg(uri);
    const expected = expectedModules(uri);
    const side = Number(svg.match(/viewBox="0 0 (\d+) /)?.[1]);
    assert.equal(side, expected.size + 4);
    assert.equal(expected.size, 17 + 4 * expected.version);
    // The version is just large enough for the URI's length (about 120 bytes: version 7 or so).
    assert.ok(uri.length <= BYTE_CAPACITY_M[expected.version]!, `${uri.length} bytes fit version ${expected.version}`);
    assert.ok(uri.length > BYTE_CAPACITY_M[expected.version - 2]!, `version ${expected.version} is not oversized`);
    assert.ok(expected.dark.size > 100);
    assert.deepEqual(darkModules(svg), expected.dark);
    // Another text of the same length draws another pattern: the comparison above is not vacuous.
    assert.notDeepEqual(
      darkModules(svg),
      expectedModules(uri.replace(/secret=./, (s) => (s.endsWith('A') ? 'secret=B' : 'secret=A'))).dark,
    );
  });

  test('a longer text gives a larger code', async () => {
    const short = await qrCodeSvg('otpauth://totp/x?secret=AAAA');
    const long = await qrCodeSvg(uri);
    const side = (svg: string) => Number(svg.match(/viewBox="0 0 (\d+) /)?.[1]);
    assert.ok(side(short) < side(long));
    assert.deepEqual(darkModules(short), expectedModules('otpauth://totp/x?secret=AAAA').dark);
  });
});
