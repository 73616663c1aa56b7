/**
 * The request path shared by the MLflow routes and the OpenAI-compatible routes: validate the body
 * for the endpoint's type, normalise it, and call the provider (or its stream).
 */
import type { CompiledEndpoint } from '../config/compile';
import { GatewayError } from '../errors';
import type { ProviderEndpoint, RequestContext } from '../providers/types';
import type { EndpointType } from '../schema';
import { validateRequestBody } from './validation';

/** Which route family a request came in on: decides error statuses and the `model` rule. */
export type Dialect = 'mlflow' | 'openai';

export type InvocationResult = { kind: 'json'; body: unknown } | { kind: 'stream'; chunks: AsyncIterable<unknown> };

const OPERATION_NAMES: Record<EndpointType, string> = {
  'llm/v1/chat': 'chat',
  'llm/v1/completions': 'completions',
  'llm/v1/embeddings': 'embeddings',
};

function containsNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    if (containsNull(item)) return true;
  }
  return false;
}

function copyWithoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null) result[key] = copyWithoutNulls(item);
  }
  return result;
}

/**
 * Drops null-valued keys at every depth (MLflow does the same): null means "not given". Bodies
 * without a null (the usual case) are returned as they are, not copied.
 */
export function withoutNulls(value: unknown): unknown {
  return containsNull(value) ? copyWithoutNulls(value) : value;
}

function validated(endpoint: CompiledEndpoint, body: unknown, dialect: Dialect): Record<string, unknown> {
  const request = withoutNulls(body);
  const failure = validateRequestBody(endpoint.endpointType, request);
  if (failure) throw GatewayError.invalidBody(failure.message, failure.param, failure.issues, dialect === 'openai' ? 400 : 422);
  return request as Record<string, unknown>;
}

/** Removes `model` (OpenAI routes use it to pick the endpoint; MLflow routes refuse it). */
function withoutModel(request: Record<string, unknown>, dialect: Dialect): Record<string, unknown> {
  if (!('model' in request)) return request;
  if (dialect === 'mlflow') {
    throw GatewayError.invalidParam(
      "The parameter 'model' is not permitted to be passed. The route being queried already defines a model instance.",
      'model',
      422,
    );
  }
  const { model: _ignored, ...rest } = request;
  return rest;
}

function withDefaults(request: Record<string, unknown>, defaults: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let result = request;
  for (const key in defaults) {
    if (result[key] === undefined) {
      if (result === request) result = { ...request };
      result[key] = defaults[key];
    }
  }
  return result;
}

function notImplemented(endpoint: CompiledEndpoint, stream: boolean): GatewayError {
  const operation = OPERATION_NAMES[endpoint.endpointType];
  const what = stream ? `${operation} streaming` : operation;
  return GatewayError.unsupported(`The ${what} route is not implemented for ${endpoint.providerDisplayName} models.`);
}

function call(target: ProviderEndpoint, endpointType: EndpointType, request: Record<string, unknown>, stream: boolean, context: RequestContext) {
  switch (endpointType) {
    case 'llm/v1/chat':
      return stream ? target.chatStream?.(request as never, context) : target.chat?.(request as never, context);
    case 'llm/v1/completions':
      return stream ? target.completionsStream?.(request as never, context) : target.completions?.(request as never, context);
    case 'llm/v1/embeddings':
      return target.embeddings?.(request as never, context);
    default: {
      const unreachable: never = endpointType;
      return unreachable;
    }
  }
}

/** Validates, normalises and invokes; a rejected promise carries a GatewayError. */
export async function invokeEndpoint(options: { endpoint: CompiledEndpoint; body: unknown; dialect: Dialect; context: RequestContext }): Promise<InvocationResult> {
  const { endpoint, dialect, context } = options;
  const request = withDefaults(withoutModel(validated(endpoint, options.body, dialect), dialect), endpoint.defaults);
  // `stream` selects streaming for chat and completions; for embeddings it is just forwarded.
  const stream = endpoint.endpointType !== 'llm/v1/embeddings' && request.stream === true;
  const pending = call(endpoint.target, endpoint.endpointType, request, stream, context);
  if (pending === undefined) throw notImplemented(endpoint, stream);
  if (stream) return { kind: 'stream', chunks: pending as AsyncIterable<unknown> };
  return { kind: 'json', body: await pending };
}
