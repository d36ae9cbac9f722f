import type { Authenticated } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import type { Language } from '../db/schema/users.ts';
import type { RuleBroken, StaleEdit } from '../errors.ts';
import type { Translate } from '../i18n/catalogue.ts';

export type { Deps, Logger } from '../context.ts';

/**
 * How a route shows a refusal of its service: the same form re-rendered with the problem,
 * answered with `status` (422 for a broken rule, 409 for a stale edit). Registered with
 * onRefusal (src/http/refusal.ts); called by the error funnel.
 */
export type RefusalRenderer = (error: RuleBroken | StaleEdit, status: 409 | 422) => Response | Promise<Response>;

export type AppEnv = {
  Variables: {
    requestId: string;
    secureHeadersNonce?: string;
    lang: Language;
    t: Translate;
    /** Set inside /test and /prod. */
    env: Environment;
    auth: Authenticated | null;
    /** True when the browser sent a session cookie that is no longer valid. */
    sessionEnded: boolean;
    /** The token forms must echo: the session's, or the pre-login cookie's. */
    csrfToken: string;
    refusal?: RefusalRenderer;
  };
};

/** Behind requireAuth or requireStage: the session is there, so handlers read `c.var.auth` as it is. */
export type SignedInEnv = AppEnv & { Variables: { auth: Authenticated } };
