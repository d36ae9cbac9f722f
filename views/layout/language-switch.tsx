import { LANGUAGES } from '../../src/i18n/languages.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { ViewContext } from './view-context.ts';

/** Switches the interface language and comes back to the same page. */
export function LanguageSwitch({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  // Outside /test and /prod (an unknown path) there is no token to post with.
  if (!ctx.csrfToken) return null;
  return (
    <form method="post" action={paths.language(ctx.env)} class="language-switch">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="next" value={ctx.path} />
      <label for="language-select">{t('shell.language')}</label>
      <select id="language-select" name="lang">
        {LANGUAGES.map((lang) => (
          <option value={lang} selected={lang === ctx.lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
      <button type="submit">{t('shell.languageSubmit')}</button>
    </form>
  );
}
