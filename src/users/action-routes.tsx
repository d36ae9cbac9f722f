import type { Context } from 'hono';
import { Hono } from 'hono';
import { ConfirmPage } from '../../views/users/confirm-page.tsx';
import type { ActorContext } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import { refusalMessage } from './presenters.ts';
import { sendNewPassword, setUserActive, switchOffUserOtp, unlockUser } from './service.ts';
import { answerPasswordDelivery, backToUser, loadUser, refuseUserAction } from './show-routes.tsx';

type Ctx = Context<SignedInEnv>;
type Action = Parameters<typeof paths.users.action>[2];
type Act = (c: Ctx, ctx: ActorContext, user: User) => Promise<Response>;

/**
 * D2: the actions on a user. The destructive ones have a confirmation page (GET /:id/<action>)
 * before their POST; reactivating and unlocking are POSTs from the user's page. A rule an action
 * breaks (last admin, own user) is shown on the user's page (422, after a redirect to it).
 */
export function userActionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const manage = requireAuth(deps, 'users:manage');

  /** The POST of an action on the user of `:id`, its refusals shown on the user's page. */
  const post = (action: Action, act: Act) =>
    app.post(`/:id/${action}`, manage, async (c) => {
      const user = await loadUser(c, deps);
      onRefusal(c, (error, status) => refuseUserAction(c, deps, user, refusalMessage(error), status));
      return act(c, actorContext(c, deps), user);
    });

  /** A destructive action: its confirmation page (GET), then its POST. */
  const confirmed = (action: Action, texts: { title: ConfirmTitle; body: PlainKey; button: ConfirmButton }, act: Act) => {
    app.get(`/:id/${action}`, manage, async (c) => {
      const user = await loadUser(c, deps);
      const ctx = viewContext(c, deps);
      const { env } = c.var;
      return page(
        c,
        <ConfirmPage
          ctx={ctx}
          title={ctx.t(texts.title, { userid: user.userid })}
          body={ctx.t(texts.body)}
          button={ctx.t(texts.button, { userid: user.userid })}
          action={paths.users.action(env, user.id, action)}
          cancelHref={paths.users.show(env, user.id)}
        />,
      );
    });
    post(action, act);
  };

  confirmed(
    'send-password',
    {
      title: 'users.action.sendPasswordConfirm',
      body: 'users.action.sendPasswordBody',
      button: 'users.action.sendPasswordButton',
    },
    async (c, ctx, user) =>
      answerPasswordDelivery(c, deps, user, await sendNewPassword(ctx, user.id), {
        mailed: 'users.passwordSent',
        shown: 'users.passwordShown',
        api: 'users.passwordSent',
      }),
  );
  confirmed(
    'deactivate',
    { title: 'users.action.deactivateConfirm', body: 'users.action.deactivateBody', button: 'users.action.deactivateButton' },
    async (c, ctx, user) => {
      await setUserActive(ctx, user.id, false);
      return backToUser(c, deps, user, 'users.deactivated');
    },
  );
  confirmed(
    'otp-off',
    { title: 'users.action.otpOffConfirm', body: 'users.action.otpOffBody', button: 'users.action.otpOffButton' },
    async (c, ctx, user) => {
      await switchOffUserOtp(ctx, user.id);
      return backToUser(c, deps, user, 'users.otpSwitchedOff');
    },
  );
  post('reactivate', async (c, ctx, user) => {
    await setUserActive(ctx, user.id, true);
    return backToUser(c, deps, user, 'users.reactivated');
  });
  post('unlock', async (c, ctx, user) => {
    await unlockUser(ctx, user.id);
    return backToUser(c, deps, user, 'users.unlocked');
  });

  return app;
}

/** The confirmation titles and buttons: each names the user acted on. */
type ConfirmTitle = 'users.action.sendPasswordConfirm' | 'users.action.deactivateConfirm' | 'users.action.otpOffConfirm';
type ConfirmButton = 'users.action.sendPasswordButton' | 'users.action.deactivateButton' | 'users.action.otpOffButton';
