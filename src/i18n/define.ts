/**
 * One part of the message catalogue: English texts, and French texts for exactly the same keys.
 * `{name}` in a text is replaced by the parameter of that name.
 */
export function defineMessages<const K extends string>(part: { en: Record<K, string>; fr: Record<NoInfer<K>, string> }) {
  return part;
}
