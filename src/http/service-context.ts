import type { Context } from 'hono';
import type { Authenticated } from '../auth/sessions.ts';
import type { ActorContext, RequestContext } from '../context.ts';
import { SessionEnded } from '../errors.ts';
import { clientIp } from './client-ip.ts';
import type { AppEnv, Deps } from './context.ts';

/** The context a service needs for an anonymous request (login, forgotten password): deps, client IP, request id. */
export function requestContext<E extends AppEnv>(c: Context<E>, deps: Deps): RequestContext {
  return { ...deps, ip: clientIp(c, deps.config), requestId: c.var.requestId };
}

/** The context of a signed-in request: the same, with the session as the actor (SessionEnded without one). */
export function actorContext<E extends AppEnv>(c: Context<E>, deps: Deps): ActorContext {
  const actor: Authenticated | null = c.var.auth;
  if (!actor) throw new SessionEnded();
  return { ...requestContext(c, deps), actor };
}
