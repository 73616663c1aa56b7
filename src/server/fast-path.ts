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
 * Middleware added to the Express app does not run for these routes: what must apply to them
 * (authentication, metrics, audit logs) belongs in `serveFast` below as well.
 */
import type { Express } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerError } from './errors';
import type { Dialect } from './invocation';
import type { Logger } from './logging';
import type { InvocationHandlers, JsonRequest } from './routes/invocations';

type NodeHandler = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

interface FastRoute {
  dialect: Dialect;
  call(request: JsonRequest, response: ServerResponse): Promise<void>;
}

const MLFLOW_PATH = /^\/(?:endpoints|gateway)\/([^/?%]+)\/invocations$/;

/** The route for a URL the fast path serves, or undefined to leave it to Express. */
function routeFor(url: string, handlers: InvocationHandlers): FastRoute | undefined {
  if (url.startsWith('/v1/')) {
    const route = handlers.openaiRouteAt(url);
    return route && { dialect: 'openai', call: (request, response) => handlers.openai(route, request, response) };
  }
  const name = MLFLOW_PATH.exec(url)?.[1];
  return name === undefined ? undefined : { dialect: 'mlflow', call: (request, response) => handlers.mlflow(name, request, response) };
}

/**
 * Wraps the Express app's request handling: the LLM routes are served here, the rest by `express`.
 * `parseJson` is the app's JSON body parser, so limits and parse errors are the same on both paths.
 */
export function withFastPath(options: { express: NodeHandler; handlers: InvocationHandlers; parseJson: NodeHandler; logger: Logger }): NodeHandler {
  const { express, handlers, parseJson, logger } = options;

  function serveFast(route: FastRoute, request: JsonRequest, response: ServerResponse): void {
    const fail = (error: unknown) => {
      // Gone client: nobody to answer. Headers sent: the answer cannot change; end it as Express does.
      if (response.destroyed) return;
      if (response.headersSent) response.destroy();
      else answerError({ error, response, dialect: route.dialect, path: request.url ?? '', logger });
    };
    parseJson(request, response, (error) => {
      if (error) fail(error);
      else route.call(request, response).catch(fail);
    });
  }

  return (request, response, next) => {
    const route = request.method === 'POST' ? routeFor(request.url ?? '', handlers) : undefined;
    if (route === undefined) express(request, response, next);
    else serveFast(route, request, response);
  };
}

/**
 * Puts the fast path in front of the app: `app(request, response)`, which node's server calls (and
 * `app.listen` sets up), goes through `app.handle`, so main.ts and the tests need no change.
 */
export function installFastPath(app: Express, options: { handlers: InvocationHandlers; parseJson: NodeHandler; logger: Logger }): void {
  const handled = app as unknown as { handle: NodeHandler };
  handled.handle = withFastPath({ ...options, express: handled.handle.bind(app) });
}
