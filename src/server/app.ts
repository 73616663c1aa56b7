/**
 * Builds the Express app without listening (tests mount it on port 0; main.ts listens).
 * Route handlers stay short: find the endpoint, call it, send JSON or SSE.
 */
import express, { type Express, type Request, type Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { GatewayError } from '../errors';
import { authenticate } from './auth';
import { jsonBody } from './body';
import { dialectOf, errorHandler, sendError } from './errors';
import { installFastPath, type NodeHandler } from './fast-path';
import { createLogger, type Logger } from './logging';
import { openapiDocument, requestValidator, responseValidator } from './openapi';
import { metricsHandler, recordRequestMetrics } from './metrics';
import { requestLog } from './request-log';
import { endpointRoutes } from './routes/endpoints';
import { invocationHandlers, invocationRoutes } from './routes/invocations';
import { modelRoutes } from './routes/models';
import type { GatewayState } from './state';

export interface AppOptions {
  logger?: Logger;
  /** Validate every response against the spec (contract tests). */
  validateResponses?: boolean;
}

/** The spec's paths in Express syntax (`{name}` → `:name`), for 405 answers on the wrong method. */
function specPaths(document: Record<string, unknown>): string[] {
  return Object.keys(document.paths as Record<string, unknown>).map((path) => path.replace(/\{(\w+)\}/g, ':$1'));
}

function notFound(request: Request, response: Response): void {
  const dialect = dialectOf(request);
  if (dialect === 'openai') sendError(response, GatewayError.notFound(`Unknown route: ${request.method} ${request.path}`), dialect);
  else response.status(404).json({ detail: 'Not Found' });
}

export function createApp(state: GatewayState, options: AppOptions = {}): Express {
  const logger = options.logger ?? createLogger();
  const document = openapiDocument();
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // Every request's middleware; the fast path (fast-path.ts) runs the same instances.
  const preamble = [requestLog({ logger, state, onDone: recordRequestMetrics }), authenticate(state), jsonBody(state)];
  app.use(preamble);
  // Request validation first: both instances share `req.openapi`, and the response validator
  // would otherwise mark the LLM paths (which the request validator skips) as matched.
  app.use(requestValidator());
  if (options.validateResponses) app.use(responseValidator());

  app.get('/health', (_request, response) => {
    response.json({ status: 'OK' });
  });
  app.get('/metrics', metricsHandler);
  app.get('/', (_request, response) => response.redirect(307, '/docs'));
  app.get('/openapi.json', (_request, response) => {
    response.json(document);
  });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'LLM Gateway' }));

  app.use(endpointRoutes(state));
  app.use(modelRoutes(state));
  app.use(invocationRoutes(state, logger));

  app.all(specPaths(document), (_request, response) => {
    response.status(405).json({ detail: 'Method Not Allowed' });
  });
  app.use(notFound);
  app.use(errorHandler(logger));
  // The LLM routes are served past Express (fast-path.ts), unless every response is validated.
  // The preamble reads only what fast-path.ts provides on node's objects (`path`, `locals`).
  if (!options.validateResponses) installFastPath(app, { handlers: invocationHandlers(state, logger), preamble: preamble as unknown as NodeHandler[], logger });
  return app;
}
