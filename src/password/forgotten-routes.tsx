import { Hono } from 'hono';
import { ForgottenPage } from '../../views/password/forgotten-page.tsx';
import { PSPID_MAX, USERID_MAX } from '../auth/routes.tsx';
import { mailOrigin } from '../config.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import type { FieldErrors } from '../http/forms.ts';
import { readForm, textField } from '../http/forms.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { requestPasswordReset } from './reset-service.ts';

/** B3: "Password forgotten?", before login. */
export function forgottenPasswordRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => page(c, <ForgottenPage ctx={viewContext(c, deps)} />));

  app.post('/', async (c) => {
    const form = await readForm(c);
    const pspid = textField(form, 'pspid', { max: PSPID_MAX, required: 'login.pspidRequired' });
    const userid = textField(form, 'userid', { max: USERID_MAX });
    const errors: FieldErrors = {};
    if (pspid.error) errors['forgotten-pspid'] = pspid.error;
    if (userid.error) errors['forgotten-userid'] = userid.error;
    const values = { pspid: pspid.error ? '' : pspid.value, userid: userid.error ? '' : userid.value };
    if (Object.keys(errors).length > 0)
      return page(c, <ForgottenPage ctx={viewContext(c, deps)} values={values} errors={errors} />, { status: 422 });

    const outcome = await requestPasswordReset(deps.db, deps.clock, deps.mailer, deps.log, {
      environment: env,
      pspid: pspid.value,
      userid: userid.value || undefined,
      ip: clientIp(c, deps.config),
      loginUrl: `${mailOrigin(deps.config)}/${env}/login`,
    });
    if (outcome === 'rate_limited')
      return page(c, <ForgottenPage ctx={viewContext(c, deps)} values={values} tooMany />, { status: 429 });
    return page(c, <ForgottenPage ctx={viewContext(c, deps)} sent />);
  });

  return app;
}
