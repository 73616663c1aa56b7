/**
 * Builds the Express app without listening (tests mount it on port 0; cli.ts listens).
 * Route handlers stay short: find the endpoint, call it, send JSON or SSE.
 */
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { GatewayError } from '../errors';
import { authenticate, authorizeMetrics } from './auth';
import { jsonBody } from './body';
import { dialectOf, errorHandler, sendError } from './errors';
import { docsSecurityHeaders } from './docs-headers';
import { installFastPath, type NodeHandler } from './fast-path';
import { checkRequestHead } from './http-server';
import { createLogger, type Logger } from './logging';
import { openapiDocument, requestValidator, responseValidator } from './openapi';
import { metricsHandler, recordRequestMetrics } from './metrics';
import { parserRefusalLog, requestLog, UnloggedRequests } from './request-log';
import { recordError } from './request-record';
import { routeTemplateMatcher } from './routed-paths';
import { endpointRoutes, LIMITS_PATHS } from './routes/endpoints';
import { invocationHandlers, invocationRoutes } from './routes/invocations';
import { modelRoutes } from './routes/models';
import { keptResponseRoutes } from './routes/responses';
import type { GatewayState } from './state';
import { quoted } from '../config/quoted';

export interface AppOptions {
  logger?: Logger;
  /** Validate every response against the spec (contract tests). */
  validateResponses?: boolean;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * The spec's paths in Express syntax (`{name}` → `:name`), each with the `Allow` value of its
 * methods, for OPTIONS and for 405 answers on the wrong method.
 */
function specPaths(document: Record<string, unknown>): { path: string; allow: string }[] {
  return Object.entries(document.paths as Record<string, Record<string, unknown>>).map(([path, item]) => {
    const methods = HTTP_METHODS.filter((method) => method in item).map((method) => method.toUpperCase());
    return { path: path.replace(/\{(\w+)\}/g, ':$1'), allow: (methods.includes('GET') ? [...methods, 'HEAD'] : methods).join(', ') };
  });
}

/** OPTIONS names the methods; any other method is a 405 in the route family's error shape. */
function methodNotAllowed(allow: string): RequestHandler {
  return (request, response) => {
    response.setHeader('Allow', allow);
    if (request.method === 'OPTIONS') {
      response.status(200).type('text/plain').send(allow);
      return;
    }
    const dialect = dialectOf(request);
    const error = new GatewayError({ status: 405, message: `Method not allowed: ${request.method} ${request.path} (allowed: ${allow})`, kind: 'invalid_request_error', code: 'method_not_allowed' });
    recordError(response, error);
    if (dialect === 'openai') sendError(response, error, dialect);
    else response.status(405).json({ detail: 'Method Not Allowed' });
  };
}

/** The docs' static files answer any method; only GET and HEAD reach them. */
const readOnly: RequestHandler = (request, response, next) => {
  if (request.method === 'GET' || request.method === 'HEAD') next();
  else methodNotAllowed('GET, HEAD')(request, response, next);
};

/** Routes outside the spec, with their methods: OPTIONS and a wrong method are answered as on the spec's. */
const UNLISTED_PATHS = [...LIMITS_PATHS, { path: '/', allow: 'GET, HEAD' }, { path: '/openapi.json', allow: 'GET, HEAD' }];

/** Said of a path with `//` in it: usually a client's base URL ending in a slash, joined to `/v1`. */
const EMPTY_SEGMENT_HINT = " (the path has an empty segment '//': check the client's base URL)";

function notFound(request: Request, response: Response): void {
  const dialect = dialectOf(request);
  const hint = request.path.includes('//') ? EMPTY_SEGMENT_HINT : '';
  const error = GatewayError.notFound(`Unknown route: ${request.method} ${quoted(request.path)}${hint}`);
  // The audit line says why, as for every other refusal (MLflow's body has only its detail).
  recordError(response, error);
  if (dialect === 'openai') sendError(response, error, dialect);
  else response.status(404).json({ detail: 'Not Found' });
}

/** swagger-ui-express hides its package's package.json with a plain-text 404; the gateway's 404s are JSON. */
const hiddenDocsFiles: RequestHandler = (request, response, next) => (request.path.endsWith('/package.json') ? notFound(request, response) : next());

export function createApp(state: GatewayState, options: AppOptions = {}): Express {
  const logger = options.logger ?? createLogger();
  const document = openapiDocument();
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // Every request's middleware; the fast path (fast-path.ts) runs the same instances.
  const routeTemplateOf = routeTemplateMatcher(Object.keys(document.paths as Record<string, unknown>));
  // For the shutdown (cli.ts): the process exits once every request has its audit line.
  const unlogged = new UnloggedRequests();
  app.locals.unlogged = unlogged;
  const preamble = [requestLog({ logger, state, routeTemplateOf, onDone: recordRequestMetrics, unlogged }), checkRequestHead, authenticate(state), jsonBody(state)];
  // For the HTTP server (http-server.ts): requests its parser refused are logged and counted too.
  app.locals.logParserRefusal = parserRefusalLog({ logger, state, onDone: recordRequestMetrics });
  app.use(preamble);
  // Request validation first: both instances share `req.openapi`, and the response validator
  // would otherwise mark the LLM paths (which the request validator skips) as matched.
  app.use(requestValidator());
  if (options.validateResponses) app.use(responseValidator());

  app.get('/health', (_request, response) => {
    response.json({ status: 'OK' });
  });
  app.get('/metrics', authorizeMetrics(state), metricsHandler);
  app.get('/', (_request, response) => response.redirect(307, '/docs'));
  app.get('/openapi.json', (_request, response) => {
    response.json(document);
  });
  app.use('/docs', docsSecurityHeaders, readOnly, hiddenDocsFiles, swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'LLM Gateway' }));

  app.use(endpointRoutes(state));
  app.use(modelRoutes(state));
  app.use(invocationRoutes(state, logger));
  app.use(keptResponseRoutes(state));

  // Unlisted first: Express would match `/api/2.0/endpoints/limits/` to the spec's `/api/2.0/endpoints/{name}`.
  for (const { path, allow } of [...UNLISTED_PATHS, ...specPaths(document)]) app.all(path, methodNotAllowed(allow));
  app.use(notFound);
  app.use(errorHandler(logger));
  // The LLM routes are served past Express (fast-path.ts), unless every response is validated.
  // The preamble reads only what fast-path.ts provides on node's objects (`path`, `locals`).
  if (!options.validateResponses) installFastPath(app, { handlers: invocationHandlers(state, logger), preamble: preamble as unknown as NodeHandler[], logger });
  return app;
}
