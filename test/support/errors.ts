/** The GatewayError a call throws, for asserting on its status, param and message. */
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
