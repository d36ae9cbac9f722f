import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FAQS, MANUALS } from '../../views/support/content/index.ts';
import type { Faq, Manual } from '../../views/support/content/types.ts';
import { translator } from '../i18n/catalogue.ts';
import type { Language } from '../i18n/languages.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { testCardViews } from '../technical/presenters.ts';
import { MANUAL_FACTS } from './facts.ts';

/** The content files of a language, rendered with the real facts, as HTML. */
async function render(language: Language): Promise<{ manual: Manual; faq: Faq; html: string }> {
  const props = { t: translator(language), env: 'test' as const, facts: MANUAL_FACTS, testCards: testCardViews(language) };
  const manual = MANUALS[language](props);
  const faq = FAQS[language](props);
  const parts = [
    manual.intro,
    ...manual.sections.flatMap((section) => [section.title, section.body]),
    faq.intro,
    ...faq.groups.flatMap((group) => [group.title, ...group.questions.flatMap((q) => [q.question, q.answer])]),
  ];
  // A JSX node renders itself to HTML through toString() (hono/jsx).
  const html = await Promise.all(
    parts.map(async (part) => String(await (part as { toString(): string | Promise<string> }).toString())),
  );
  return { manual, faq, html: html.join('\n') };
}

describe('Support content files (R1)', () => {
  test('every language has the same manual sections and FAQ questions, with the same ids, as English', async () => {
    const english = await render('en');
    for (const language of LANGUAGES) {
      const { manual, faq } = await render(language);
      assert.deepEqual(
        manual.sections.map((s) => s.id),
        english.manual.sections.map((s) => s.id),
        `manual sections in ${language}`,
      );
      assert.deepEqual(
        faq.groups.map((g) => [g.id, g.questions.map((q) => q.id)]),
        english.faq.groups.map((g) => [g.id, g.questions.map((q) => q.id)]),
        `FAQ questions in ${language}`,
      );
    }
  });

  test('French prose uses the typographic apostrophe (’) throughout, never the typewriter one', async () => {
    const { html } = await render('fr');
    const text = html.replace(/<[^>]*>/g, ' ');
    assert.ok(!text.includes("'") && !text.includes('&#39;'), 'no typewriter apostrophe in the French manual or FAQ');
    assert.ok(text.includes('’'));
  });

  test('links inside the content stay in the environment', async () => {
    for (const language of LANGUAGES) {
      const { html } = await render(language);
      const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(hrefs.length > 0);
      for (const href of hrefs) assert.match(href, /^\/test\//, `${language}: ${href}`);
    }
  });
});
