/**
 * A request's audit line, made of its finished record (request-record.ts): route, endpoint, provider,
 * model, client key name, status, latency, time to first chunk, retries, tokens, web searches and,
 * through a traffic route, the destinations tried. With `logging.bodies`, the request and response
 * bodies too, each bounded by `logging.max_body_size`: one line must stay something a log collector
 * takes. Never the credentials a body passes to a vendor (body-secrets.ts).
 */
import type { EstimatedTokens } from '../limits/stream-tokens';
import { withoutBodySecrets } from './body-secrets';
import { loggedMessage } from './logging';
import { LoggedChunks, type RequestRecord, type RouteCall } from './request-record';
import { addTokenCounts, addUsageDetails, type TokenUsage } from './token-usage';

/**
 * `name` and its body as the line holds them: the body itself when its JSON fits `maxChars`, else
 * the start of that JSON text and `<name>_omitted_chars`; a stream's first chunks and
 * `<name>_omitted_chunks` when some were left out.
 */
function loggedBody(name: string, body: unknown, maxChars: number): Record<string, unknown> {
  if (body instanceof LoggedChunks) return body.omitted === 0 ? { [name]: body.chunks } : { [name]: body.chunks, [`${name}_omitted_chunks`]: body.omitted };
  if (body === undefined) return { [name]: null };
  const text = JSON.stringify(body);
  return text.length <= maxChars ? { [name]: body } : { [name]: text.slice(0, maxChars), [`${name}_omitted_chars`]: text.length - maxChars };
}

/**
 * A stream's estimate on its line, when it reported no whole usage (none, or `prompt_tokens` alone):
 * the one a token limit counted, however the stream ended; without a limit, only for a stream cut
 * short (the client left, or it failed). The gateway then asks for no usage, so a stream that ended
 * normally without it is one whose client did not ask (OpenAI's), not a count that was lost.
 */
function lineEstimate(record: RequestRecord): EstimatedTokens | null {
  const tokens = record.streamTokens;
  if (tokens === null || (!record.streamTokensLimited && !record.aborted && record.error === null)) return null;
  return tokens.estimate();
}

/**
 * When the request reported no usage of its own: the counts its line shows if every one of them is
 * usage a provider reported (a failed call without a stream: an answer that failed the answer check,
 * the answered prompts of several called one by one), else null. The token metrics count them too,
 * as billed; never an estimate.
 */
export function reportedCountsOfFailure(record: RequestRecord): TokenUsage | null {
  const estimate = lineEstimate(record);
  if (estimate?.reported !== true) return null;
  return { prompt: estimate.prompt, completion: estimate.completion, total: estimate.total, details: null, webSearches: null };
}

/** A route's fields on the line: a failed attempt with its error's code, an answer with its status alone. */
function addRouteCall(line: Record<string, unknown>, routeCall: RouteCall): void {
  line.routing_strategy = routeCall.strategy;
  line.attempts = routeCall.attempts.map(({ endpoint, status, code }) => (code === null ? { endpoint, status } : { endpoint, status, code }));
}

/** The fields of a request's audit line (pino's level, time, pid and msg come around them). */
export function logLine(record: RequestRecord): Record<string, unknown> {
  const line: Record<string, unknown> = {
    request_id: record.id,
    method: record.method,
    path: record.path,
    route: record.route,
    endpoint: record.endpoint?.name ?? null,
    called: record.called === null ? null : loggedMessage(record.called),
    provider: record.endpoint?.provider ?? null,
    model: record.endpoint?.view.model.name ?? null,
    client: record.client,
    stream: record.stream,
    status: record.status,
    latency_ms: Math.round(record.latencyMs),
    first_chunk_ms: record.firstChunkMs === null ? null : Math.round(record.firstChunkMs),
    retries: record.retries,
  };
  if (record.trace) Object.assign(line, { trace_id: record.trace.traceId, parent_span_id: record.trace.parentId });
  // The id the provider gave its answer (OpenAI's `x-request-id`, Anthropic's `request-id`…), which its support asks for.
  const providerRequestId = record.providerCall?.providerRequestId ?? null;
  if (providerRequestId !== null) line.provider_request_id = providerRequestId;
  const estimate = lineEstimate(record);
  addTokenCounts(line, estimate === null ? record.usage : null, estimate);
  // The time the gen_ai_server_time_to_first_token_seconds metric observes (from the request's arrival, also after a fallback): a stream's line only.
  if (record.stream) line.first_token_ms = record.firstTokenMs === null ? null : Math.round(record.firstTokenMs);
  if (record.usage) addUsageDetails(line, record.usage);
  if (record.routeCall) addRouteCall(line, record.routeCall);
  if (record.error) line.error = { code: record.error.code, message: loggedMessage(record.error.message) };
  if (record.logBodies) {
    Object.assign(line, loggedBody('request_body', withoutBodySecrets(record.requestBody), record.maxBodyChars), loggedBody('response_body', record.responseBody, record.maxBodyChars));
  }
  return line;
}

/** The routes machines poll: Kubernetes probes `/health` every few seconds, Prometheus scrapes `/metrics`. */
const POLLED_ROUTES = new Set(['/health', '/metrics']);

/**
 * A probe or scrape that succeeded: its line would say nothing but that the gateway is up, every few
 * seconds per probe, so it is logged at debug only (it is still counted in the metrics). A failed
 * one (a 401 on `/metrics`, a probe cut short: 499) is logged like any request.
 */
export function isRoutinePoll(record: Pick<RequestRecord, 'route' | 'method' | 'status'>): boolean {
  return POLLED_ROUTES.has(record.route) && (record.method === 'GET' || record.method === 'HEAD') && record.status < 400;
}
