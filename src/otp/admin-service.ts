import { recordEvent } from '../audit/service.ts';
import { can } from '../auth/permissions.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { findUser } from '../users/queries.ts';
import { clearTotp } from './storage.ts';

/**
 * B5: an administrator with the user-management right switches off another user's 2FA (a lost
 * phone); that user's sessions end. Audited as `otp.disabled_by_admin` on the target, with
 * whether 2FA was on.
 *
 * Throws Forbidden without `users:manage` or for the actor's own user (changed on the one-time
 * password page, with a code and the password), NotFound for a user of another account.
 */
export async function switchOffOtpForUser(ctx: ActorContext, targetUserId: string): Promise<void> {
  const { actor } = ctx;
  if (!can(actor.user.profile, 'users:manage')) throw new Forbidden('users:manage');
  const target = await findUser(ctx.db, actor.account.id, targetUserId);
  if (!target) throw new NotFound('user');
  if (target.id === actor.user.id) throw new Forbidden('own 2FA is changed on the one-time password page');
  await inTransaction(ctx, async (tx) => {
    await clearTotp(tx.db, target);
    await deleteUserSessions(tx.db, target.accountId, target.id);
    await recordEvent(
      tx,
      { type: 'otp.disabled_by_admin', details: { wasActive: target.totpEnabledAt !== null } },
      { user: target },
    );
  });
}
