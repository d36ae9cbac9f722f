import type { AccountSection } from '../../src/account/sections.ts';
import { Layout } from '../layout/layout.tsx';
import { ProductionTwinBlock } from '../production/twin-block.tsx';
import type { AccountPageProps, SectionProps } from './account-props.ts';
import { AdministrativeSection, BillingSection, SubscriptionSection, TimeZoneSection } from './administrative-sections.tsx';
import { CurrenciesSection } from './currencies-section.tsx';
import { LanguagesSection, TermsSection } from './languages-sections.tsx';
import { OptionsSection } from './options-section.tsx';
import { RetentionSection } from './retention-section.tsx';
import { sectionId } from './section-card.tsx';

/** Each section's component. */
const SECTIONS: Record<AccountSection, (props: SectionProps) => unknown> = {
  administrative: AdministrativeSection,
  billing: BillingSection,
  subscription: SubscriptionSection,
  options: OptionsSection,
  languages: LanguagesSection,
  terms: TermsSection,
  currencies: CurrenciesSection,
  timeZone: TimeZoneSection,
  retention: RetentionSection,
};

/** One section alone: what htmx swaps in place after its form was refused or saved. */
export function AccountSectionFragment(props: AccountPageProps & { section: AccountSection }) {
  const Section = SECTIONS[props.section];
  return <>{Section({ ...props, state: props.states[props.section] })}</>;
}

/**
 * C1–C6: Configuration > Account ("Abonnement", guide 3.2.2): the account's settings in
 * sections, each saved on its own (administrators) or read-only (the accountant's profile).
 */
export function AccountPage(props: AccountPageProps) {
  const { ctx, account } = props;
  const { t } = ctx;
  const hasErrors = props.shown.some((section) => {
    const state = props.states[section];
    return state.conflict || Object.keys(state.errors).length > 0;
  });
  return (
    <Layout ctx={ctx} title={t('account.title')} hasErrors={hasErrors}>
      <h1>{t('account.title')}</h1>
      <p>{t(props.manage ? 'account.intro' : 'account.introReadOnly', { pspid: account.pspid })}</p>
      {props.productionTwin ? <ProductionTwinBlock ctx={ctx} twin={props.productionTwin} /> : null}
      <nav aria-labelledby="account-contents-title" class="toc">
        <h2 id="account-contents-title" class="visually-hidden">
          {t('account.contents')}
        </h2>
        <ul>
          {props.shown.map((section) => (
            <li>
              <a href={`#${sectionId(section)}`}>{t(`account.section.${section}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {props.shown.map((section) => (
        <AccountSectionFragment {...props} section={section} />
      ))}
    </Layout>
  );
}
