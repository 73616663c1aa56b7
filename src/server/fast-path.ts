/**
 * The LLM routes without walking the whole Express stack. Mounted first, this middleware takes a
 * POST to exactly `/endpoints/{name}/invocations`, `/gateway/{name}/invocations` or a `/v1` route,
 * parses its body with the same JSON parser the app uses and calls the same handlers as the router
 * (`invocationHandlers`); errors go to the app's error handler through `next`. Everything else,
 * including spellings Express also accepts (a trailing slash, other letter case, a query string,
 * a percent-encoded name), goes on through the full stack unchanged.
 *
 * Why: per request, the full stack ran the OpenAPI request validator's middlewares (which skip
 * these paths), the docs and management routers, and two routers' path matching before the handler;
 * `npm run bench` shows what skipping them buys (README "Performance").
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { InvocationHandlers } from './routes/invocations';

type Call = (request: Request, response: Response) => Promise<void>;

const MLFLOW_PATH = /^\/(?:endpoints|gateway)\/([^/?%]+)\/invocations$/;

/** The handler call for a URL the fast path serves, or undefined to leave it to the router. */
function callFor(url: string, handlers: InvocationHandlers): Call | undefined {
  if (url.startsWith('/v1/')) {
    const route = handlers.openaiRouteAt(url);
    return route && ((request, response) => handlers.openai(route, request, response));
  }
  const name = MLFLOW_PATH.exec(url)?.[1];
  return name === undefined ? undefined : (request, response) => handlers.mlflow(name, request, response);
}

export function fastInvocationPath(options: { handlers: InvocationHandlers; parseJson: RequestHandler }): RequestHandler {
  const { handlers, parseJson } = options;
  return (request: Request, response: Response, next: NextFunction) => {
    const call = request.method === 'POST' ? callFor(request.url, handlers) : undefined;
    if (call === undefined) {
      next();
      return;
    }
    void parseJson(request, response, (error?: unknown) => {
      if (error) next(error);
      else call(request, response).catch(next);
    });
  };
}
