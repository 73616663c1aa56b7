/**
 * The LLM routes: MLflow's `/endpoints/{name}/invocations` and `/gateway/{name}/invocations`, and
 * the OpenAI-compatible `/v1/chat/completions`, `/v1/completions`, `/v1/embeddings`.
 */
import { Router, type Request, type Response } from 'express';
import type { CompiledEndpoint } from '../../config/compile';
import { GatewayError } from '../../errors';
import { resolveEndpoint, endpointTypeOf } from '../../routing/router';
import type { EndpointType } from '../../schema';
import { authorize } from '../auth';
import { toGatewayError } from '../errors';
import { invokeEndpoint, type Dialect } from '../invocation';
import { sendEventStream } from '../sse';
import type { GatewayState } from '../state';

/** Header naming the endpoint that served the request (differs from the name for traffic routes). */
export const ENDPOINT_HEADER = 'x-gateway-endpoint';

const OPENAI_ROUTES: { path: string; endpointType: EndpointType; noun: string }[] = [
  { path: '/v1/chat/completions', endpointType: 'llm/v1/chat', noun: 'a chat' },
  { path: '/v1/completions', endpointType: 'llm/v1/completions', noun: 'a completions' },
  { path: '/v1/embeddings', endpointType: 'llm/v1/embeddings', noun: 'an embeddings' },
];

/** An AbortSignal that fires when the client goes away before the response is complete. */
function clientSignal(response: Response): AbortSignal {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}

async function serve(request: Request, response: Response, endpoint: CompiledEndpoint, dialect: Dialect): Promise<void> {
  response.setHeader(ENDPOINT_HEADER, endpoint.name);
  const result = await invokeEndpoint({ endpoint, body: request.body, dialect, context: { signal: clientSignal(response) } });
  if (result.kind === 'json') {
    response.json(result.body);
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

export function invocationRoutes(state: GatewayState): Router {
  const router = Router();

  router.post(['/endpoints/:name/invocations', '/gateway/:name/invocations'], async (request, response) => {
    const name = String(request.params.name);
    authorize(response, name);
    const endpoint = resolveEndpoint(state.plan, name);
    await serve(request, response, endpoint, 'mlflow');
  });

  for (const route of OPENAI_ROUTES) {
    router.post(route.path, async (request, response) => {
      const plan = state.plan;
      const name = modelOf(request.body);
      authorize(response, name);
      const endpointType = endpointTypeOf(plan, name);
      if (endpointType === undefined) {
        throw GatewayError.notFound(`The model '${name}' does not exist: no gateway endpoint or route has that name.`, 'model');
      }
      if (endpointType !== route.endpointType) {
        throw GatewayError.invalidParam(`Endpoint '${name}' is not ${route.noun} endpoint.`, 'model');
      }
      await serve(request, response, resolveEndpoint(plan, name), 'openai');
    });
  }
  return router;
}
