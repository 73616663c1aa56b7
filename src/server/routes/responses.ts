/**
 * `GET` and `DELETE /v1/responses/{response_id}`, `GET …/input_items` and `POST …/cancel`: a response the
 * Responses API kept, read, dropped, its input listed or its cancel refused, for the client key that created
 * it (../responses-api/stored.ts). Not in MLflow.
 */
import { Router, type Response } from 'express';
import { clientOf } from '../auth';
import type { ResponseWithLocals } from '../request-record';
import { deleteKeptResponse, keptInputItemsOf, keptResponseOf, refuseCancel, type StoreAccess } from '../responses-api/stored';
import type { GatewayState } from '../state';

function accessOf(state: GatewayState, response: Response): StoreAccess {
  return { plan: state.plan.responseStore, space: clientOf(response as ResponseWithLocals)?.storeSpace ?? '' };
}

export function keptResponseRoutes(state: GatewayState): Router {
  const router = Router();
  router.get('/v1/responses/:id', async (request, response) => {
    response.json(await keptResponseOf(String(request.params.id), request.query, accessOf(state, response)));
  });
  router.get('/v1/responses/:id/input_items', async (request, response) => {
    response.json(await keptInputItemsOf(String(request.params.id), request.query, accessOf(state, response)));
  });
  router.delete('/v1/responses/:id', async (request, response) => {
    response.json(await deleteKeptResponse(String(request.params.id), accessOf(state, response)));
  });
  // Always an error: the gateway runs no background response, the only kind OpenAI cancels.
  router.post('/v1/responses/:id/cancel', async (request, response) => {
    await refuseCancel(String(request.params.id), accessOf(state, response));
  });
  return router;
}
