/**
 * Management routes: list and get endpoints (never any secret), traffic routes, limits stubs.
 * A client key limited to some endpoints and routes lists only those (pages and their tokens count
 * what it sees) and gets, for any other name, the 403 a call to that name gets: the same whether the
 * name exists or not, so it learns no more than by calling it.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { GatewayError } from '../../errors';
import { isRecord } from '../../providers/shared/json';
import { authorize, catalogOf } from '../auth';
import type { ResponseWithLocals } from '../request-record';
import type { GatewayState } from '../state';
import { notAnObjectFailure } from '../validation';
import { quoted } from '../../config/quoted';

/** MLflow's page size for the list APIs. */
export const PAGE_SIZE = 3000;

/** MLflow's token: base64 of Python JSON `{"index": N}` (note the space). */
export function encodePageToken(index: number): string {
  return Buffer.from(`{"index": ${index}}`).toString('base64');
}

function decodePageToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  let index: unknown;
  try {
    index = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { index?: unknown }).index;
  } catch {
    index = undefined;
  }
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
    throw GatewayError.invalidParam('page_token: is not a token returned by this API (expected base64 of {"index": N})', 'page_token');
  }
  return index;
}

function page<T>(items: readonly T[], token: string | undefined): { items: T[]; next: string | null } {
  const start = decodePageToken(token);
  const end = start + PAGE_SIZE;
  return { items: items.slice(start, end), next: end < items.length ? encodePageToken(end) : null };
}

function notFound(kind: 'endpoint' | 'route', name: string): GatewayError {
  return GatewayError.notFound(`The ${kind} ${quoted(name)} is not present or active on the server. Please verify the ${kind} name.`, 'name');
}

/** `found` when the request's client may call `name` (else a 403) and it exists (else a 404). */
function visible<T>(response: Response, kind: 'endpoint' | 'route', name: string, found: T | undefined): T {
  authorize(response as ResponseWithLocals, name);
  if (found === undefined) throw notFound(kind, name);
  return found;
}

function pageTokenOf(query: unknown): string | undefined {
  const token = (query as { page_token?: unknown }).page_token;
  return typeof token === 'string' ? token : undefined;
}

const LIMITS_PREFIXES = ['/api/2.0/endpoints', '/api/2.0/gateway'];

/** The limits routes (not in the spec, as MLflow hides them) with their methods, for OPTIONS and 405 answers. */
export const LIMITS_PATHS: readonly { path: string; allow: string }[] = LIMITS_PREFIXES.flatMap((prefix) => [
  { path: `${prefix}/limits/:endpoint`, allow: 'GET, HEAD' },
  { path: `${prefix}/limits/`, allow: 'POST' },
]);

export function endpointRoutes(state: GatewayState): Router {
  const router = Router();

  router.get('/api/2.0/endpoints/', (request, response) => {
    const { items, next } = page(catalogOf(state, response as ResponseWithLocals).endpointViews, pageTokenOf(request.query));
    response.json({ endpoints: items, next_page_token: next });
  });

  const getEndpoint: RequestHandler = (request, response) => {
    const name = String(request.params.name);
    response.json(visible(response, 'endpoint', name, state.plan.endpoints.get(name)).view);
  };
  router.get('/api/2.0/endpoints/:name', getEndpoint);
  router.get('/api/3.0/gateway/endpoint/:name', getEndpoint);

  router.get('/api/2.0/gateway/routes/', (request, response) => {
    const { items, next } = page(catalogOf(state, response as ResponseWithLocals).legacyViews, pageTokenOf(request.query));
    response.json({ routes: items, next_page_token: next });
  });

  router.get('/api/2.0/gateway/routes/:name', (request, response) => {
    const name = String(request.params.name);
    response.json(visible(response, 'route', name, state.plan.endpoints.get(name)).legacyView);
  });

  router.get('/api/3.0/gateway/route/:name', (request, response) => {
    const name = String(request.params.name);
    response.json(visible(response, 'route', name, state.plan.routes.get(name)).view);
  });

  // MLflow declares these and answers 501 (set_limits after checking its body); kept so MLflow clients get the same answers.
  for (const prefix of LIMITS_PREFIXES) {
    router.get(`${prefix}/limits/:endpoint`, () => {
      throw GatewayError.unsupported('The get_limits API is not available yet.');
    });
    router.post(`${prefix}/limits/`, (request) => {
      if (!isRecord(request.body)) {
        const failure = notAnObjectFailure(request.body);
        throw GatewayError.invalidBody(failure.message, null, failure.issues);
      }
      const issues = setLimitsIssues(request.body);
      if (issues.length > 0) throw GatewayError.invalidBody(issues.map((issue) => `${issue.loc[1]}: ${issue.msg}`).join('; '), String(issues[0].loc[1]), issues);
      throw GatewayError.unsupported('The set_limits API is not available yet.');
    });
  }
  return router;
}

interface BodyIssue {
  type: string;
  loc: ['body', string];
  msg: string;
}

/** What MLflow's model for the set_limits body (`{"route": str, "limits": [object]}`) refuses, in pydantic's words. */
function setLimitsIssues(fields: Record<string, unknown>): BodyIssue[] {
  const issues: BodyIssue[] = [];
  if (fields.route === undefined) issues.push({ type: 'missing', loc: ['body', 'route'], msg: 'Field required' });
  else if (typeof fields.route !== 'string') issues.push({ type: 'string_type', loc: ['body', 'route'], msg: 'Input should be a valid string' });
  if (fields.limits === undefined) issues.push({ type: 'missing', loc: ['body', 'limits'], msg: 'Field required' });
  else if (!Array.isArray(fields.limits) || !fields.limits.every(isRecord)) issues.push({ type: 'list_type', loc: ['body', 'limits'], msg: 'Input should be a valid list of objects' });
  return issues;
}
