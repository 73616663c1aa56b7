/**
 * `GET` and `DELETE /v1/responses/{response_id}`, `GET …/input_items` and `POST …/cancel`: a response the
 * Responses API kept, read, dropped, its input listed or its cancel refused, for the client key that created
 * it (../responses-api/stored.ts). Not in MLflow.
 */
import { Router, type Response } from 'express';
import { untilAborted } from '../../providers/abort';
import { clientOf } from '../auth';
import { requestAbort } from '../in-flight';
import type { ResponseWithLocals } from '../request-record';
import { deleteKeptResponse, keptInputItemsOf, keptResponseOf, refuseCancel, type StoreAccess } from '../responses-api/stored';
import type { GatewayState } from '../state';

function accessOf(state: GatewayState, response: Response): StoreAccess {
  return { plan: state.plan.responseStore, space: clientOf(response as ResponseWithLocals)?.storeSpace ?? '' };
}

/**
 * The store's answer, the request in flight while it waits (in-flight.ts): under --workers the store is
 * the primary's, which may take up to 1 s, and a shutdown's drain ends the wait with its 503 at
 * server.shutdown_timeout, as it ends an LLM request's.
 */
function storeAnswer<Value>(response: Response, ask: () => Promise<Value>): Promise<Value> {
  const abort = requestAbort(response as ResponseWithLocals);
  return untilAborted(abort, ask());
}

export function keptResponseRoutes(state: GatewayState): Router {
  const router = Router();
  router.get('/v1/responses/:id', async (request, response) => {
    response.json(await storeAnswer(response, () => keptResponseOf(String(request.params.id), request.query, accessOf(state, response))));
  });
  router.get('/v1/responses/:id/input_items', async (request, response) => {
    response.json(await storeAnswer(response, () => keptInputItemsOf(String(request.params.id), request.query, accessOf(state, response))));
  });
  router.delete('/v1/responses/:id', async (request, response) => {
    response.json(await storeAnswer(response, () => deleteKeptResponse(String(request.params.id), accessOf(state, response))));
  });
  // Always an error: the gateway runs no background response, the only kind OpenAI cancels.
  router.post('/v1/responses/:id/cancel', async (request, response) => {
    await storeAnswer(response, () => refuseCancel(String(request.params.id), accessOf(state, response)));
  });
  return router;
}
