/**
 * The LLM routes on plain node:http, ahead of Express. A POST to exactly
 * `/endpoints/{name}/invocations`, `/gateway/{name}/invocations` or a `/v1` route is parsed by the
 * app's own JSON parser (body-parser works on node's request) and answered by the same handlers
 * as the Express routes (`invocationHandlers`), with errors written by the same `answerError`.
 * Everything else, including spellings Express also routes there (a trailing slash, other letter
 * case, a query string, a percent-encoded name), goes to the Express app unchanged.
 *
 * Why: Express gives every request and response new prototypes (`Object.setPrototypeOf`), which
 * alone cost about 60 µs of CPU per request on the benchmark machine, more than the rest of the
 * gateway's own work; `npm run bench` shows the difference (README "Performance").
 * Express middleware does not run for these routes, so the app hands its `preamble` (request log
 * and metrics, authentication, the JSON body parser with its limits) to run here too, in the same
 * order and with the same instances.
 */
import type { Express } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerError, toGatewayError } from './errors';
import type { Logger } from './logging';
import type { Dialect } from './request-preparation';
import { recordError, type ResponseWithLocals } from './request-record';
import { MLFLOW_ROUTES, type InvocationHandlers, type JsonRequest } from './routes/invocations';

export type NodeHandler = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

interface FastRoute {
  dialect: Dialect;
  call(request: JsonRequest, response: ResponseWithLocals): Promise<void>;
}

const MLFLOW_PATH = /^\/(?:endpoints|gateway)\/([^/?%]+)\/invocations$/;

/** The route for a URL the fast path serves, or undefined to leave it to Express. */
function routeFor(url: string, handlers: InvocationHandlers): FastRoute | undefined {
  if (url.startsWith('/v1/')) {
    const route = handlers.openaiRouteAt(url);
    return route && { dialect: 'openai', call: (request, response) => handlers.openai(route, request, response) };
  }
  const name = MLFLOW_PATH.exec(url)?.[1];
  const route = url.startsWith('/gateway/') ? MLFLOW_ROUTES[1] : MLFLOW_ROUTES[0];
  return name === undefined ? undefined : { dialect: 'mlflow', call: (request, response) => handlers.mlflow(name, route, request, response) };
}

/** Runs node-style middleware one after another; `done` gets the first error, or none. */
function runInOrder(handlers: readonly NodeHandler[], request: IncomingMessage, response: ServerResponse, done: (error?: unknown) => void): void {
  let index = 0;
  const next = (error?: unknown) => {
    const handler = handlers[index];
    index += 1;
    if (error !== undefined || handler === undefined) done(error);
    else handler(request, response, next);
  };
  next();
}

/**
 * Wraps the Express app's request handling: the LLM routes are served here, the rest by `express`.
 * `preamble` is the app's own middleware for every request (the JSON parser among it), so logs,
 * keys, limits and parse errors are the same on both paths.
 */
export function withFastPath(options: { express: NodeHandler; handlers: InvocationHandlers; preamble: readonly NodeHandler[]; logger: Logger }): NodeHandler {
  const { express, handlers, preamble, logger } = options;

  function serveFast(route: FastRoute, request: JsonRequest, response: ResponseWithLocals): void {
    const fail = (error: unknown) => {
      // Gone client: nobody to answer. Headers sent: the answer cannot change; end it as Express does
      // (noting why, so that the cut is not taken for a client that left: see request-log.ts).
      if (response.destroyed) return;
      if (response.headersSent) {
        recordError(response, toGatewayError(error, route.dialect));
        response.destroy();
      } else answerError({ error, response, dialect: route.dialect, path: request.url ?? '', logger });
    };
    runInOrder(preamble, request, response, (error) => {
      if (error !== undefined) fail(error);
      else route.call(request, response).catch(fail);
    });
  }

  return (request, response, next) => {
    const route = request.method === 'POST' ? routeFor(request.url ?? '', handlers) : undefined;
    if (route === undefined) {
      express(request, response, next);
      return;
    }
    // What the shared middleware reads from Express's objects: the path (the fast path's URLs have
    // no query string) and per-request `locals`.
    Object.assign(request, { path: request.url });
    serveFast(route, request, Object.assign(response, { locals: {} }));
  };
}

/**
 * Puts the fast path in front of the app: `app(request, response)`, which node's server calls (and
 * `app.listen` sets up), goes through `app.handle`, so cli.ts and the tests need no change.
 */
export function installFastPath(app: Express, options: { handlers: InvocationHandlers; preamble: readonly NodeHandler[]; logger: Logger }): void {
  const handled = app as unknown as { handle: NodeHandler };
  handled.handle = withFastPath({ ...options, express: handled.handle.bind(app) });
}
