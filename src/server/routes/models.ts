/**
 * `GET /v1/models` and `GET /v1/models/{model}`: OpenAI's model list, for the clients and tools
 * that ask which models a server has (chat UIs, SDK helpers). Each endpoint and traffic route is a
 * model whose `id` is the name to pass as `model`; with client keys, only what the key may call, and
 * any other name is the 403 a call to it gets. MLflow has neither route (404).
 */
import { Router } from 'express';
import { GatewayError } from '../../errors';
import type { ModelListView, ModelView } from '../../schema';
import { authorize, catalogOf } from '../auth';
import type { ResponseWithLocals } from '../request-record';
import type { GatewayState } from '../state';
import { quoted } from '../../config/quoted';

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
    // A name outside the key's share gets the 403 of a call to it, whether it exists or not.
    authorize(response as ResponseWithLocals, id);
    const model = visibleModels(state, response as ResponseWithLocals).find((candidate) => candidate.id === id);
    if (!model) throw GatewayError.notFound(`The model ${quoted(id)} does not exist: no gateway endpoint or route has that name.`, 'model');
    response.json(model);
  });
  return router;
}
