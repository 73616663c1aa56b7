/**
 * What one endpoint is sent beyond the client's request: the endpoint's defaults (unless the client
 * chose the same setting by another name) and, on a stream, the usage the gateway needs asked for.
 */
import type { CompiledEndpoint } from '../config/compile';
import { GatewayError } from '../errors';
import { isRecord } from '../providers/shared/json';
import type { ReasoningEffortField } from '../providers/types';

/** Whether the request carries the client field `field` (a ReasoningEffortField). */
function carries(request: Readonly<Record<string, unknown>>, field: ReasoningEffortField): boolean {
  return field === 'thinking' ? request.thinking !== undefined : isRecord(request.output_config) && request.output_config.effort !== undefined;
}

/**
 * Whether the client already chose what a default's key sets, by another name: `max_completion_tokens`
 * is OpenAI's current name for `max_tokens`; the endpoint's `reasoningEffortFields` are what
 * `reasoning_effort` is sent as on its model (Claude's own `thinking` on every Claude, its
 * `output_config.effort` only on adaptive ones: on a budget model that effort is another control,
 * sent beside the default budget). The default then stays out: sending both is refused by the
 * providers (a 400 naming a `reasoning_effort` the client never sent).
 */
function choseSameSetting(request: Readonly<Record<string, unknown>>, key: string, endpoint: CompiledEndpoint): boolean {
  switch (key) {
    case 'max_tokens':
      return request.max_completion_tokens !== undefined;
    case 'reasoning_effort':
      return endpoint.reasoningEffortFields.some((field) => carries(request, field));
    default:
      return false;
  }
}

/** The request with the endpoint's defaults (on a stream, its stream defaults) for each setting the client did not choose by any name. */
export function withDefaults(request: Record<string, unknown>, endpoint: CompiledEndpoint, stream: boolean): Record<string, unknown> {
  const defaults = stream ? endpoint.streamDefaults : endpoint.defaults;
  let result = request;
  for (const key in defaults) {
    if (result[key] === undefined && !choseSameSetting(request, key, endpoint)) {
      if (result === request) result = { ...request };
      result[key] = defaults[key];
    }
  }
  return result;
}

/** Whether a stream request asks for the usage chunk at the stream's end (`stream_options.include_usage`). */
export function asksForUsage(request: Record<string, unknown>): boolean {
  return isRecord(request.stream_options) && request.stream_options.include_usage === true;
}

/**
 * A stream request with `stream_options.include_usage` set when the client did not set it and the
 * gateway needs the stream's usage, else null. A token limit needs it when the endpoint's API
 * reports a stream's usage only when asked (OpenAI's): without it, such a stream counted no tokens,
 * and any client could spend past the limit. A route that presents the usage itself
 * (`/v1/responses`' last event) needs it from any API not known to refuse the field (Azure OpenAI
 * before 2024-09-01 does), a plugin's aside (it sends usage unasked). The usage chunk the gateway
 * asked for is kept from a chat client, which did not ask for a chunk without choices
 * (`isUsageOnlyChunk` in providers/shared/role-only.ts).
 */
export function withUsageAsked(request: Record<string, unknown>, endpoint: CompiledEndpoint, needs: { limits: boolean; presented: boolean }): Record<string, unknown> | null {
  const whenAsked = endpoint.target.streamUsageWhenAsked;
  const needed = (needs.limits && whenAsked === true) || (needs.presented && whenAsked !== false);
  if (!needed || asksForUsage(request)) return null;
  const options = request.stream_options;
  return { ...request, stream_options: { ...(isRecord(options) ? options : {}), include_usage: true } };
}

/** Whether the upstream refused a request for naming `stream_options` (a 400 or 422 whose message says so). */
export function refusesStreamOptions(error: unknown): boolean {
  return error instanceof GatewayError && error.code === 'upstream_rejected' && /stream_options/.test(error.message);
}
