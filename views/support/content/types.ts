import type { Child } from 'hono/jsx';
import type { Environment } from '../../../src/db/schema/accounts.ts';
import type { Language } from '../../../src/db/schema/users.ts';
import type { Translate } from '../../../src/i18n/catalogue.ts';
import type { ManualFacts } from '../../../src/support/facts.ts';
import type { TestCardView } from '../../technical/technical-props.ts';

/**
 * What a Support content file receives: the reader's translator (for the on-screen names it
 * quotes: buttons, menu entries, field labels, so the prose always names what the page shows),
 * the environment (for links through `paths.*`) and the limits it quotes, from the rules.
 */
/** What the content files take: the reader's words, the environment, the limits they quote and the test cards (reference §11) in the reader's language. */
export type ContentProps = { t: Translate; env: Environment; facts: ManualFacts; testCards: TestCardView[] };

/** One part of the user manual: `id` makes its anchor (`#manual-<id>`) and must be the same in every language. */
export type ManualSection = { id: string; title: string; body: Child };
export type Manual = { intro: Child; sections: ManualSection[] };

/** One question of the FAQ: `id` makes its anchor (`#faq-<id>`), the same in every language. */
export type FaqQuestion = { id: string; question: string; answer: Child };
/** A group of questions: `id` makes the anchor of its heading (`#faq-group-<id>`). */
export type FaqGroup = { id: string; title: string; questions: FaqQuestion[] };
export type Faq = { intro: Child; groups: FaqGroup[] };

/** A content file: a pure function of its props, one per language and document. */
export type Content<T> = (props: ContentProps) => T;
export type ContentByLanguage<T> = Record<Language, Content<T>>;
