/**
 * `application/x-www-form-urlencoded` from values given as bytes (WHATWG URL, "urlencoded
 * serializing"): letters, digits and `* - . _` as they are, every other byte %-escaped (a space
 * too, as %20). The bytes are the caller's charset's (UTF-8 or ISO-8859-1): what a signature over
 * them covers is exactly what is sent.
 */
export function formEncodeBytes(pairs: Iterable<readonly [string, Uint8Array]>): string {
  const parts: string[] = [];
  for (const [name, value] of pairs) parts.push(`${escapeBytes(Buffer.from(name, 'utf8'))}=${escapeBytes(value)}`);
  return parts.join('&');
}

function escapeBytes(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2a ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f;
    text += unreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return text;
}
