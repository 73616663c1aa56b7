/**
 * The LLM routes: MLflow's `/endpoints/{name}/invocations` and `/gateway/{name}/invocations`, and
 * the OpenAI-compatible `/v1/chat/completions`, `/v1/completions`, `/v1/embeddings`.
 */
import { Router } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteTarget } from '../../config/compile';
import { GatewayError } from '../../errors';
import { withFallback } from '../../routing/fallback';
import { attemptOrder, endpointTypeOf, resolveTarget } from '../../routing/router';
import type { EndpointType } from '../../schema';
import { toGatewayError } from '../errors';
import { invokeEndpoint, prepareRequest, type Dialect } from '../invocation';
import { sendJson } from '../json-response';
import type { Logger } from '../logging';
import { sendEventStream } from '../sse';
import type { GatewayState } from '../state';

/**
 * Header naming the endpoint that answered (for routes: the destination that did; on a failure,
 * the last one tried).
 */
export const ENDPOINT_HEADER = 'x-gateway-endpoint';

const OPENAI_ROUTES: readonly { path: string; endpointType: EndpointType; noun: string }[] = [
  { path: '/v1/chat/completions', endpointType: 'llm/v1/chat', noun: 'a chat' },
  { path: '/v1/completions', endpointType: 'llm/v1/completions', noun: 'a completions' },
  { path: '/v1/embeddings', endpointType: 'llm/v1/embeddings', noun: 'an embeddings' },
];

/** A request whose JSON body has been parsed (by Express's JSON parser, also on the fast path). */
export type JsonRequest = IncomingMessage & { body?: unknown };

/** An AbortSignal that fires when the client goes away before the response is complete. */
function clientSignal(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Validates once, then tries the target's endpoints in order (one, unless a fallback route). */
async function serve(options: { request: JsonRequest; response: ServerResponse; target: RouteTarget; dialect: Dialect; logger: Logger }): Promise<void> {
  const { request, response, target, dialect, logger } = options;
  const endpointType = target.kind === 'endpoint' ? target.endpointType : target.taskType;
  const prepared = prepareRequest({ endpointType, body: request.body, dialect });
  const context = { signal: clientSignal(response) };
  const { value: result } = await withFallback({
    candidates: attemptOrder(target),
    attempt: (endpoint) => {
      response.setHeader(ENDPOINT_HEADER, endpoint.name);
      return invokeEndpoint({ endpoint, request: prepared, context });
    },
    onFallback: (endpoint, error) => {
      const { status, message } = toGatewayError(error, dialect);
      logger.warn({ route: target.name, endpoint: endpoint.name, status, message }, 'endpoint failed; falling back to the next destination');
    },
  });
  if (result.kind === 'json') {
    sendJson(response, 200, result.body);
    return;
  }
  await sendEventStream({ response, chunks: result.chunks, toError: (error) => toGatewayError(error, dialect) });
}

/** `model` on the OpenAI routes names the endpoint (or traffic route). */
function modelOf(body: unknown): string {
  const model = (body as { model?: unknown } | undefined)?.model;
  if (typeof model !== 'string' || model === '') {
    throw GatewayError.invalidParam('model: is required and must be the name of a gateway endpoint', 'model');
  }
  return model;
}

/** One of the OpenAI-compatible routes. */
export type OpenAIRoute = (typeof OPENAI_ROUTES)[number];

/**
 * The route handlers, shared by the router below and the fast path (src/server/fast-path.ts): they
 * use node:http's request and response only, which both give them.
 */
export interface InvocationHandlers {
  /** `/endpoints/{name}/invocations` and `/gateway/{name}/invocations`. */
  mlflow(name: string, request: JsonRequest, response: ServerResponse): Promise<void>;
  /** The `/v1` routes, where the body's `model` names the endpoint. */
  openai(route: OpenAIRoute, request: JsonRequest, response: ServerResponse): Promise<void>;
  /** The OpenAI-compatible route at exactly this path, if any. */
  openaiRouteAt(path: string): OpenAIRoute | undefined;
}

export function invocationHandlers(state: GatewayState, logger: Logger): InvocationHandlers {
  const routesByPath = new Map(OPENAI_ROUTES.map((route) => [route.path, route]));
  return {
    mlflow: async (name, request, response) => {
      const target = resolveTarget(state.plan, name);
      await serve({ request, response, target, dialect: 'mlflow', logger });
    },
    openai: async (route, request, response) => {
      const plan = state.plan;
      const name = modelOf(request.body);
      const endpointType = endpointTypeOf(plan, name);
      if (endpointType === undefined) {
        throw GatewayError.notFound(`The model '${name}' does not exist: no gateway endpoint or route has that name.`, 'model');
      }
      if (endpointType !== route.endpointType) {
        throw GatewayError.invalidParam(`Endpoint '${name}' is not ${route.noun} endpoint.`, 'model');
      }
      await serve({ request, response, target: resolveTarget(plan, name), dialect: 'openai', logger });
    },
    openaiRouteAt: (path) => routesByPath.get(path),
  };
}

export function invocationRoutes(state: GatewayState, logger: Logger): Router {
  const router = Router();
  const handlers = invocationHandlers(state, logger);
  router.post(['/endpoints/:name/invocations', '/gateway/:name/invocations'], (request, response) => handlers.mlflow(String(request.params.name), request, response));
  for (const route of OPENAI_ROUTES) router.post(route.path, (request, response) => handlers.openai(route, request, response));
  return router;
}
