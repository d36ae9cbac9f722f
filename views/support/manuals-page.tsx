import type { ManualFacts } from '../../src/support/facts.ts';
import type { ViewContext } from '../layout/view-context.ts';
import type { TestCardView } from '../technical/technical-props.ts';
import { MANUALS } from './content/index.ts';
import { SupportPageShell } from './support-page-shell.tsx';

/**
 * R1: the user manual in the reader's language (views/support/content/manual.<lang>.tsx), with a
 * table of contents whose links reach each section (`#manual-<id>`). `facts` are the limits the
 * manual quotes, collected by the route from the rules that enforce them.
 */
export function ManualsPage({ ctx, facts, testCards }: { ctx: ViewContext; facts: ManualFacts; testCards: TestCardView[] }) {
  const { t } = ctx;
  const manual = MANUALS[ctx.lang]({ t, env: ctx.env, facts, testCards });
  return (
    <SupportPageShell ctx={ctx} title="support.manuals.title">
      {manual.intro}
      <nav class="card toc" aria-labelledby="manual-toc-title">
        <h2 id="manual-toc-title">{t('support.manuals.toc')}</h2>
        <ol>
          {manual.sections.map((section) => (
            <li>
              <a href={`#manual-${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {manual.sections.map((section) => (
        <section id={`manual-${section.id}`} aria-labelledby={`manual-${section.id}-title`} class="manual-section">
          <h2 id={`manual-${section.id}-title`}>{section.title}</h2>
          {section.body}
        </section>
      ))}
    </SupportPageShell>
  );
}
