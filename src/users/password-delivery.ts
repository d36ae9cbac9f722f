import { mailOrigin } from '../config.ts';
import type { ActorContext } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import { translator } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';

/**
 * How a system-issued password reached its user (D1 creation, D2 "Send a new password"):
 * mailed to their address; shown once to the administrator, when they have no address or the
 * mail could not be sent (`mailFailed`); or not at all for an API user, whose password an
 * administrator sets on the password page.
 */
export type PasswordDelivery = { mailedTo: string } | { shown: string; mailFailed?: boolean } | { apiUser: true };

/**
 * Sends `password` to `user` in the user's language, with the address of the login page of the
 * actor's environment (PUBLIC_ORIGIN, src/config.ts mailOrigin). Called after the change is
 * saved: a mail that fails is not an error, the administrator hands the password over instead.
 */
export async function deliverPassword(
  ctx: ActorContext,
  user: User,
  password: string,
  kind: 'newUser' | 'newPassword',
): Promise<PasswordDelivery> {
  if (user.isApiUser) return { apiUser: true };
  if (!user.email) return { shown: password };
  const { account } = ctx.actor;
  const t = translator(user.language);
  const params = {
    name: user.name,
    userid: user.userid,
    pspid: account.pspid,
    env: t(account.environment === 'test' ? 'env.test' : 'env.prod'),
    password,
    url: `${mailOrigin(ctx.config)}${paths.login(account.environment)}`,
  };
  try {
    await ctx.mailer.send({
      to: user.email,
      subject: t(kind === 'newUser' ? 'mail.newUser.subject' : 'mail.newPassword.subject'),
      text: t(kind === 'newUser' ? 'mail.newUser.body' : 'mail.newPassword.body', params),
    });
  } catch {
    // The change is saved; rather than lose the password, the administrator hands it over.
    return { shown: password, mailFailed: true };
  }
  return { mailedTo: user.email };
}
