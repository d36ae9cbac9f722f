import type { Context } from 'hono';
import { Hono } from 'hono';
import { AccountPage, AccountSectionFragment } from '../../views/account/account-page.tsx';
import { OptionsConfirmPage } from '../../views/account/options-confirm-page.tsx';
import { can } from '../auth/permissions.ts';
import { NotFound, RuleBroken, StaleEdit } from '../errors.ts';
import { fieldProblem } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { setFlash } from '../http/flash.ts';
import type { FormFailure } from '../http/form-failure.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page, redirectAfterPost, wantsFragment } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../paths.ts';
import { findProductionTwin } from '../production/queries.ts';
import { previewRetention } from '../retention/registry.ts';
import { countUsers } from '../users/queries.ts';
import type { AccountOption } from './options.ts';
import { featuresOf, OPTIONS, requireFeature } from './options.ts';
import type { FailedSection } from './presenters.ts';
import { accountPageProps } from './presenters.ts';
import { findAccount } from './queries.ts';
import { parseSection, SECTION_FORMS, sectionOfForm } from './section-input.ts';
import { saveAccountSection } from './section-service.ts';
import type { AccountSection } from './sections.ts';
import { SECTION_FEATURE, sectionOfSlug, sectionVersion } from './sections.ts';

type Ctx = Context<SignedInEnv>;

/** The flash after each section is saved. */
const SAVED: Record<AccountSection, PlainKey> = {
  administrative: 'account.saved.administrative',
  billing: 'account.saved.billing',
  subscription: 'account.saved.subscription',
  options: 'account.saved.options',
  languages: 'account.saved.languages',
  terms: 'account.saved.terms',
  currencies: 'account.saved.currencies',
  timeZone: 'account.saved.timeZone',
  retention: 'account.saved.retention',
};

/**
 * C1–C6: Configuration > Account, mounted at /account (paths.account). The page (GET /) needs
 * `account:view` (administrators and the accountant's Viewer profile, who sees it read-only);
 * each section's form posts to POST /<section> and needs `account:manage`, checked again by the
 * service, and the section's option when one gates it (403 otherwise). In PRODUCTION, a change of
 * options first shows what it changes (GET /options/confirm), whose button posts it confirmed.
 */
export function accountRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const view = requireAuth(deps, 'account:view');
  const manage = requireAuth(deps, 'account:manage');

  app.get('/', view, async (c) => {
    // After a refused section (Post/Redirect/Get): that section with its problems and what was typed.
    const failure = restoreFailure(c, deps);
    const section = failure ? sectionOfForm(failure.form) : undefined;
    const failed = failure && section ? { section, failure } : undefined;
    return renderAccount(c, deps, { failed }, failed?.failure.status);
  });

  app.get('/options/confirm', manage, async (c) => {
    const { env, auth } = c.var;
    const account = await loadAccount(c, deps);
    const wanted = OPTIONS.filter((option) => (c.req.query('options') ?? '').split(',').includes(option));
    const version = Number(c.req.query('version'));
    const switchedOn = wanted.filter((option) => !account.options.includes(option));
    const switchedOff = OPTIONS.filter((option) => account.options.includes(option) && !wanted.includes(option));
    if (switchedOn.length + switchedOff.length === 0) return c.redirect(paths.account.page(env), 303);
    const withFeatures = (codes: AccountOption[]) => codes.map((code) => ({ code, features: featuresOf(code) }));
    return page(
      c,
      <OptionsConfirmPage
        ctx={viewContext(c, deps)}
        pspid={auth.account.pspid}
        switchedOn={withFeatures(switchedOn)}
        switchedOff={withFeatures(switchedOff)}
        wanted={wanted}
        version={Number.isSafeInteger(version) && version > 0 ? version : sectionVersion(account, 'options')}
      />,
    );
  });

  app.post('/:section', manage, async (c) => {
    const { env } = c.var;
    const section = sectionOfSlug(c.req.param('section') ?? '');
    if (!section) throw new NotFound('account section');
    // A section whose option is off is neither shown nor accepted (its data stays).
    const feature = SECTION_FEATURE[section];
    if (feature) requireFeature(c.var.auth.account, feature);
    const parsed = parseSection(section, await readForm(c));
    const form = SECTION_FORMS[section];
    const refuse = (failure: Omit<FormFailure, 'form' | 'values'>) =>
      answerFailure(
        c,
        deps,
        { form: form.id, values: parsed.values, ...failure },
        {
          page: paths.account.page(env),
          render: (kept) => renderAccount(c, deps, { failed: { section, failure: kept } }, kept.status),
        },
      );
    if (!parsed.ok) return refuse({ errors: parsed.errors, status: 422 });
    onRefusal(c, (error, status) => {
      // A stale edit: the section as saved now above, the input kept in the form below.
      if (error instanceof StaleEdit) return refuse({ errors: {}, conflict: true, status });
      const field = (error instanceof RuleBroken && error.field) || form.list[0]?.name || 'version';
      return refuse({ errors: fieldProblem(field, error.problem), status });
    });
    if (section === 'options' && env === 'prod' && !parsed.confirmed && parsed.change.section === 'options') {
      // PRODUCTION: first what the change shows and hides, then the button that does it.
      const query = { options: parsed.change.options.join(','), version: String(parsed.version) };
      return redirectAfterPost(c, paths.account.confirmOptions(env, query));
    }
    const { changed } = await saveAccountSection(actorContext(c, deps), { version: parsed.version, change: parsed.change });
    const said = changed ? SAVED[section] : 'account.noChange';
    // With htmx, the section saved is swapped in place with its message: the view stays where it
    // is and what was typed in the other sections stays. Options show and hide other sections:
    // the whole page, like a plain form.
    if (wantsFragment(c) && section !== 'options') {
      const answer = await renderAccount(c, deps, { saved: { section, message: said } });
      // The bar may show an earlier refusal's marked address: the page's own, so a reload shows it as saved.
      answer.headers.set('HX-Replace-Url', paths.account.page(env));
      return answer;
    }
    setFlash(c, deps.config, said);
    return redirectAfterPost(c, paths.account.page(env));
  });

  return app;
}

async function loadAccount(c: Ctx, deps: Deps) {
  const account = await findAccount(deps.db, c.var.auth.account.id);
  if (!account) throw new NotFound('account');
  return account;
}

/**
 * The account page as saved now, with a refused section's problems and typed values, or a
 * section's "saved" message. An htmx request for a refused or saved section gets that section
 * alone; a stale edit gets the whole page.
 */
async function renderAccount(
  c: Ctx,
  deps: Deps,
  answer: { failed?: FailedSection; saved?: { section: AccountSection; message: PlainKey } } = {},
  status: 200 | 409 | 422 | 429 = 200,
) {
  const { failed, saved } = answer;
  const { auth, env } = c.var;
  const account = await loadAccount(c, deps);
  // I1: in TEST, the PRODUCTION account made from this one.
  const twin = await findProductionTwin(deps.db, account);
  const props = {
    ctx: viewContext(c, deps),
    ...accountPageProps(account, {
      language: c.var.lang,
      env,
      manage: can(auth.user.profile, 'account:manage'),
      userCount: await countUsers(deps.db, account.id),
      retentionPreview: await previewRetention(deps.db, account, deps.clock.now()),
      failed,
    }),
    productionTwin: twin && {
      pspid: twin.pspid,
      createdOn: formatDateTime(twin.createdAt, auth.user.timeZone, c.var.lang),
      summary: can(auth.user.profile, 'account:create_production'),
    },
  };
  const inPlace = saved?.section ?? (failed && !failed.failure.conflict ? failed.section : undefined);
  const fragment =
    inPlace && props.shown.includes(inPlace) ? (
      <AccountSectionFragment
        {...props}
        saved={saved && { section: saved.section, message: c.var.t(saved.message) }}
        section={inPlace}
      />
    ) : undefined;
  return page(c, <AccountPage {...props} />, { status, fragment, url: paths.account.page(env) });
}
