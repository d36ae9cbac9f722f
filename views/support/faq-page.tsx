import type { ManualFacts } from '../../src/support/facts.ts';
import type { ViewContext } from '../layout/view-context.ts';
import type { TestCardView } from '../technical/technical-props.ts';
import { FAQS } from './content/index.ts';
import { SupportPageShell } from './support-page-shell.tsx';

/**
 * R1: the questions and answers in the reader's language (views/support/content/faq.<lang>.tsx).
 * Each answer is a <details>, which needs no JavaScript, with its own anchor (`#faq-<id>`).
 */
export function FaqPage({ ctx, facts, testCards }: { ctx: ViewContext; facts: ManualFacts; testCards: TestCardView[] }) {
  const faq = FAQS[ctx.lang]({ t: ctx.t, env: ctx.env, facts, testCards });
  return (
    <SupportPageShell ctx={ctx} title="support.faq.title">
      {faq.intro}
      {faq.groups.map((group) => (
        <section aria-labelledby={`faq-group-${group.id}`} class="faq-group">
          <h2 id={`faq-group-${group.id}`}>{group.title}</h2>
          {group.questions.map((q) => (
            <details id={`faq-${q.id}`} class="faq-item">
              <summary>{q.question}</summary>
              <div class="faq-answer">{q.answer}</div>
            </details>
          ))}
        </section>
      ))}
    </SupportPageShell>
  );
}
