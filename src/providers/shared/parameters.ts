/**
 * Parameter checks and scaling shared by providers (reference §5.4 and §6.13). Each throws a
 * GatewayError naming the parameter, the provider and the rule; nothing is clamped or dropped
 * silently.
 */
import { GatewayError } from '../../errors';

/** 400 when the request carries any of `names`, which the provider cannot honour. */
export function rejectUnsupportedParameters(request: Readonly<Record<string, unknown>>, names: readonly string[], provider: string): void {
  for (const name of names) {
    if (request[name] !== undefined) {
      throw GatewayError.invalidParam(`The parameter '${name}' is not supported by ${provider}.`, name);
    }
  }
}

/**
 * Rejects a provider's own spelling of a unified parameter (e.g. Anthropic `max_tokens_to_sample`),
 * with the reference's message. The status is 422 as in the reference unless given.
 */
export function rejectNativeNames(request: Readonly<Record<string, unknown>>, nativeToUnified: Readonly<Record<string, string>>, status = 422): void {
  for (const [native, unified] of Object.entries(nativeToUnified)) {
    if (request[native] !== undefined) {
      throw GatewayError.invalidParam(`Invalid parameter ${native}. Use ${unified} instead.`, native, status);
    }
  }
}

/** 400 when `n` asks for more than one choice from a provider that gives one. */
export function requireSingleChoice(request: Readonly<Record<string, unknown>>, provider: string): void {
  if (request.n !== undefined && request.n !== 1) {
    throw GatewayError.invalidParam(`The parameter 'n' must be 1 for ${provider}: it returns one choice per request.`, 'n');
  }
}

/**
 * Maps the unified temperature range [0, 2] onto a provider's range by a factor (§6.13), e.g. 0.5
 * for Anthropic's [0, 1]. Undefined stays undefined: we never invent a temperature.
 */
export function scaleTemperature(temperature: unknown, factor: number): number | undefined {
  return typeof temperature === 'number' ? temperature * factor : undefined;
}
