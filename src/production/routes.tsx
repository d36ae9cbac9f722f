import type { Context } from 'hono';
import { Hono } from 'hono';
import type { CopiedPart } from '../../views/production/copy-lists.tsx';
import { ProductionReviewPage } from '../../views/production/review-page.tsx';
import type { StartPageProps } from '../../views/production/start-page.tsx';
import { ProductionStartPage } from '../../views/production/start-page.tsx';
import type { ProductionSummaryProps } from '../../views/production/summary-page.tsx';
import { ProductionSummaryPage } from '../../views/production/summary-page.tsx';
import { RuleBroken } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { setFlash } from '../http/flash.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page, redirectAfterPost } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import type { Message } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../paths.ts';
import { copyParts, NOT_COPIED } from './copy-registry.ts';
import { productionForm } from './forms.ts';
import type { ProductionTwin } from './queries.ts';
import { findProductionTwin } from './queries.ts';
import { createProductionAccount, passwordRecipient, pspidProblem } from './service.ts';

type Ctx = Context<SignedInEnv>;

/**
 * I1 (guide 3.2.9), Configuration > Create production account, mounted in TEST only at
 * /test/account/production (PRODUCTION has no such address: 404): GET / the PSPID form (or,
 * once done, the PRODUCTION account's date and links), GET /review the review page (the form's
 * GET target: a bad PSPID answers the form again, 422), POST / the creation (refusals go back
 * to the form, Post/Redirect/Get), GET /summary what was copied and what to set up again.
 */
export function productionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const creator = requireAuth(deps, 'account:create_production');

  app.get('/', creator, (c) => {
    // After a refused creation (Post/Redirect/Get): the same problem and the PSPID that was sent.
    const failed = restoreFailure(c, deps, productionForm.id);
    if (failed) return renderStart(c, deps, failed, failed.status);
    return renderStart(c, deps, { values: { pspid: c.req.query('pspid') ?? c.var.auth.account.pspid }, errors: {} });
  });

  app.get('/review', creator, async (c) => {
    const { account, user } = c.var.auth;
    if (account.productionAccountId) return c.redirect(paths.production.start(), 303);
    const parsed = parseForm(productionForm, c.req.query());
    if (!parsed.ok) return renderStart(c, deps, parsed, 422);
    const problem = await pspidProblem(deps, parsed.data.pspid);
    if (problem) return renderStart(c, deps, { values: parsed.values, errors: fieldProblem('pspid', problem) }, 422);
    const recipient = passwordRecipient(account, user);
    if (!recipient) {
      return renderStart(c, deps, { values: parsed.values, errors: {}, refusal: message('production.error.noEmail') }, 422);
    }
    return page(
      c,
      <ProductionReviewPage
        ctx={viewContext(c, deps)}
        pspid={parsed.data.pspid}
        recipient={recipient}
        copied={copiedParts()}
        notCopied={NOT_COPIED}
      />,
    );
  });

  app.post('/', creator, async (c) => {
    const parsed = parseForm(productionForm, await readForm(c));
    const refuse = (problems: { errors: FieldErrors; refusal?: Message }, status: 409 | 422) =>
      answerFailure(
        c,
        deps,
        { form: productionForm.id, values: parsed.values, ...problems, status },
        { page: paths.production.start(), render: (failure) => renderStart(c, deps, failure, failure.status) },
      );
    if (!parsed.ok) return refuse({ errors: parsed.errors }, 422);
    onRefusal(c, (error, status) => {
      const placed = error instanceof RuleBroken && error.field ? fieldProblem(error.field, error.problem) : undefined;
      const refusal = error instanceof RuleBroken && !error.field ? error.problem : undefined;
      return refuse({ errors: placed ?? {}, refusal }, status);
    });
    const created = await createProductionAccount(actorContext(c, deps), { pspid: parsed.data.pspid });
    const shownPassword = 'shown' in created.delivery ? created.delivery.shown : undefined;
    if (shownPassword || created.shownOnce.length > 0) {
      // Secrets are in the answer to the POST itself, once; a reload of the summary does not show them.
      const twin = await findProductionTwin(deps.db, { environment: 'test', productionAccountId: created.account.id });
      if (!twin) throw new Error('production account not found after its creation');
      return renderSummary(c, deps, twin, { shownPassword, shownOnce: created.shownOnce });
    }
    setFlash(c, deps.config, 'production.created');
    return redirectAfterPost(c, paths.production.summary());
  });

  app.get('/summary', creator, async (c) => {
    const twin = await findProductionTwin(deps.db, c.var.auth.account);
    if (!twin) return c.redirect(paths.production.start(), 303);
    return renderSummary(c, deps, twin);
  });

  return app;
}

/** The registered parts as the pages word them. */
function copiedParts(): CopiedPart[] {
  return copyParts().map(({ label, details }) => ({ label, details }));
}

/** When the twin was made, in the reader's zone and language. */
function createdOn(c: Ctx, twin: ProductionTwin): string {
  return formatDateTime(twin.createdAt, c.var.auth.user.timeZone, c.var.lang);
}

/** The PSPID form with what was typed and its problems, or the twin's notice once it exists. */
async function renderStart(
  c: Ctx,
  deps: Deps,
  shown: Pick<StartPageProps, 'values' | 'errors' | 'refusal'>,
  status: 200 | 409 | 422 | 429 = 200,
) {
  const { account, user } = c.var.auth;
  const twin = await findProductionTwin(deps.db, account);
  return page(
    c,
    <ProductionStartPage
      ctx={viewContext(c, deps)}
      values={shown.values}
      errors={shown.errors}
      refusal={shown.refusal}
      recipient={passwordRecipient(account, user)}
      twin={twin ? { pspid: twin.pspid, createdOn: createdOn(c, twin) } : undefined}
    />,
    { status, url: paths.production.start() },
  );
}

function renderSummary(
  c: Ctx,
  deps: Deps,
  twin: ProductionTwin,
  once: Pick<ProductionSummaryProps, 'shownPassword' | 'shownOnce'> = {},
) {
  return page(
    c,
    <ProductionSummaryPage
      ctx={viewContext(c, deps)}
      pspid={twin.pspid}
      createdOn={createdOn(c, twin)}
      mailedTo={twin.administratorEmail}
      copied={copiedParts()}
      notCopied={NOT_COPIED}
      {...once}
    />,
    { url: paths.production.summary() },
  );
}
