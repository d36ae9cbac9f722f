import { isTicked, languagesForm, termsForm } from '../../src/account/forms.ts';
import { CheckboxField } from '../components/select-field.tsx';
import type { LanguageView, SectionProps } from './account-props.ts';
import { boxLabels, CheckboxGroup } from './checkbox-group.tsx';
import { FormSection, sectionFields } from './form-section.tsx';

/** C4: the languages the payment page can be shown in (Ogone codes), at least one. */
export function LanguagesSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const legend = t('account.field.languages');
  const label = (language: LanguageView) => t('account.languageLabel', language);
  const labels = boxLabels('languages', legend, props.languages, label);
  const saved = props.languages.filter((language) => account.paymentPageLanguages.includes(language.code));
  return (
    <FormSection
      props={props}
      section="languages"
      form={languagesForm}
      labels={labels}
      intro={<p>{t('account.languages.intro')}</p>}
      items={[[legend, saved.map(label).join(', ')]]}
    >
      <CheckboxGroup t={t} field={languagesForm.fields.languages} legend={legend} error={state.errors.languages} columns>
        {props.languages.map((language) => (
          <CheckboxField
            t={t}
            field={languagesForm.fields[language.code]}
            label={label(language)}
            checked={isTicked(state.values[language.code])}
          />
        ))}
      </CheckboxGroup>
    </FormSection>
  );
}

/** C4: the terms-and-conditions URL, for accounts with e-Commerce level 3 only (https, or none). */
export function TermsSection(props: SectionProps) {
  const { ctx, account } = props;
  const { t } = ctx;
  const labels = { termsUrl: t('account.field.termsUrl') };
  const { Text } = sectionFields(props, termsForm, labels);
  return (
    <FormSection
      props={props}
      section="terms"
      form={termsForm}
      labels={labels}
      intro={<p>{t('account.terms.intro')}</p>}
      items={[[labels.termsUrl, account.termsUrl]]}
    >
      <Text name="termsUrl" hint={t('account.field.termsUrlHint')} autocomplete="url" />
    </FormSection>
  );
}
