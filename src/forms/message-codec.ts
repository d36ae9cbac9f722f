import type { Message, MessageKey, ParamValue } from '../i18n/catalogue.ts';

/**
 * Valibot carries an issue's message as a string; ours are catalogue keys with parameters. A
 * Message travels through valibot as `key?name=value&...` and is decoded back in parseForm.
 */
export function encodeMessage(message: Message): string {
  if (!message.params) return message.key;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(message.params))
    query.set(`${typeof value === 'number' ? '#' : ''}${name}`, String(value));
  return `${message.key}?${query}`;
}

export function decodeMessage(text: string): Message {
  const index = text.indexOf('?');
  if (index < 0) return { key: text as MessageKey };
  const params: Record<string, ParamValue> = {};
  for (const [name, value] of new URLSearchParams(text.slice(index + 1))) {
    if (name.startsWith('#')) params[name.slice(1)] = Number(value);
    else params[name] = value;
  }
  return { key: text.slice(0, index) as MessageKey, params };
}
