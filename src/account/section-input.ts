import type { FieldSpec, RawForm } from '../forms/fields.ts';
import type { FieldErrors, FormDef, FormValues, ParsedForm } from '../forms/parse.ts';
import { parseForm } from '../forms/parse.ts';
import {
  administrativeForm,
  billingForm,
  currenciesForm,
  languagesForm,
  optionsForm,
  retentionForm,
  subscriptionForm,
  termsForm,
  timeZoneForm,
} from './forms.ts';
import type { SectionChange } from './section-service.ts';
import type { AccountSection } from './sections.ts';

/** Each section's form (src/account/forms.ts). */
export const SECTION_FORMS: Record<AccountSection, FormDef> = {
  administrative: administrativeForm,
  billing: billingForm,
  subscription: subscriptionForm,
  options: optionsForm,
  languages: languagesForm,
  terms: termsForm,
  currencies: currenciesForm,
  timeZone: timeZoneForm,
  retention: retentionForm,
};

/** The section whose form has this id (a kept failure names its form). */
export function sectionOfForm(formId: string): AccountSection | undefined {
  return (Object.keys(SECTION_FORMS) as AccountSection[]).find((section) => SECTION_FORMS[section].id === formId);
}

export type ParsedSection =
  | { ok: true; values: FormValues; version: number; change: SectionChange; confirmed: boolean }
  | { ok: false; values: FormValues; errors: FieldErrors };

/**
 * Reads a section's posted form: the change it asks for (the service's input) and the version it
 * was read at, or each wrong field's problem. `values` is what was typed, for the form again.
 */
export function parseSection(section: AccountSection, body: RawForm): ParsedSection {
  switch (section) {
    case 'administrative':
      return read(administrativeForm, body, ({ companyName, tradeName, phone, email }) => ({
        section,
        companyName,
        tradeName,
        phone,
        email,
      }));
    case 'billing':
      return read(billingForm, body, ({ billingAddress, vatNumber, billingContact, billingMode }) => ({
        section,
        billingAddress,
        vatNumber,
        billingContact,
        billingMode,
      }));
    case 'subscription':
      return read(subscriptionForm, body, ({ subscription }) => ({ section, subscription }));
    case 'options':
      return read(optionsForm, body, ({ options }) => ({ section, options }));
    case 'languages':
      return read(languagesForm, body, ({ languages }) => ({ section, paymentPageLanguages: languages }));
    case 'terms':
      return read(termsForm, body, ({ termsUrl }) => ({ section, termsUrl }));
    case 'currencies':
      return read(currenciesForm, body, ({ currencies }) => ({ section, currencies }));
    case 'timeZone':
      return read(timeZoneForm, body, ({ timeZone }) => ({ section, timeZone }));
    case 'retention':
      return read(retentionForm, body, ({ retentionDays }) => ({ section, retentionDays }));
  }
}

/** Parses `body` with `form`; `change` makes the service's input from the typed data. */
function read<S extends Record<string, FieldSpec<unknown>>>(
  form: FormDef<S>,
  body: RawForm,
  change: (data: Extract<ParsedForm<S>, { ok: true }>['data']) => SectionChange,
): ParsedSection {
  const parsed = parseForm(form, body);
  if (!parsed.ok) return { ok: false, values: parsed.values, errors: parsed.errors };
  const fields = parsed.data as Record<string, unknown>;
  return {
    ok: true,
    values: parsed.values,
    version: typeof fields.version === 'number' ? fields.version : 0,
    change: change(parsed.data),
    confirmed: fields.confirmed === true,
  };
}
