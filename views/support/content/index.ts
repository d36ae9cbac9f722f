import { faqEn } from './faq.en.tsx';
import { faqFr } from './faq.fr.tsx';
import { manualEn } from './manual.en.tsx';
import { manualFr } from './manual.fr.tsx';
import type { ContentByLanguage, Faq, Manual } from './types.ts';

/**
 * Support's prose, one content file per document and language (the catalogue keeps only short UI
 * texts). A new language must add both documents: the record's type requires every Language.
 */
export const MANUALS: ContentByLanguage<Manual> = { en: manualEn, fr: manualFr };
export const FAQS: ContentByLanguage<Faq> = { en: faqEn, fr: faqFr };
