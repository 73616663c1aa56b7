/** The GatewayError a call throws, for asserting on its status, param and message; an openai client call's error. */
import OpenAI from 'openai';
import { GatewayError } from '../../src/errors';

/** Runs `action` and returns the GatewayError it throws (fails the test when it throws none). */
export function gatewayErrorOf(action: () => unknown): GatewayError {
  try {
    action();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

/** Awaits `action` and returns the GatewayError it throws or rejects with (fails the test otherwise). */
export async function gatewayRejectionOf(action: () => unknown): Promise<GatewayError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

/** The status and error object of the APIError an openai client call rejects with (fails the test otherwise). */
export async function openaiErrorOf(call: Promise<unknown>): Promise<{ status: number | undefined; error: unknown }> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof OpenAI.APIError)) throw new Error(`expected an APIError, got ${String(error)}`);
  return { status: error.status, error: error.error };
}

/** The status of `call`'s failure (the openai client's APIError), or 200. */
export async function openaiStatusOf(call: Promise<unknown>): Promise<number> {
  return call.then(
    () => 200,
    (error: unknown) => {
      if (error instanceof OpenAI.APIError) return error.status ?? 0;
      throw error;
    },
  );
}

/** What `GET`, `DELETE` and `input_items` of `/v1/responses/{id}` answer for an id the caller cannot read. */
export function keptResponseNotFound(id: string): { status: number; error: unknown } {
  return {
    status: 404,
    error: {
      message: `response_id: Response with id '${id}' not found. The gateway keeps a response not created with store: false for response_store.max_age, for the client key that created it, on the gateway host that answered it.`,
      type: 'not_found_error',
      param: 'response_id',
      code: 'not_found',
    },
  };
}
