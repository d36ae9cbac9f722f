import type { HomeProvider } from '../home/providers.ts';
import { registerHomeProvider } from '../home/providers.ts';
import { message } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';

/**
 * Home's two-factor reminder (PRODUCT.md B4, B5, A5): while the user has no authenticator app
 * set up, Home suggests it with a link to the setup page, and says so when the account requires
 * it of every user (such a user is normally sent to the setup page before Home; the line covers
 * a session that reaches Home all the same).
 */
export const twoFactorHomeProvider: HomeProvider = {
  id: 'two-factor',
  rank: 120,
  permission: 'otp:manage',
  block: async ({ account, user }) => {
    if (user.totpEnabledAt !== null) return null;
    return {
      title: message('home.otpOff.title'),
      lines: [message('home.otpOff'), ...(account.twoFactorRequired ? [message('home.otpRequired')] : [])],
      links: [{ href: paths.otp.page(account.environment), label: message('home.otpSetUp') }],
      tone: account.twoFactorRequired ? 'warning' : 'info',
    };
  },
};
registerHomeProvider(twoFactorHomeProvider);
