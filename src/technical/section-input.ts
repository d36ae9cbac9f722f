import type { RawForm } from '../forms/fields.ts';
import type { FieldErrors, FormValues } from '../forms/parse.ts';
import { parseForm } from '../forms/parse.ts';
import {
  directLinkForm,
  ecommerceForm,
  emailsForm,
  FEEDBACK_PARAMETERS,
  feedbackForm,
  securityForm,
  TECHNICAL_FORMS,
  transactionForm,
} from './forms.ts';
import type { TechnicalChange } from './section-service.ts';
import type { TechnicalSection } from './sections.ts';
import { TECHNICAL_SECTIONS } from './sections.ts';

/** The section whose form has this id (a kept failure names its form). */
export function technicalSectionOfForm(formId: string): TechnicalSection | undefined {
  return TECHNICAL_SECTIONS.find((section) => TECHNICAL_FORMS[section].id === formId);
}

export type ParsedTechnicalSection =
  | { ok: true; values: FormValues; version: number; change: TechnicalChange }
  | { ok: false; values: FormValues; errors: FieldErrors };

/**
 * Reads a section's posted form: the change it asks for (the service's input) and the version it
 * was read at, or each wrong field's problem. `values` is what was typed (never a passphrase).
 */
export function parseTechnicalSection(section: TechnicalSection, body: RawForm): ParsedTechnicalSection {
  switch (section) {
    case 'transaction': {
      const parsed = parseForm(transactionForm, body);
      if (!parsed.ok) return parsed;
      const { version, defaultEci, ...rest } = parsed.data;
      return done(parsed.values, version, { section, ...rest, defaultEci: Number(defaultEci) });
    }
    case 'security': {
      const parsed = parseForm(securityForm, body);
      if (!parsed.ok) return parsed;
      const { version, ...rest } = parsed.data;
      return done(parsed.values, version, { section, ...rest });
    }
    case 'ecommerce': {
      const parsed = parseForm(ecommerceForm, body);
      if (!parsed.ok) return parsed;
      const { version, referrerUrls, passphrase } = parsed.data;
      return done(parsed.values, version, { section, referrerUrls, passphrase });
    }
    case 'directLink': {
      const parsed = parseForm(directLinkForm, body);
      if (!parsed.ok) return parsed;
      const { version, allowedIps, passphrase } = parsed.data;
      return done(parsed.values, version, { section, allowedIps, passphrase });
    }
    case 'feedback': {
      const parsed = parseForm(feedbackForm, body);
      if (!parsed.ok) return parsed;
      const { version, passphrase, postSaleUrlAccepted, postSaleUrlDeclined, postSaleTiming, statusChangeUrl } = parsed.data;
      const feedbackParameters = FEEDBACK_PARAMETERS.filter((name) => parsed.data[name]);
      return done(parsed.values, version, {
        section,
        passphrase,
        postSaleUrlAccepted,
        postSaleUrlDeclined,
        postSaleTiming,
        statusChangeUrl,
        feedbackParameters,
      });
    }
    case 'emails': {
      const parsed = parseForm(emailsForm, body);
      if (!parsed.ok) return parsed;
      const { version, ...rest } = parsed.data;
      return done(parsed.values, version, { section, ...rest });
    }
  }
}

function done(values: FormValues, version: number, change: TechnicalChange): ParsedTechnicalSection {
  return { ok: true, values, version, change };
}
