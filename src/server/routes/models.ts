/**
 * `GET /v1/models` and `GET /v1/models/{model}`: OpenAI's model list, for the clients and tools
 * that ask which models a server has (chat UIs, SDK helpers). Each endpoint and traffic route is a
 * model whose `id` is the name to pass as `model`; with client keys, only what the key may call.
 * MLflow has neither route (404).
 */
import { Router } from 'express';
import { GatewayError } from '../../errors';
import type { ModelListView, ModelView } from '../../schema';
import { catalogOf } from '../auth';
import type { ResponseWithLocals } from '../request-log';
import type { GatewayState } from '../state';

/** The models the request's client may call. */
function visibleModels(state: GatewayState, response: ResponseWithLocals): readonly ModelView[] {
  return catalogOf(state, response).models;
}

export function modelRoutes(state: GatewayState): Router {
  const router = Router();
  router.get('/v1/models', (_request, response) => {
    const list: ModelListView = { object: 'list', data: [...visibleModels(state, response as ResponseWithLocals)] };
    response.json(list);
  });
  router.get('/v1/models/:model', (request, response) => {
    const id = String(request.params.model);
    const model = visibleModels(state, response as ResponseWithLocals).find((candidate) => candidate.id === id);
    // The same answer whether the model does not exist or the key may not call it, as OpenAI's.
    if (!model) throw GatewayError.notFound(`The model '${id}' does not exist, or this API key may not call it.`, 'model');
    response.json(model);
  });
  return router;
}
