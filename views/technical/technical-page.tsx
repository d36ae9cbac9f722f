import { SECTION_TAB, TECHNICAL_SECTIONS, TECHNICAL_TABS } from '../../src/technical/forms.ts';
import type { TechnicalSection, TechnicalTab } from '../../src/technical/sections.ts';
import { Layout } from '../layout/layout.tsx';
import { FeedbackSection } from './feedback-section.tsx';
import { EmailsSection, SecuritySection, TransactionSection } from './parameter-sections.tsx';
import { technicalId } from './technical-card.tsx';
import type { TechnicalPageProps, TechnicalSectionProps } from './technical-props.ts';
import { TestInfoSection } from './test-info-section.tsx';
import { DirectLinkSection, EcommerceSection } from './verification-sections.tsx';

/** Each section's component. */
const SECTIONS: Record<TechnicalSection, (props: TechnicalSectionProps) => unknown> = {
  transaction: TransactionSection,
  security: SecuritySection,
  ecommerce: EcommerceSection,
  directLink: DirectLinkSection,
  feedback: FeedbackSection,
  emails: EmailsSection,
};

/** One section alone: what htmx swaps in place after its form was refused or saved. */
export function TechnicalSectionFragment(props: TechnicalPageProps & { section: TechnicalSection }) {
  const Section = SECTIONS[props.section];
  return <>{Section({ ...props, state: props.states[props.section] })}</>;
}

/**
 * F1: Configuration > Technical information. The tabs of the platform's page are sections of one
 * page: the tab list is a list of links to their anchors (it works without JavaScript, and every
 * tab is there for search and print); each section's form is saved on its own (administrators) or
 * read-only (the accountant's profile).
 */
export function TechnicalPage(props: TechnicalPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  const hasErrors = TECHNICAL_SECTIONS.some((section) => {
    const state = props.states[section];
    return state.conflict || Object.keys(state.errors).length > 0;
  });
  const sectionsOf = (tab: TechnicalTab) => TECHNICAL_SECTIONS.filter((section) => SECTION_TAB[section] === tab);
  return (
    <Layout ctx={ctx} title={t('technical.title')} hasErrors={hasErrors}>
      <h1>{t('technical.title')}</h1>
      <p>{t(props.manage ? 'technical.intro' : 'technical.introReadOnly', { pspid: props.pspid })}</p>
      <nav aria-labelledby="technical-tabs-title" class="toc technical-tabs">
        <h2 id="technical-tabs-title" class="visually-hidden">
          {t('technical.tabs')}
        </h2>
        <ul>
          {TECHNICAL_TABS.map((tab) => (
            <li>
              <a href={`#${technicalId(tab)}`}>{t(`technical.tab.${tab}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {TECHNICAL_TABS.map((tab) =>
        tab === 'testInfo' ? (
          <TestInfoSection ctx={ctx} testCards={props.testCards} id={technicalId(tab)} />
        ) : sectionsOf(tab).length === 1 && sectionsOf(tab)[0] === tab ? (
          <TechnicalSectionFragment {...props} section={tab} />
        ) : (
          <div id={technicalId(tab)} class="tab-group">
            {sectionsOf(tab).map((section) => (
              <TechnicalSectionFragment {...props} section={section} />
            ))}
          </div>
        ),
      )}
    </Layout>
  );
}
