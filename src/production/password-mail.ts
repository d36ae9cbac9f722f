import { mailOrigin } from '../config.ts';
import type { ActorContext } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import { translator } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';

/**
 * How the initial password of a new PRODUCTION account's default administrator reached them:
 * mailed, or (when the mail could not be sent) shown once to the TEST administrator who made
 * the account, as Configuration > Users does (src/users/password-delivery.ts).
 */
export type ProductionPasswordDelivery = { mailedTo: string } | { shown: string; mailFailed: true };

/**
 * Mails `password` to `administrator` (their e-mail: the TEST account's, or the acting
 * administrator's), in their language, with the PRODUCTION PSPID and the address of the
 * PRODUCTION login (PUBLIC_ORIGIN). Called after the copy is saved: a failed mail is not an
 * error, the password is shown once instead.
 */
export async function mailProductionPassword(
  ctx: ActorContext,
  administrator: Pick<User, 'email' | 'language' | 'userid'>,
  password: string,
): Promise<ProductionPasswordDelivery> {
  const to = administrator.email;
  if (!to) return { shown: password, mailFailed: true };
  const t = translator(administrator.language);
  try {
    await ctx.mailer.send({
      to,
      subject: t('production.mail.subject', { pspid: administrator.userid }),
      text: t('production.mail.body', {
        pspid: administrator.userid,
        testPspid: ctx.actor.account.pspid,
        password,
        url: `${mailOrigin(ctx.config)}${paths.login('prod')}`,
      }),
    });
  } catch {
    return { shown: password, mailFailed: true };
  }
  return { mailedTo: to };
}
