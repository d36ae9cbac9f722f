/**
 * A public https address a payer's browser can be sent to, as typed by a merchant (the terms and
 * conditions URL now; the payment page's return URLs later): `https:`, no user name or password,
 * no white space, and a host that is a DNS name (RFC 1123 §2.1, RFC 5890 for internationalised
 * names, which URL turns into their xn-- form): two labels or more, each 1–63 letters, digits or
 * hyphens, not starting or ending with a hyphen, the last one not all digits. IP addresses,
 * `localhost` and names ending with a dot are refused.
 */
export function isPublicHttpsUrl(typed: string): boolean {
  if (/\s/.test(typed)) return false;
  const url = URL.parse(typed);
  if (url === null || url.protocol !== 'https:' || url.username || url.password) return false;
  return isDnsName(url.hostname);
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** True for a host name of two labels or more (isPublicHttpsUrl), as URL writes it (lower case, xn-- form). */
function isDnsName(hostname: string): boolean {
  if (hostname.length > 253) return false;
  const labels = hostname.split('.');
  const last = labels.at(-1) ?? '';
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(last);
}

/**
 * An address Guichet's servers call back (the post-sale and status-change requests of Technical
 * information > Transaction feedback, reference §2.3): `http:` or `https:` on their default port
 * or an explicit 80 or 443 ("ports 80/443 only"), no user name or password, no white space, and a
 * host that is a DNS name as isPublicHttpsUrl requires (IP addresses and `localhost` refused, so a
 * merchant cannot point Guichet's requests at its own network by address).
 */
export function isFeedbackUrl(typed: string): boolean {
  if (/\s/.test(typed)) return false;
  const url = URL.parse(typed);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return false;
  // URL drops a port that is the scheme's default: what remains is 443 on http, or 80 on https.
  if (url.port !== '' && url.port !== '80' && url.port !== '443') return false;
  return isDnsName(url.hostname);
}
