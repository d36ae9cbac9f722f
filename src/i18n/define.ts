/**
 * One part of the message catalogue: English texts, and French texts for exactly the same keys.
 *
 * A text is a string, where `{name}` is replaced by the parameter of that name, or a plural
 * text: one string per CLDR plural category (`one`, `other`, ...) chosen by the `count`
 * parameter through `Intl.PluralRules` of the reader's language (French counts 0 and 1 as
 * `one`). Numbers are written with `Intl.NumberFormat` of that language.
 */
export type PluralText = { readonly other: string } & { readonly [category in Intl.LDMLPluralRule]?: string };
export type Text = string | PluralText;

export function defineMessages<const E extends Record<string, Text>>(part: { en: E; fr: { [K in keyof E]: Text } }) {
  return part;
}

/** The `{name}` placeholders of a text, as a union of names (never when it has none). */
type PlaceholdersOf<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;

/** The parameters a text needs: its placeholders, and `count` for a plural text. */
export type ParamsOfText<T> = T extends string
  ? PlaceholdersOf<T>
  : T extends PluralText
    ? 'count' | { [C in keyof T]: PlaceholdersOf<T[C]> }[keyof T]
    : never;
