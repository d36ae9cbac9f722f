import { passwordExpiringSoon } from '../auth/stage.ts';
import type { HomeProvider } from '../home/providers.ts';
import { registerHomeProvider } from '../home/providers.ts';
import { message } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../paths.ts';

/**
 * Home's password expiry notice (PRODUCT.md B2, A5): a self-chosen password lasts 90 days, and
 * from 14 days before its expiry Home shows the date, in the user's zone, with a link to change
 * it. Issued passwords (one login only) and API users have no such date.
 */
export const passwordExpiryHomeProvider: HomeProvider = {
  id: 'password-expiry',
  rank: 110,
  permission: 'password:change',
  block: async ({ clock, account, user, language }) => {
    const expires = passwordExpiringSoon(user, clock.now());
    if (!expires) return null;
    return {
      title: message('home.passwordExpiry.title'),
      lines: [message('password.expiresSoon', { date: formatDateTime(expires, user.timeZone, language) })],
      links: [{ href: paths.password.change(account.environment), label: message('password.change') }],
      tone: 'warning',
    };
  },
};
registerHomeProvider(passwordExpiryHomeProvider);
