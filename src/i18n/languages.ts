/** The languages of the interface, of mails and of the catalogue (T2): English and French. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
