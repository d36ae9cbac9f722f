import type { Translate } from '../../src/i18n/catalogue.ts';

/** The password rules, as the page and the FAQ state them. */
export function PasswordRules({ t, id, withExpiry = true }: { t: Translate; id: string; withExpiry?: boolean }) {
  return (
    <div class="rules" id={id}>
      <h2>{t('password.rulesTitle')}</h2>
      <ul>
        <li>{t('password.rule.length')}</li>
        <li>{t('password.rule.letterDigit')}</li>
        <li>{t('password.rule.notCommon')}</li>
        <li>{t('password.rule.history')}</li>
        {withExpiry ? <li>{t('password.rule.expiry')}</li> : null}
      </ul>
      <p>{t('password.rule.tip')}</p>
    </div>
  );
}
