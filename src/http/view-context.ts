import type { Context } from 'hono';
import type { ViewContext } from '../../views/layout/view-context.ts';
import { IDLE_TIMEOUT_MS, IDLE_WARNING_MS } from '../auth/sessions.ts';
import { PACKAGE_VERSION } from '../lib/version.ts';
import type { AppEnv, Deps } from './context.ts';
import { takeFlash } from './flash.ts';
import { buildMenu } from './menu.ts';
import { pageAssets } from './static-files.ts';

/** Everything the page shell needs, from the request; takes the pending flash message. */
export function viewContext<E extends AppEnv>(c: Context<E>, deps: Deps): ViewContext {
  const auth = c.var.auth ?? null;
  const env = c.var.env ?? 'test';
  const url = new URL(c.req.url);
  const path = `${url.pathname}${url.search}`;
  const flash = takeFlash(c, deps.config);
  return {
    t: c.var.t,
    lang: c.var.lang,
    env,
    nonce: c.var.secureHeadersNonce ?? '',
    csrfToken: c.var.csrfToken ?? '',
    path,
    signedIn: auth
      ? { userid: auth.user.userid, name: auth.user.name, pspid: auth.account.pspid, timeZone: auth.user.timeZone }
      : undefined,
    menu: auth?.stage === 'full' ? buildMenu(auth, env, url.pathname) : [],
    flash: flash ? c.var.t.message(flash) : undefined,
    idleTimeoutMs: auth ? IDLE_TIMEOUT_MS : undefined,
    idleWarningMs: auth ? IDLE_WARNING_MS : undefined,
    version: PACKAGE_VERSION,
    assets: pageAssets(),
  };
}
