/**
 * The LLM routes: MLflow's `/endpoints/{name}/invocations` and `/gateway/{name}/invocations`, and
 * the OpenAI-compatible `/v1/chat/completions`, `/v1/completions`, `/v1/embeddings`, and
 * `/v1/responses` (served on the chat path, translated by ../responses-api/).
 */
import { Router } from 'express';
import type { IncomingMessage } from 'node:http';
import type { CompiledEndpoint, RouteTarget } from '../../config/compile';
import type { ResponseStorePlan } from '../../config/response-store-settings';
import type { ServerPlan } from '../../config/server-settings';
import { GatewayError } from '../../errors';
import type { EndpointLimiter } from '../../limits/limiter';
import { untilAborted, type CallAbort, type CallSignal } from '../../providers/abort';
import type { StreamTokenCount } from '../../limits/stream-tokens';
import { noteProviderRequestId } from '../../providers/abort';
import { isRecord } from '../../providers/shared/json';
import { isUsageOnlyChunk } from '../../providers/shared/role-only';
import { isRefusal, sentNothing, withFallback } from '../../routing/fallback';
import { attemptOrder, endpointTypeOf, resolveTarget } from '../../routing/router';
import type { CompletionsChunk, EndpointType } from '../../schema';
import { authorize, clientOf } from '../auth';
import { logFailure, statusFor, toGatewayError } from '../errors';
import { requestAbort } from '../in-flight';
import { invokeEndpoint, withStringText, type InvocationResult } from '../invocation';
import { sendJson } from '../json-response';
import { responsesTranslation, type AnswerPresenter } from '../responses-api';
import { loggedMessage, type Logger } from '../logging';
import { countRateLimitRejection, countRouteFallback, countUpstreamRetry, recordFailedCall } from '../metrics';
import { prepareRequest, type Dialect } from '../request-preparation';
import { chunkObserver, recordCall, recordEndpoint, recordError, recordOf, recordResult, recordRouteCall, recordStreamTokens, requestIdOfResponse, startNextCall, type ResponseWithLocals, type RouteCall } from '../request-record';
import { sendEventStream } from '../sse';
import { startKeepAlive, type StreamKeepAlive } from '../stream-keep-alive';
import type { GatewayState } from '../state';
import { traceHeadersOf } from '../trace-context';
import { notAnObjectFailure } from '../validation';
import { quoted } from '../../config/quoted';

/**
 * Header naming the endpoint that answered (for routes: the destination that did; on a failure,
 * the one whose failure is the answer).
 */
const ENDPOINT_HEADER = 'x-gateway-endpoint';

/** OpenAI's Responses API: a chat endpoint's request and answer in another shape. */
const RESPONSES_PATH = '/v1/responses';

const OPENAI_ROUTES: readonly { path: string; endpointType: EndpointType; noun: string }[] = [
  { path: '/v1/chat/completions', endpointType: 'llm/v1/chat', noun: 'a chat' },
  { path: '/v1/completions', endpointType: 'llm/v1/completions', noun: 'a completions' },
  { path: '/v1/embeddings', endpointType: 'llm/v1/embeddings', noun: 'an embeddings' },
  { path: RESPONSES_PATH, endpointType: 'llm/v1/chat', noun: 'a chat' },
];

/** Route labels (logs, metrics) of the MLflow invocation routes, as in the spec. */
export const MLFLOW_ROUTES = ['/endpoints/{name}/invocations', '/gateway/{name}/invocations'] as const;

/** A request whose JSON body has been parsed (by Express's JSON parser, also on the fast path). */
export type JsonRequest = IncomingMessage & { body?: unknown };

interface ServeOptions {
  request: JsonRequest;
  /** The request as the endpoint's type takes it: the body, or its chat translation (`/v1/responses`). */
  body: unknown;
  /** Presents the answer when the route's own shape is not the endpoint type's (`/v1/responses`). */
  presenter?: AnswerPresenter;
  response: ResponseWithLocals;
  /** The request's abort (requestAbort): the client gone, or the drain's end. */
  client: CallAbort;
  target: RouteTarget;
  dialect: Dialect;
  route: string;
  /** `server:` settings: `forward_trace_context` (the client's trace context goes to the provider) and `stream_keepalive`. */
  server: ServerPlan;
  /** The config's `response_store`, where Claude's thinking is kept for chat clients that drop it. */
  responseStore: ResponseStorePlan;
  logger: Logger;
}

/** Validates once, then tries the target's endpoints in order (one, unless a fallback route). */
async function serve(options: ServeOptions): Promise<void> {
  const { response, target, dialect, logger, presenter } = options;
  // A TRAFFIC_SPLIT route draws its destination here: with one candidate, the endpoint that answers is known.
  const candidates = attemptOrder(target);
  // A stream waiting for its first chunk (its retries, fallbacks, a model that thinks) gets keep-alives too; a FALLBACK route's answering destination is not known then.
  const keepAlive = recordOf(response).stream ? startKeepAlive(response, { intervalMs: options.server.streamKeepAliveMs, dialect, unsettledHeaders: candidates.length > 1 ? [ENDPOINT_HEADER] : [] }) : null;
  try {
    let result: InvocationResult;
    try {
      result = await answerOf(options, candidates);
    } catch (error) {
      // Headers a keep-alive sent: the failure before the first chunk goes out as the stream's error event.
      if (keepAlive === null || !response.headersSent) throw error;
      result = failedStream(error, options.client);
    }
    if (result.kind === 'json') {
      recordResult(response, result.body);
      sendJson(response, 200, presenter ? presenter.json(result.body) : result.body);
      return;
    }
    const endpointType = target.kind === 'endpoint' ? target.endpointType : target.taskType;
    await sendStream({ response, result, presenter, dialect, toError: streamErrorOf(response, dialect, logger), keepAlive, endpointType });
  } finally {
    keepAlive?.stop();
  }
}

/** The answer of the first of `candidates` (the target's attempt order) that gives one (a route's fallback), a stream with its first chunk in hand. */
async function answerOf(options: ServeOptions, candidates: CompiledEndpoint[]): Promise<InvocationResult> {
  const { request, response, client, target, dialect, logger, presenter } = options;
  // Only a route's call lists its attempts (none when refused before any: a 422, a client key's 429); an endpoint's builds nothing.
  const attempts = target.kind === 'route' ? recordRouteCall(response, target.strategy) : null;
  const endpointType = target.kind === 'endpoint' ? target.endpointType : target.taskType;
  const prepared = prepareRequest({ endpointType, body: options.body, dialect });
  // Claude's thinking is kept in the response store, in the caller's space, for clients that drop it (`/v1/responses` ones too, which may drop its reasoning items).
  const keptThinking = endpointType === 'llm/v1/chat' ? { access: { plan: options.responseStore, space: clientOf(response)?.storeSpace ?? '' }, ...presenter?.keptThinking } : undefined;
  const keyLimiter = clientOf(response)?.limiter ?? null;
  const keyCounted = keyLimiter ? await untilAborted(client, admitClient(keyLimiter, response, target.name)) : false;
  const record = recordOf(response);
  record.providerCall = client;
  const trace = record.trace;
  const forwardedHeaders = options.server.forwardTraceContext && trace !== null ? traceHeadersOf(trace) : null;
  const useEndpoint = (endpoint: CompiledEndpoint) => {
    // Not after a keep-alive sent the headers (without it, on a route).
    if (!response.headersSent) response.setHeader(ENDPOINT_HEADER, endpoint.headerValue);
    recordEndpoint(response, { route: options.route, called: target.name, endpoint, requestBody: request.body });
  };
  // Whether a destination tried may have been sent something: the key's call is then not given back.
  let sentSomewhere = false;
  // The provider's id of each destination's failure: the line names the one whose failure is the answer.
  const failedAnswerIds = attempts === null ? null : new Map<unknown, string | null>();
  const routed = withFallback({
    candidates,
    attempt: async (endpoint) => {
      useEndpoint(endpoint);
      // A plugin notes no id: an earlier destination's must not pass for its answer's.
      noteProviderRequestId(client, null);
      const { streamTokens, streamTokensLimited, streamTokensEndpoint } = recordOf(response);
      const onStreamTokens = (stream: { tokens: StreamTokenCount; limited: boolean }) => recordStreamTokens(response, { ...stream, endpoint });
      const onRetry = () => {
        recordOf(response).retries += 1;
        countUpstreamRetry(endpoint);
      };
      try {
        const answer = await invokeEndpoint({ endpoint, request: prepared, client, forwardedHeaders, onRetry, clientLimiter: keyLimiter, onStreamTokens, presentsUsage: presenter !== undefined, keptThinking });
        attempts?.push({ endpoint: endpoint.name, status: 200, code: null });
        return answer;
      } catch (error) {
        countIfRateLimited(error, endpoint.name, response);
        failedAnswerIds?.set(error, client.providerRequestId);
        if (!sentNothing(error)) sentSomewhere = true;
        // An attempt its provider never had (a refusal, a 501 such as Cohere tools without a v2 URL) counts nothing: the line keeps an earlier one's stream tokens (sent, maybe billed).
        if (streamTokens !== null && recordOf(response).streamTokens?.total() == null) recordStreamTokens(response, { tokens: streamTokens, limited: streamTokensLimited, endpoint: streamTokensEndpoint! });
        if (attempts) {
          const failure = toGatewayError(error, dialect);
          attempts.push({ endpoint: endpoint.name, status: statusFor(failure, dialect), code: failure.code });
        }
        throw error;
      }
    },
    onFallback: (endpoint, error, next) => {
      recordPassedCall(response, attempts!, endpoint);
      const { status, message, code } = toGatewayError(error, dialect);
      countRouteFallback({ route: target.name, from: endpoint, to: next });
      const fields = { request_id: requestIdOfResponse(response), route: target.name, endpoint: endpoint.name, status, message: loggedMessage(message) };
      // A refusal is no failure of the endpoint (nothing was sent): noted, not warned of.
      if (isRefusal(error)) logger.info({ ...fields, code }, 'endpoint cannot take the request; falling back to the next destination');
      else logger.warn(fields, 'endpoint failed; falling back to the next destination');
    },
    // The header, the log and the metrics name the endpoint whose failure is the answer.
    onGiveUp: (endpoint, error) => {
      const record = recordOf(response);
      if (failedAnswerIds !== null) noteProviderRequestId(client, failedAnswerIds.get(error) ?? null);
      // An earlier destination's failure is the answer: onFallback counted it when the route moved past it, and the last one tried is counted here.
      if (record.endpoint !== endpoint) {
        recordPassedCall(response, attempts!, record.endpoint!);
        record.errorCounted = true;
      }
      useEndpoint(endpoint);
    },
  });
  const { value: result } = await (keyCounted ? givingBackUnsent(routed, keyLimiter!, () => sentSomewhere) : routed);
  return result;
}

type StreamResult = Extract<InvocationResult, { kind: 'stream' }>;

/** How a failure during a stream is told: noted on the audit line, logged when it deserves it, as the error event's error. */
function streamErrorOf(response: ResponseWithLocals, dialect: Dialect, logger: Logger): (error: unknown) => GatewayError {
  return (error) => {
    const gatewayError = toGatewayError(error, dialect);
    recordError(response, gatewayError);
    // The request's path, as on its audit line and on the warnings of failures before the first chunk.
    logFailure({ logger, error, gatewayError, path: recordOf(response).path, requestId: requestIdOfResponse(response) });
    return gatewayError;
  };
}

/** A stream whose first read fails with `error`: a failure after a keep-alive, sent as a stream's would be. */
function failedStream(error: unknown, abort: CallSignal): StreamResult {
  const chunks: AsyncIterable<unknown> = { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }) };
  return { kind: 'stream', chunks, checkChunk: (chunk) => chunk, abort, hidesUsage: false };
}

/** Sends a stream's chunks as the route's events. */
async function sendStream(options: { response: ResponseWithLocals; result: StreamResult; presenter: AnswerPresenter | undefined; dialect: Dialect; toError: (error: unknown) => GatewayError; keepAlive: StreamKeepAlive | null; endpointType: EndpointType }): Promise<void> {
  const { response, result, presenter, dialect, toError, keepAlive } = options;
  if (presenter) {
    const presented = presenter.stream({ chunks: result.chunks, checkChunk: result.checkChunk, onChunk: chunkObserver(response) });
    await sendEventStream({ response, chunks: presented.events, toError, signal: result.abort, dialect, format: presented.format, keepAlive });
    return;
  }
  const checkChunk = dialect === 'openai' && options.endpointType === 'llm/v1/completions' ? (chunk: unknown) => withStringText(result.checkChunk(chunk) as CompletionsChunk) : result.checkChunk;
  const sends = result.hidesUsage ? (chunk: unknown) => !isUsageOnlyChunk(chunk) : undefined;
  await sendEventStream({ response, chunks: result.chunks, checkChunk, toError, onChunk: chunkObserver(response), sends, signal: result.abort, dialect, keepAlive });
}

/** A route's destination whose failure (the last of `attempts`) is not the answer: its own call in the metrics, timed from its own start. */
function recordPassedCall(response: ResponseWithLocals, attempts: RouteCall['attempts'], endpoint: CompiledEndpoint): void {
  const { code, status } = attempts[attempts.length - 1];
  recordFailedCall({ endpoint, code, status, seconds: startNextCall(recordOf(response)) });
}

function countIfRateLimited(error: unknown, called: string, response: ResponseWithLocals): void {
  if (error instanceof GatewayError && error.code === 'rate_limit_exceeded') countRateLimitRejection({ endpoint: called, client: clientOf(response)?.name ?? null });
}

/** The calling key's own limit (`auth.api_keys[].limit`), counted once per request whatever the route tries; whether a call was counted. */
async function admitClient(limiter: EndpointLimiter, response: ResponseWithLocals, called: string): Promise<boolean> {
  try {
    return await limiter.admit();
  } catch (error) {
    countIfRateLimited(error, called, response);
    throw error;
  }
}

/**
 * The route's answer, the key's call given back when it is a refusal or a 501 and no destination was
 * sent anything (`sentSomewhere`: another's refusal may outrank a destination's that came after some
 * of its calls, several prompts), so nothing was used.
 */
function givingBackUnsent<Value>(answer: Promise<Value>, keyLimiter: EndpointLimiter, sentSomewhere: () => boolean): Promise<Value> {
  return answer.catch((error: unknown) => {
    if (sentNothing(error) && !sentSomewhere()) keyLimiter.giveBack();
    throw error;
  });
}

/** `model` on the OpenAI routes names the endpoint (or traffic route). */
function modelOf(body: unknown): string {
  if (!isRecord(body)) throw GatewayError.invalidBody(notAnObjectFailure(body).message, null, undefined, 400);
  const model = body.model;
  if (typeof model === 'string' && model !== '') return model;
  throw GatewayError.invalidParam(modelProblem(model), 'model');
}

/** Why a `model` names no endpoint, saying what was sent (null is missing, as OpenAI counts it). */
function modelProblem(model: unknown): string {
  const rule = 'must be the name of a gateway endpoint';
  if (model === undefined) return `model: is required and ${rule}`;
  if (model === null) return `model: is required and ${rule}, got null`;
  if (model === '') return `model: ${rule}, got an empty string`;
  const kind = Array.isArray(model) ? 'an array' : typeof model === 'object' ? 'an object' : `a ${typeof model}`;
  return `model: ${rule} (a string), got ${kind}`;
}

/**
 * Whether the body asks for a stream (`stream: true`, except on embeddings, as `asksForStream`),
 * read before the body is checked or the name looked up: a stream request refused before its first
 * chunk, or whose client leaves, is logged as a stream too.
 */
function streamAsked(endpointType: EndpointType | undefined, body: unknown): boolean {
  return isRecord(body) && body.stream === true && endpointType !== 'llm/v1/embeddings';
}

/** One of the OpenAI-compatible routes. */
export type OpenAIRoute = (typeof OPENAI_ROUTES)[number];

/**
 * The route handlers, shared by the router below and the fast path (src/server/fast-path.ts): they
 * use node:http's request and response only, which both give them.
 */
export interface InvocationHandlers {
  /** `/endpoints/{name}/invocations` and `/gateway/{name}/invocations`. */
  mlflow(name: string, route: string, request: JsonRequest, response: ResponseWithLocals): Promise<void>;
  /** The `/v1` routes, where the body's `model` names the endpoint. */
  openai(route: OpenAIRoute, request: JsonRequest, response: ResponseWithLocals): Promise<void>;
  /** The OpenAI-compatible route at exactly this path, if any. */
  openaiRouteAt(path: string): OpenAIRoute | undefined;
}

export function invocationHandlers(state: GatewayState, logger: Logger): InvocationHandlers {
  const routesByPath = new Map(OPENAI_ROUTES.map((route) => [route.path, route]));
  return {
    mlflow: async (name, route, request, response) => {
      recordCall(response, { route, called: name, stream: streamAsked(endpointTypeOf(state.plan, name), request.body), requestBody: request.body });
      authorize(response, name);
      const plan = state.plan;
      await serve({ request, response, client: requestAbort(response), body: request.body, target: resolveTarget(plan, name), dialect: 'mlflow', route, server: plan.server, responseStore: plan.responseStore, logger });
    },
    openai: async (route, request, response) => {
      const plan = state.plan;
      const stream = streamAsked(route.endpointType, request.body);
      recordCall(response, { route: route.path, called: null, stream, requestBody: request.body });
      const name = modelOf(request.body);
      recordCall(response, { route: route.path, called: name, stream, requestBody: request.body });
      authorize(response, name);
      const endpointType = endpointTypeOf(plan, name);
      if (endpointType === undefined) {
        throw GatewayError.notFound(`The model ${quoted(name)} does not exist: no gateway endpoint or route has that name.`, 'model');
      }
      if (endpointType !== route.endpointType) {
        throw GatewayError.invalidParam(`Endpoint ${quoted(name)} is not ${route.noun} endpoint.`, 'model');
      }
      // In flight from here: each wait below ends at the drain's end (in-flight.ts).
      const client = requestAbort(response);
      const translation = route.path === RESPONSES_PATH ? await untilAborted(client, responsesTranslation(request.body, { plan: plan.responseStore, space: clientOf(response)?.storeSpace ?? '' })) : null;
      const body = translation ? translation.chatRequest : request.body;
      const served = serve({ request, response, client, body, presenter: translation?.presenter, target: resolveTarget(plan, name), dialect: 'openai', route: route.path, server: plan.server, responseStore: plan.responseStore, logger });
      // A Responses client is told of the fields it sent, not of the chat request's.
      await (translation ? served.catch((error: unknown) => Promise.reject(translation.presenter.error(error))) : served);
    },
    openaiRouteAt: (path) => routesByPath.get(path),
  };
}

export function invocationRoutes(state: GatewayState, logger: Logger): Router {
  const router = Router();
  const handlers = invocationHandlers(state, logger);
  for (const route of MLFLOW_ROUTES) {
    router.post(route.replace('{name}', ':name'), (request, response) => handlers.mlflow(String(request.params.name), route, request, response));
  }
  for (const route of OPENAI_ROUTES) router.post(route.path, (request, response) => handlers.openai(route, request, response));
  return router;
}
