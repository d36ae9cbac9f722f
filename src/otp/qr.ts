import QRCode from 'qrcode';

/**
 * `text` as a QR code in SVG (error correction M, 2-module quiet zone), ready to inline in a page.
 * The SVG carries no text alternative: the page shows one beside it (the secret in text, for manual entry).
 */
export async function qrCodeSvg(text: string): Promise<string> {
  const svg = (await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
    .replace(/^\s*<\?xml[^>]*\?>\s*/, '')
    .trim();
  if (!svg.startsWith('<svg ') || !svg.endsWith('</svg>')) throw new Error('qrcode returned something other than an SVG');
  // Not focusable: older browsers otherwise put inline SVG in the tab order.
  return svg.replace(/^<svg /, '<svg focusable="false" ');
}
