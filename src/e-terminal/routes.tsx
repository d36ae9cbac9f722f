import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { NewTransactionCard, NewTransactionPage } from '../../views/e-terminal/new-transaction-page.tsx';
import { ResultPage } from '../../views/e-terminal/result-page.tsx';
import { defaultCurrency, knownCurrencies } from '../account/currencies.ts';
import { requireFeature } from '../account/options.ts';
import { NotFound, RuleBroken } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import type { FormFailure } from '../http/form-failure.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page, redirectAfterPost } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import type { Message } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import { readTechnicalSettings } from '../technical/settings.ts';
import { cardFieldErrors, checkTypedCard } from './card-problems.ts';
import type { NewTransactionValues } from './forms.ts';
import { newTransactionForm } from './forms.ts';
import { inputError } from './input-errors.ts';
import { resultProps } from './presenters.ts';
import { findTerminalOrder } from './queries.ts';
import { enterPayment, fileRefusedForm } from './service.ts';

type Ctx = Context<SignedInEnv>;

/**
 * O1, Operations > New transaction (reference §10), mounted at /operations/new-transaction
 * (paths.eTerminal): the form (GET /), the payment (POST /) and its result (GET /result/:payId).
 * Every address needs `payments:create` (Encoder profiles and above) and the account's e-Terminal
 * option (403 otherwise), checked again by the service. A refused form comes back with its
 * messages and what was typed except the card number and the CVC (secret fields: never shown
 * back, never kept in the failure cookie); with htmx, the form's card is swapped in place. Each
 * refused form is filed once in the account's error log (J1): its first field's problem, with the
 * platform's code (input-errors.ts).
 * Payments go to the environment's acquirer (deps.acquirers), the one DirectLink uses.
 */
export function eTerminalRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const create = requireAuth(deps, 'payments:create');
  const withOption = requireTerminalOption();

  app.get('/', create, withOption, async (c) => {
    // After a refusal (Post/Redirect/Get): the same problems and what was typed.
    const failed = restoreFailure(c, deps, newTransactionForm.id);
    if (failed) return renderForm(c, deps, failed.values, failed, failed.status);
    const settings = await readTechnicalSettings(deps.db, c.var.auth.account.id);
    const currency = defaultCurrency(c.var.auth.account.currencies);
    return renderForm(c, deps, { operation: settings.defaultOperation, currency });
  });

  app.post('/', create, withOption, async (c) => {
    const { env } = c.var;
    const body = await readForm(c);
    const parsed = parseForm(newTransactionForm, body);
    const refuse = (problems: { errors: FieldErrors; refusal?: Message }, status: FormFailure['status']) =>
      answerFailure(
        c,
        deps,
        // parseForm's values: the card number and the CVC are '' there, so they are never kept.
        { form: newTransactionForm.id, values: parsed.values, ...problems, status },
        {
          page: paths.eTerminal.newTransaction(env),
          render: (failure) => renderForm(c, deps, failure.values, failure, failure.status),
        },
      );
    const typedCard = { cardNumber: body.cardNumber ?? '', expiry: body.expiry ?? '', cvc: body.cvc ?? '' };
    if (!parsed.ok) {
      // The card's own problems too, so every field that needs retyping says so at once.
      const card = checkTypedCard(typedCard, deps.clock.now());
      const cardErrors = card.ok ? {} : cardFieldErrors(card.problems);
      // In the error log once: the first field's problem, with the platform's code.
      const error = inputError(parsed.errors, card.ok ? [] : card.problems, {
        amount: body.amount ?? '',
        currency: body.currency ?? '',
      });
      if (error) await fileRefusedForm(actorContext(c, deps), parsed.values.orderId, error);
      return refuse({ errors: { ...cardErrors, ...parsed.errors } }, 422);
    }
    // A used ORDERID or a currency the account does not take: the message beside its field.
    onRefusal(c, (error, status) => {
      if (!(error instanceof RuleBroken)) return refuse({ errors: {} }, status);
      return refuse(
        error.field ? { errors: fieldProblem(error.field, error.problem) } : { errors: {}, refusal: error.problem },
        status,
      );
    });
    const { data } = parsed;
    if (data.amount === undefined) throw new Error('a required amount was parsed as empty');
    const answer = await enterPayment(
      { ...actorContext(c, deps), acquirer: deps.acquirers[env] },
      {
        orderId: data.orderId,
        amount: data.amount,
        currency: data.currency,
        operation: data.operation,
        card: typedCard,
        cardHolder: data.cardHolder,
        email: data.email,
        description: data.description,
      },
    );
    if (!answer.ok) return refuse({ errors: cardFieldErrors(answer.cardProblems) }, 422);
    return redirectAfterPost(c, paths.eTerminal.result(env, answer.payId));
  });

  app.get('/result/:payId', create, withOption, async (c) => {
    const { auth } = c.var;
    const payId = Number(c.req.param('payId'));
    const order = Number.isSafeInteger(payId) && payId > 0 ? await findTerminalOrder(deps.db, auth.account.id, payId) : undefined;
    // A user limited to their own transactions sees only the payments they made.
    if (!order || (auth.user.scopeOwnOnly && order.userId !== auth.user.id)) throw new NotFound('order');
    const props = resultProps(order, c.var.t, auth.user.timeZone);
    return page(c, <ResultPage ctx={viewContext(c, deps)} {...props} />);
  });

  return app;
}

/** Refuses (403) every address while the account's e-Terminal option is off; its link is hidden then too (src/http/menu.ts). */
function requireTerminalOption() {
  return createMiddleware<SignedInEnv>(async (c, next) => {
    requireFeature(c.var.auth.account, 'e_terminal');
    await next();
  });
}

/** The account's currencies, in the page's order. */
function currenciesOf(c: Ctx): string[] {
  return knownCurrencies(c.var.auth.account.currencies);
}

/** The form page (or, for htmx, the form's card alone) with what was typed and its problems. */
function renderForm(
  c: Ctx,
  deps: Deps,
  values: NewTransactionValues,
  problems: { errors: FieldErrors; refusal?: Message } = { errors: {} },
  status: 200 | 409 | 422 | 429 = 200,
) {
  const props = {
    ctx: viewContext(c, deps),
    values,
    errors: problems.errors,
    refusal: problems.refusal,
    currencies: currenciesOf(c),
  };
  return page(c, <NewTransactionPage {...props} />, {
    status,
    fragment: <NewTransactionCard {...props} />,
    url: paths.eTerminal.newTransaction(c.var.env),
  });
}
