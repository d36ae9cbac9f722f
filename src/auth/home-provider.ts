import type { HomeProvider } from '../home/providers.ts';
import { registerHomeProvider } from '../home/providers.ts';
import { message } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../paths.ts';
import { can } from './permissions.ts';

/**
 * Home's failed-login warning (PRODUCT.md A5): the failed attempts on the user
 * between their previous login and this one, with the previous login's time in their zone, so
 * that they notice attempts that were not theirs, and a link to change their password.
 */
export const failedLoginsHomeProvider: HomeProvider = {
  id: 'failed-logins',
  rank: 100,
  permission: 'home:view',
  block: async ({ account, user, language }) => {
    const count = user.failedSinceLastLogin;
    if (count <= 0) return null;
    const previous = user.previousLoginAt;
    return {
      title: message('home.failedLogins.title'),
      lines: [
        message('home.failedSince', { count }),
        ...(previous ? [message('home.failedPrevious', { date: formatDateTime(previous, user.timeZone, language) })] : []),
      ],
      links: can(user.profile, 'password:change')
        ? [{ href: paths.password.change(account.environment), label: message('password.change') }]
        : [],
      tone: 'warning',
    };
  },
};
registerHomeProvider(failedLoginsHomeProvider);
