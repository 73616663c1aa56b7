/**
 * The request parameter defaults an endpoint may set under `model.config` (beside its provider
 * settings): compile.ts adds them to every chat and completions request that does not set them.
 * A built-in provider checks them when its endpoint is built, with the same functions that check a
 * request, so a default that every request would be refused for (`reasoning_effort` on completions,
 * a level the model does not take, `stop` on Cohere chat) is a config problem at load rather than a
 * 400 on every call. OpenAI (and Azure) and MLflow model serving refuse no parameter: they check none.
 */
import { GatewayError } from '../../errors';
import type { EndpointType } from '../../schema';
import { withoutNoOpValues } from './parameters';

export const PARAMETER_DEFAULT_KEYS = ['temperature', 'top_p', 'top_k', 'max_tokens', 'n', 'stop', 'presence_penalty', 'frequency_penalty', 'seed', 'reasoning_effort'] as const;

/** The parameter defaults a provider's config sets (possibly none). */
export function parameterDefaultsOf(config: unknown): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  if (typeof config !== 'object' || config === null) return defaults;
  for (const key of PARAMETER_DEFAULT_KEYS) {
    const value = (config as Record<string, unknown>)[key];
    if (value !== undefined) defaults[key] = value;
  }
  return defaults;
}

/**
 * Whether an error thrown while an endpoint was built is a request check's refusal of its parameter
 * defaults: a GatewayError naming the parameter, which the config check reports at
 * `model.config.<param>` with the message a request would get.
 */
export function isRefusedParameterDefault(error: unknown): error is GatewayError & { param: string } {
  return error instanceof GatewayError && error.param !== null && (PARAMETER_DEFAULT_KEYS as readonly string[]).includes(error.param);
}

/** A provider's request checks of one endpoint type: throw the GatewayError a request carrying `parameters` gets. */
type ParameterCheck = (parameters: Readonly<Record<string, unknown>>) => unknown;

/**
 * Runs the request checks of the endpoint's type on its parameter defaults, when it sets any, so
 * that `createEndpoint` refuses a default every request would be refused for. Values that change
 * nothing (`presence_penalty: 0`) are left out first, as they are from a request. The providers with
 * no thinking form to decide (TGI, Cohere, Mistral, Together AI, PaLM, MosaicML, AI21) pass their
 * request checks here; embeddings endpoints never apply defaults.
 */
export function checkParameterDefaults(
  settings: { endpointType: EndpointType; config: unknown },
  checks: Partial<Record<Exclude<EndpointType, 'llm/v1/embeddings'>, ParameterCheck>>,
): void {
  if (settings.endpointType === 'llm/v1/embeddings') return;
  const check = checks[settings.endpointType];
  const defaults = parameterDefaultsOf(settings.config);
  if (check !== undefined && Object.keys(defaults).length > 0) check(withoutNoOpValues(defaults));
}
