/**
 * A request's preparation, done once before any endpoint is tried: MLflow's tool call defaults, the
 * body validated for the endpoint type, the answers' citations left out, and the dialect's `model` rule.
 */
import { GatewayError } from '../errors';
import { isRecord } from '../providers/shared/json';
import type { EndpointType } from '../schema';
import { severalPromptsOf, withPromptText } from './several-prompts';
import { validateRequestBody } from './validation';
import { withoutNulls } from './without-nulls';

/** Which route family a request came in on: decides error statuses and the `model` rule. */
export type Dialect = 'mlflow' | 'openai';

function lacksToolCallDefaults(message: unknown): boolean {
  const calls = isRecord(message) ? message.tool_calls : undefined;
  return Array.isArray(calls) && calls.some((call) => isRecord(call) && (call.type === undefined || (isRecord(call.function) && call.function.arguments === undefined)));
}

function withToolCallDefault(call: unknown): unknown {
  if (!isRecord(call)) return call;
  const filled: Record<string, unknown> = { ...call, type: call.type ?? 'function' };
  if (isRecord(call.function) && call.function.arguments === undefined) filled.function = { ...call.function, arguments: '' };
  return filled;
}

/**
 * MLflow's defaults for the tool calls of a chat history: `type` "function" and, when not given
 * (or null), `arguments` "" (a call without parameters). A copy only when one is missing.
 */
function withToolCallDefaults(request: unknown): unknown {
  const messages = isRecord(request) ? request.messages : undefined;
  if (!Array.isArray(messages) || !messages.some(lacksToolCallDefaults)) return request;
  const filled = messages.map((message) => (lacksToolCallDefaults(message) ? { ...message, tool_calls: message.tool_calls.map(withToolCallDefault) } : message));
  return { ...(request as Record<string, unknown>), messages: filled };
}

const hasCitations = (message: unknown): boolean => isRecord(message) && message.annotations !== undefined;

/**
 * The chat history without the web search citations (`annotations`) of the answers a client sends
 * back whole: no provider takes citations back, OpenAI's own API, Azure OpenAI and Mistral refuse the
 * unknown field, and Anthropic any message field it has no block for. A copy only when one has them.
 */
function withoutCitations(request: Record<string, unknown>): Record<string, unknown> {
  const messages = request.messages;
  if (!Array.isArray(messages) || !messages.some(hasCitations)) return request;
  const sent = messages.map((message) => {
    if (!hasCitations(message)) return message;
    const { annotations: _citations, ...rest } = message as Record<string, unknown>;
    return rest;
  });
  return { ...request, messages: sent };
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

/**
 * Validates the body against the schema of the called name's endpoint type, leaves out the answers'
 * citations of a chat history and applies the dialect's `model` rule: done once per request, before
 * any endpoint is tried.
 */
export function prepareRequest(options: { endpointType: EndpointType; body: unknown; dialect: Dialect }): Record<string, unknown> {
  const { endpointType, body, dialect } = options;
  const withoutNullValues = withoutNulls(body);
  const request =
    endpointType === 'llm/v1/chat' ? withToolCallDefaults(withoutNullValues) : endpointType === 'llm/v1/completions' ? withPromptText(withoutNullValues, dialect) : withoutNullValues;
  // Several prompts (all strings) are checked as the first: the other fields are the same for each.
  const prompts = severalPromptsOf(endpointType, request);
  const failure = validateRequestBody(endpointType, prompts === null ? request : { ...(request as Record<string, unknown>), prompt: prompts[0] });
  if (failure) throw GatewayError.invalidBody(failure.message, failure.param, failure.issues, dialect === 'openai' ? 400 : 422);
  const checked = request as Record<string, unknown>;
  return withoutModel(endpointType === 'llm/v1/chat' ? withoutCitations(checked) : checked, dialect);
}
