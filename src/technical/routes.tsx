import type { Context } from 'hono';
import { Hono } from 'hono';
import { GeneratedPassphrasePage } from '../../views/technical/generated-passphrase-page.tsx';
import { ReplacePassphrasePage } from '../../views/technical/replace-passphrase-page.tsx';
import { technicalId } from '../../views/technical/technical-card.tsx';
import { TechnicalPage, TechnicalSectionFragment } from '../../views/technical/technical-page.tsx';
import { can } from '../auth/permissions.ts';
import { NotFound, type RuleBroken, StaleEdit } from '../errors.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
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
import { paths } from '../paths.ts';
import { generateForm, TECHNICAL_FORMS } from './forms.ts';
import type { FailedTechnicalSection } from './presenters.ts';
import { technicalPageProps } from './presenters.ts';
import { parseTechnicalSection, technicalSectionOfForm } from './section-input.ts';
import { generateSectionPassphrase, saveTechnicalSection } from './section-service.ts';
import type { TechnicalSection } from './sections.ts';
import { SECTION_PASSPHRASE, technicalSectionOfSlug, technicalSlug } from './sections.ts';
import type { PassphraseUse } from './settings.ts';
import { isPassphraseSet, readTechnicalSettings } from './settings.ts';

type Ctx = Context<SignedInEnv>;

/**
 * F1: Configuration > Technical information, mounted at /technical-information
 * (paths.technical). The page (GET /) needs `technical:view` (administrators, and the Viewer
 * profile who reads it without forms); each section's form posts to POST /<slug> and a
 * passphrase's "generate" button to POST /<slug>/generate, both needing `technical:manage`
 * (403 otherwise), checked again by the service. Generating a passphrase when one is set first
 * shows what replacing it breaks (GET /<slug>/generate?version=N, the confirmation page, whose
 * Confirm button posts it `confirmed`); a post that is not confirmed replaces nothing and is
 * sent there (303). Refusals follow the form-failure contract
 * (422 beside the field, 409 for a stale edit with both values), as the account page does.
 */
export function technicalRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const view = requireAuth(deps, 'technical:view');
  const manage = requireAuth(deps, 'technical:manage');

  app.get('/', view, async (c) => {
    const failure = restoreFailure(c, deps);
    const section = failure ? technicalSectionOfForm(failure.form) : undefined;
    const failed = failure && section ? { section, failure } : undefined;
    return renderTechnical(c, deps, { failed }, failed?.failure.status);
  });

  app.post('/:section', manage, async (c) => {
    const section = sectionParam(c);
    const parsed = parseTechnicalSection(section, await readForm(c));
    const refuse = refuser(c, deps, section, parsed.values);
    if (!parsed.ok) return refuse({ errors: parsed.errors, status: 422 });
    onRefusal(c, refusalOf(refuse, section));
    const { changed } = await saveTechnicalSection(actorContext(c, deps), { version: parsed.version, change: parsed.change });
    const said: PlainKey = changed ? `technical.saved.${section}` : 'technical.noChange';
    // With htmx, the section saved is swapped in place with its message; what was typed elsewhere stays.
    if (wantsFragment(c)) {
      const answer = await renderTechnical(c, deps, { saved: { section, message: said } });
      answer.headers.set('HX-Replace-Url', paths.technical.page(c.var.env));
      return answer;
    }
    setFlash(c, deps.config, said);
    return redirectAfterPost(c, paths.technical.page(c.var.env));
  });

  app.get('/:section/generate', manage, async (c) => {
    const { section, use } = passphraseSectionParam(c);
    const { env, auth } = c.var;
    const settings = await readTechnicalSettings(deps.db, auth.account.id);
    // Nothing to replace: the button posts at once, and this address only leads back to the section.
    if (!isPassphraseSet(settings, use)) return c.redirect(`${paths.technical.page(env)}#${technicalId(section)}`, 303);
    const parsed = parseForm(generateForm, c.req.query());
    return page(
      c,
      <ReplacePassphrasePage
        ctx={viewContext(c, deps)}
        use={use}
        pspid={auth.account.pspid}
        action={paths.technical.generate(env, technicalSlug(section))}
        version={parsed.ok ? parsed.data.version : 0}
        cancelHref={`${paths.technical.page(env)}#${technicalId(section)}`}
      />,
    );
  });

  app.post('/:section/generate', manage, async (c) => {
    const { section, use } = passphraseSectionParam(c);
    const parsed = parseForm(generateForm, await readForm(c));
    const version = parsed.ok ? parsed.data.version : 0;
    const confirmed = parsed.ok && parsed.data.confirmed;
    onRefusal(c, refusalOf(refuser(c, deps, section, {}), section));
    const generated = await generateSectionPassphrase(actorContext(c, deps), { section, version, confirmed });
    if ('confirm' in generated) {
      // A passphrase is set: nothing is replaced before the administrator confirms it.
      const query = new URLSearchParams({ version: String(version) });
      return redirectAfterPost(c, `${paths.technical.generate(c.var.env, technicalSlug(section))}?${query}`);
    }
    const { passphrase } = generated;
    // Shown once, on this answer: the address bar shows the page itself, whose reload says only "Set".
    return page(
      c,
      <GeneratedPassphrasePage ctx={viewContext(c, deps)} use={use} pspid={c.var.auth.account.pspid} passphrase={passphrase} />,
      { url: paths.technical.page(c.var.env) },
    );
  });

  return app;
}

/** The section of the address, with the passphrase it sets; NotFound for a section without one. */
function passphraseSectionParam(c: Ctx): { section: TechnicalSection; use: PassphraseUse } {
  const section = sectionParam(c);
  const use = SECTION_PASSPHRASE[section];
  if (!use) throw new NotFound('passphrase');
  return { section, use };
}

function sectionParam(c: Ctx): TechnicalSection {
  const section = technicalSectionOfSlug(c.req.param('section') ?? '');
  if (!section) throw new NotFound('technical information section');
  return section;
}

type Refuse = (failure: Omit<FormFailure, 'form' | 'values'>) => Response | Promise<Response>;

/** Answers a refused section form: its problems beside its fields and what was typed (never a passphrase). */
function refuser(c: Ctx, deps: Deps, section: TechnicalSection, values: FormFailure['values']): Refuse {
  return (failure) =>
    answerFailure(
      c,
      deps,
      { form: TECHNICAL_FORMS[section].id, values, ...failure },
      {
        page: paths.technical.page(c.var.env),
        render: (kept) => renderTechnical(c, deps, { failed: { section, failure: kept } }, kept.status),
      },
    );
}

/** How a service's refusal shows: a stale edit with the settings as saved now, a broken rule beside its field. */
function refusalOf(refuse: Refuse, section: TechnicalSection) {
  return (error: RuleBroken | StaleEdit, status: 409 | 422) => {
    if (error instanceof StaleEdit) return refuse({ errors: {}, conflict: true, status });
    const field = error.field || TECHNICAL_FORMS[section].list[0]?.name || 'version';
    return refuse({ errors: fieldProblem(field, error.problem), status });
  };
}

/**
 * The page as saved now, with a refused section's problems and typed values, or a section's
 * "saved" message. An htmx request for a refused or saved section gets that section alone; a
 * stale edit gets the whole page.
 */
async function renderTechnical(
  c: Ctx,
  deps: Deps,
  answer: { failed?: FailedTechnicalSection; saved?: { section: TechnicalSection; message: PlainKey } } = {},
  status: 200 | 409 | 422 | 429 = 200,
) {
  const { failed, saved } = answer;
  const { auth, env } = c.var;
  const settings = await readTechnicalSettings(deps.db, auth.account.id);
  const props = {
    ctx: viewContext(c, deps),
    ...technicalPageProps(settings, {
      pspid: auth.account.pspid,
      language: c.var.lang,
      manage: can(auth.user.profile, 'technical:manage'),
      failed,
    }),
  };
  const inPlace = saved?.section ?? (failed && !failed.failure.conflict ? failed.section : undefined);
  const fragment = inPlace ? (
    <TechnicalSectionFragment
      {...props}
      saved={saved && { section: saved.section, message: c.var.t(saved.message) }}
      section={inPlace}
    />
  ) : undefined;
  return page(c, <TechnicalPage {...props} />, { status, fragment, url: paths.technical.page(env) });
}
