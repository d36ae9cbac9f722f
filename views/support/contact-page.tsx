import type { ViewContext } from '../layout/view-context.ts';
import { SupportPageShell } from './support-page-shell.tsx';

export type ContactDetails = { email: string; phone?: string };

/** A phone number as a tel: link: digits and a leading +, nothing else. */
function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** R1: how to reach support, what to put in a request and what never to send. */
export function ContactPage({ ctx, contact }: { ctx: ViewContext; contact: ContactDetails }) {
  const { t } = ctx;
  const who = ctx.signedIn;
  return (
    <SupportPageShell ctx={ctx} title="support.contact.title">
      <p>{t('support.contact.intro')}</p>
      <div class="card">
        <dl class="summary-list contact-details">
          <dt>{t('support.contact.email')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </dd>
          {contact.phone ? (
            <>
              <dt>{t('support.contact.phone')}</dt>
              <dd>
                <a href={telHref(contact.phone)}>{contact.phone}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <section aria-labelledby="contact-include-title">
        <h2 id="contact-include-title">{t('support.contact.include.title')}</h2>
        <ul>
          <li>{t('support.contact.include.ids', { pspid: who?.pspid ?? '', userid: who?.userid ?? '' })}</li>
          <li>{t('support.contact.include.environment', { env: t(ctx.env === 'test' ? 'env.test' : 'env.prod') })}</li>
          <li>{t('support.contact.include.time', { zone: who?.timeZone ?? '' })}</li>
          <li>{t('support.contact.include.steps')}</li>
          <li>{t('support.contact.include.reference')}</li>
        </ul>
      </section>
      <section aria-labelledby="contact-never-title" class="card warning-card">
        <h2 id="contact-never-title">{t('support.contact.never.title')}</h2>
        <p>{t('support.contact.never.intro')}</p>
        <ul>
          <li>{t('support.contact.never.password')}</li>
          <li>{t('support.contact.never.card')}</li>
          <li>{t('support.contact.never.cvc')}</li>
          <li>{t('support.contact.never.otp')}</li>
        </ul>
      </section>
    </SupportPageShell>
  );
}
