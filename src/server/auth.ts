/**
 * Client authentication against the plan's `auth` table (src/config/client-keys.ts). A key comes
 * as `Authorization: Bearer <key>` (the OpenAI client's `apiKey`) or `x-api-key: <key>`; its
 * SHA-256 is compared with every configured digest in constant time. Missing, malformed (`Bearer` and
 * more than one word) or unknown key: 401;
 * a key calling or getting a name it is not allowed (whether the name exists or not): 403; it does
 * not list them, nor read `/metrics`. `/health` is always open; docs, management routes and
 * metrics are open as the config says. Keys are never logged nor echoed.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Catalog } from '../config/catalog';
import { sha256, type AuthPlan, type ClientKeyEntry } from '../config/client-keys';
import { GatewayError } from '../errors';
import { routedSpelling } from './routed-paths';
import type { GatewayState } from './state';
import type { ResponseWithLocals } from './request-record';
import { quoted } from '../config/quoted';

/** Which group of routes a path belongs to, for the `public_*` switches. */
export type RouteGroup = 'health' | 'docs' | 'endpoint_list' | 'metrics' | 'invocations';

export function routeGroupOf(requestPath: string): RouteGroup {
  // Express serves `/health/` and `/Health` as `/health`: they must be as open as it is.
  const path = routedSpelling(requestPath);
  if (path === '/health') return 'health';
  if (path === '/' || path === '/openapi.json' || path === '/docs' || path.startsWith('/docs/')) return 'docs';
  if (path === '/metrics') return 'metrics';
  if (path.startsWith('/api/')) return 'endpoint_list';
  return 'invocations';
}

function isOpen(auth: AuthPlan, group: RouteGroup): boolean {
  switch (group) {
    case 'health':
      return true;
    case 'docs':
      return auth.publicDocs;
    case 'endpoint_list':
      return auth.publicEndpointList;
    case 'metrics':
      return auth.publicMetrics;
    case 'invocations':
      return false;
    default: {
      const unreachable: never = group;
      return unreachable;
    }
  }
}

/** The key the client sent, or null. */
export function presentedKey(request: Request): string | null {
  const authorization = request.headers.authorization;
  const bearer = authorization === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  if (bearer) return bearer[1];
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header : null;
}

/** `Bearer` and more than one word after it: a key pasted with a space in it, or a stray word after it. */
const MALFORMED_BEARER = /^Bearer[ \t]+\S+[ \t]+\S/i;

/** Whether the request's only key is such an Authorization header, which holds no key to look up. */
function hasMalformedBearer(request: Request): boolean {
  const authorization = request.headers.authorization;
  return authorization !== undefined && MALFORMED_BEARER.test(authorization);
}

/** Compares against every entry (no early exit), so the time taken says nothing about the key. */
export function findClient(auth: AuthPlan, key: string): ClientKeyEntry | null {
  const digest = sha256(key);
  let found: ClientKeyEntry | null = null;
  for (const entry of auth.keys) {
    if (timingSafeEqual(entry.digest, digest) && found === null) found = entry;
  }
  return found;
}

/** The authenticated client of a request (set by `authenticate`), or null without `auth:`. */
export function clientOf(response: ResponseWithLocals): ClientKeyEntry | null {
  return (response.locals.client as ClientKeyEntry | undefined) ?? null;
}

const HOW_TO_SEND = "send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'";

/** The 401 of a request without a valid key; a malformed header is said to be one, without quoting it (it holds the key). */
function refusalOf(request: Request, key: string | null): GatewayError {
  if (key !== null) return GatewayError.unauthenticated('The API key is not valid for this gateway.', 'invalid_api_key');
  if (hasMalformedBearer(request)) {
    return GatewayError.unauthenticated("The Authorization header is malformed: after 'Bearer' it must hold the key alone, one word without spaces (check the key for a space or a stray word after it).", 'malformed_authorization');
  }
  return GatewayError.unauthenticated(`This gateway needs an API key: ${HOW_TO_SEND}.`, 'missing_api_key');
}

/** Lets a request through, or answers 401 (before the body is read). */
export function authenticate(state: GatewayState): RequestHandler {
  return (request, response, next) => {
    const auth = state.plan.auth;
    if (auth === null) return next();
    const key = presentedKey(request);
    const client = key === null ? null : findClient(auth, key);
    if (client !== null) {
      response.locals.client = client;
      return next();
    }
    if (isOpen(auth, routeGroupOf(request.path))) return next();
    response.setHeader('WWW-Authenticate', 'Bearer realm="llm-gateway"');
    next(refusalOf(request, key));
  };
}

/** Whether the request's client may call (and so see) `name`, an endpoint or traffic route. */
function mayCall(response: ResponseWithLocals, name: string): boolean {
  const allowed = clientOf(response)?.endpoints;
  return !allowed || allowed.has(name);
}

/** What the request's client may list: its key's share, or everything without a restricted key. */
export function catalogOf(state: GatewayState, response: ResponseWithLocals): Catalog {
  return clientOf(response)?.catalog ?? state.plan;
}

/**
 * `/metrics` names every endpoint, model and client key, with their traffic and token counts: a key
 * limited to some endpoints (a tenant's) may not read it, unless the operator made it public.
 */
export function authorizeMetrics(state: GatewayState): RequestHandler {
  return (_request, response, next) => {
    const client = clientOf(response);
    if (client?.endpoints && !state.plan.auth?.publicMetrics) {
      throw GatewayError.forbidden(
        `The API key ${quoted(client.name)} may call only some endpoints, and /metrics shows every endpoint and key: read it with a key without 'endpoints'.`,
      );
    }
    next();
  };
}

/** Throws 403 when the request's client may not call `name` (an endpoint or traffic route). */
export function authorize(response: ResponseWithLocals, name: string): void {
  if (!mayCall(response, name)) {
    throw GatewayError.forbidden(`The API key ${quoted(clientOf(response)!.name)} may not call ${quoted(name)}.`);
  }
}
