/**
 * DirectLink over HTTP (PRODUCT.md S1, reference §0, §3): `POST /ncol/{test|prod}/orderdirect.asp`,
 * `maintenancedirect.asp` and `querydirect.asp`, each also in its `_utf8` form, so a merchant's integration works by changing only the base URL. Every
 * answer is the platform's XML (`<ncresponse …/>`), whatever went wrong — a body too large or not
 * form-encoded, an unknown PSPID, a wrong signature, a failure of Guichet itself (55555555) —
 * never an HTML page. Each refusal of a known account is written to its error log (J1) with the
 * reply's NCERROR and text; nothing else of the request is kept.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Acquirer } from '../acquirer/acquirer.ts';
import type { Deps } from '../context.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { ENVIRONMENTS } from '../db/schema/accounts.ts';
import { recordTransactionError } from '../error-log/record.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv } from '../http/context.ts';
import { describeError } from '../lib/describe-error.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import { authenticateApiUser } from './api-user.ts';
import { requestRefusalError } from './error-texts.ts';
import { maintenanceDirect } from './maintenance-direct.ts';
import type { DirectLinkContext } from './order-direct.ts';
import { checkOrigin, orderDirect } from './order-direct.ts';
import { QUERY_FAILED, queryDirect } from './query-direct.ts';
import type { DirectLinkCharset } from './request.ts';
import { DIRECTLINK_MAX_BODY_BYTES, readDirectLinkRequest } from './request.ts';
import type { DirectLinkReply } from './response.ts';
import { encodeDirectLinkReply, wantsRoot } from './response.ts';

/** The DirectLink endpoints this version answers, by file name (each also as `<name>_utf8.asp`). */
const ENDPOINTS = { orderdirect: orderDirect, maintenancedirect: maintenanceDirect, querydirect: queryDirect } as const;
type EndpointName = keyof typeof ENDPOINTS;

/** The routes under /ncol; `deps.acquirers` authorise each environment's orders. */
export function directLinkRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  // A body over the limit is not read: the answer says so in XML, in the charset its address names.
  app.use(
    bodyLimit({
      maxSize: DIRECTLINK_MAX_BODY_BYTES,
      onError: (c) => {
        const charset = c.req.path.endsWith('_utf8.asp') ? 'utf-8' : 'iso-8859-1';
        return reply(c, requestRefusal({ problem: 'tooLarge', limitBytes: DIRECTLINK_MAX_BODY_BYTES }), charset, false);
      },
    }),
  );
  app.post('/:env/:file', async (c) => {
    const env = c.req.param('env');
    // Page names in any case, as the platform's IIS read them (OrderDirect.asp is orderdirect.asp).
    const file = /^([a-z]+?)(_utf8)?\.asp$/.exec(c.req.param('file').toLowerCase());
    const name = file?.[1];
    if (!ENVIRONMENTS.includes(env as Environment) || !file || !name || !(name in ENDPOINTS)) {
      return reply(c, { NCERROR: NCERROR.generic, NCERRORPLUS: 'Unknown page' }, 'utf-8', false, 404);
    }
    const charset: DirectLinkCharset = file[2] ? 'utf-8' : 'iso-8859-1';
    try {
      return await answer(c, deps, deps.acquirers[env as Environment], env as Environment, name as EndpointName, charset);
    } catch (error) {
      deps.log({ level: 'error', msg: 'directlink request failed', requestId: c.var.requestId, ...describeError(error) });
      return reply(c, { NCERROR: NCERROR.generic, NCERRORPLUS: ncErrorPlusText(NCERROR.generic) }, charset, false, 200);
    }
  });
  // Any other address or method under /ncol: the same XML, never an HTML page — an unknown page
  // (404), or a page asked for without POST (405, Allow: POST).
  app.all('*', (c) => {
    const charset = c.req.path.toLowerCase().endsWith('_utf8.asp') ? 'utf-8' : 'iso-8859-1';
    if (c.req.method === 'POST') return reply(c, { NCERROR: NCERROR.generic, NCERRORPLUS: 'Unknown page' }, charset, false, 404);
    const answer = reply(
      c,
      { NCERROR: NCERROR.dataValidation, NCERRORPLUS: 'DirectLink pages take POST requests only', STATUS: 0 },
      charset,
      false,
      405,
    );
    answer.headers.set('Allow', 'POST');
    return answer;
  });
  return app;
}

async function answer(
  c: Context<AppEnv>,
  deps: Deps,
  acquirer: Acquirer,
  env: Environment,
  name: EndpointName,
  charset: DirectLinkCharset,
) {
  const body = new Uint8Array(await c.req.arrayBuffer());
  const read = readDirectLinkRequest(body, c.req.header('Content-Type'), charset);
  if (!read.ok) return reply(c, requestRefusal(read.refusal), charset, false);
  const { params } = read;
  const withRoot = wantsRoot(params.get('WITHROOT'));
  const ctx: DirectLinkContext = {
    db: deps.db,
    clock: deps.clock,
    secretKey: deps.secretKey,
    acquirer,
    ip: clientIp(c, deps.config),
    charset,
  };

  const who = await authenticateApiUser(
    ctx,
    env,
    { pspid: params.get('PSPID'), userid: params.get('USERID'), password: params.get('PSWD'), ip: ctx.ip },
    (settings) => checkOrigin(ctx, settings, params),
  );
  const orderId = params.get('ORDERID') ?? '';
  if (!who.ok) {
    const refused = { orderID: orderId, NCERROR: who.ncError, NCERRORPLUS: who.text, STATUS: 0 };
    if (who.account) await fileError(deps, who.account.id, who.userid ?? null, refused);
    return reply(c, refused, charset, withRoot);
  }
  const { caller } = who;
  const result = await ENDPOINTS[name](ctx, caller, caller.settings, params);
  // A query answers with the order's own NCERROR: only a query that failed (88) is a refused request.
  const refused = name === 'querydirect' ? result.STATUS === QUERY_FAILED : result.NCERROR !== NCERROR.ok;
  if (refused) await fileError(deps, caller.account.id, caller.user.userid, result);
  return reply(c, result, charset, withRoot);
}

function requestRefusal(refusal: Parameters<typeof requestRefusalError>[0]): DirectLinkReply {
  const { ncerror, ncerrorplus } = requestRefusalError(refusal);
  return { NCERROR: ncerror, NCERRORPLUS: ncerrorplus, STATUS: 0 };
}

/** A refused request in the account's error log (J1): what the reply said, nothing of the request's card data. */
async function fileError(deps: Deps, accountId: string, userid: string | null, refused: DirectLinkReply): Promise<void> {
  await recordTransactionError(deps, {
    accountId,
    source: 'directlink',
    userid,
    orderId: refused.orderID || null,
    ncError: refused.NCERROR,
    reason: refused.NCERRORPLUS ?? ncErrorPlusText(refused.NCERROR),
  });
}

function reply(
  c: Context<AppEnv>,
  content: DirectLinkReply,
  charset: DirectLinkCharset,
  withRoot: boolean,
  status: 200 | 404 | 405 = 200,
) {
  const { body, contentType } = encodeDirectLinkReply(content, { charset, withRoot });
  // With its length: small replies are then sent as they are, not compressed (hono/compress's threshold).
  return c.body(new Uint8Array(body), status, { 'Content-Type': contentType, 'Content-Length': String(body.length) });
}
