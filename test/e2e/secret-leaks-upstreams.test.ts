/**
 * Can a provider secret leak through an upstream's answer? Every secret-bearing setting of every
 * built-in HTTP provider holds a distinct canary (read from `$ENV`, from a file, or written out: an
 * API key, a token in a base URL's query, the user and password or the token of a base URL's
 * userinfo), and so does the gateway's client key. Fake upstreams echo the request they got (its URL
 * and every header, credentials included) in every way a vendor reports a failure: a JSON error body
 * of each status with the echo in every message field and the key itself in its code, type and param
 * fields, a plain-text body, a stream whose first event or a later one is an error, a stream event
 * that is not JSON, an error or an answer of an unexpected shape in a 200. Each scenario calls every
 * endpoint on the MLflow routes and on `/v1` (streamed and not), and everything the gateway lets out
 * (statuses, headers and bodies, SSE events, the log at debug level with its audit lines) is searched
 * as one text; the views, the docs and `/metrics` are searched after all of them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixture } from '../support/fixtures';
import { sendJson, type RecordedRequest, type UpstreamHandler } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { basicOf, callsOf, canary, credentialOf, echoOf, everythingLetOut, leaksIn, responseText, viewPaths, viewsOf, type EndpointType } from '../support/leak-hunt';
import { captureLog, waitForLogLine } from '../support/log-capture';

const SECRETS = {
  openai: canary('openai'),
  functionCode: canary('function-code'),
  azure: canary('azure'),
  azuread: canary('azuread-token'),
  anthropic: canary('anthropic'),
  gemini: canary('gemini'),
  palm: canary('palm'),
  cohere: canary('cohere'),
  mistral: canary('mistral'),
  togetherai: canary('togetherai'),
  ai21labs: canary('ai21labs'),
  mosaicml: canary('mosaicml'),
  tgiPassword: canary('tgi-password'),
  servingToken: canary('serving-token'),
  clientKey: canary('client-key'),
};
/** Every form a secret travels in: as written, and as the Basic credentials header made of a base URL's userinfo. */
const FORBIDDEN = [...Object.values(SECRETS), basicOf('tgi-user', SECRETS.tgiPassword), basicOf(SECRETS.servingToken, '')];

const keyFile = join(mkdtempSync(join(tmpdir(), 'secret-leaks-')), 'anthropic.key');
writeFileSync(keyFile, `${SECRETS.anthropic}\n`);

/** How the fake upstreams answer in the current scenario. */
type Scenario =
  | { kind: 'json-error'; status: number }
  | { kind: 'text-error'; status: number }
  | { kind: 'stream-error-first'; status: number }
  | { kind: 'stream-error-after-chunk'; status: number }
  | { kind: 'stream-not-json' }
  | { kind: 'json-200-error' }
  | { kind: 'json-200-unexpected' };
let scenario: Scenario = { kind: 'json-error', status: 400 };

/**
 * A vendor's stream: its content type, a first event as it sends it, and its error event, of a refused
 * request (`status` 400: where the vendor's code may be shown to the client) or of a failure (500).
 */
interface StreamShape {
  contentType: string;
  first: string;
  error: (echo: string, key: string, status: number) => string;
}

/** What a vendor writes in its error's type for a refused request; the key itself for a failure, where a code is never shown. */
const typeFor = (status: number, key: string, refused: string) => (status < 500 ? refused : key);

const firstEvents = (vendor: string, file: string, count: number, separator = '\n\n') => readFixture(vendor, file).split(separator).slice(0, count).map((event) => `${event}${separator}`).join('');

const OPENAI_STREAM: StreamShape = {
  contentType: 'text/event-stream',
  first: firstEvents('openai', 'chat.stream.sse', 1),
  error: (echo, key, status) => `data: ${JSON.stringify({ error: { message: echo, type: typeFor(status, 'server_error', 'invalid_request_error'), code: key, param: key } })}\n\n`,
};

const STREAMS = {
  openai: OPENAI_STREAM,
  azure: OPENAI_STREAM,
  mistral: OPENAI_STREAM,
  togetherai: OPENAI_STREAM,
  palm: OPENAI_STREAM,
  ai21labs: OPENAI_STREAM,
  mosaicml: OPENAI_STREAM,
  serving: OPENAI_STREAM,
  anthropic: {
    contentType: 'text/event-stream; charset=utf-8',
    first: firstEvents('anthropic', 'chat.stream.sse', 2),
    error: (echo, key, status) => `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: typeFor(status, key, 'invalid_request_error'), message: echo } })}\n\n`,
  },
  gemini: {
    contentType: 'text/event-stream',
    first: firstEvents('gemini', 'chat.stream.sse', 1, '\r\n\r\n'),
    error: (echo, key, status) => `data: ${JSON.stringify({ error: { code: status, message: echo, status: key } })}\r\n\r\n`,
  },
  cohere: {
    contentType: 'application/stream+json',
    first: firstEvents('cohere', 'chat.stream.ndjson', 2, '\n'),
    error: (echo, key) => `${JSON.stringify({ is_finished: true, event_type: 'stream-error', err: echo, finish_reason: key })}\n`,
  },
  tgi: {
    contentType: 'text/event-stream',
    first: firstEvents('huggingface-text-generation-inference', 'chat.stream.sse', 1),
    error: (echo, key, status) => `data:${JSON.stringify({ error: echo, error_type: typeFor(status, key, 'validation') })}\n\n`,
  },
} satisfies Record<string, StreamShape>;

type Vendor = keyof typeof STREAMS;

/** An error body read by every vendor's message extractor, and the key in each field a code is read from. */
function errorBody(echo: string, key: string): Record<string, unknown> {
  return { error: { message: echo, type: key, code: key, param: key, status: key }, message: echo, detail: echo, error_code: key, object: 'error', type: key, code: key };
}

function answer(stream: StreamShape, request: RecordedRequest, response: ServerResponse): void {
  const echo = echoOf(request);
  const key = credentialOf(request);
  switch (scenario.kind) {
    case 'json-error':
      return sendJson(response, scenario.status, errorBody(echo, key));
    case 'text-error':
      response.writeHead(scenario.status, { 'content-type': 'text/plain' });
      return void response.end(`${key} refused: ${echo}`);
    case 'stream-error-first':
      response.writeHead(200, { 'content-type': stream.contentType });
      return void response.end(stream.error(echo, key, scenario.status));
    case 'stream-error-after-chunk':
      response.writeHead(200, { 'content-type': stream.contentType });
      return void response.end(`${stream.first}${stream.error(echo, key, scenario.status)}`);
    case 'stream-not-json':
      response.writeHead(200, { 'content-type': stream.contentType });
      return void response.end(`data: ${key} ${echo}\n\n${key} ${echo}\n`);
    case 'json-200-error':
      return sendJson(response, 200, errorBody(echo, key));
    case 'json-200-unexpected':
      return sendJson(response, 200, { id: key, object: key, model: echo, choices: key, candidates: echo, content: key, generations: echo, embeddings: key, data: echo, predictions: echo });
  }
}

const upstreams = Object.fromEntries(Object.entries(STREAMS).map(([vendor, stream]) => [vendor, ((request, response) => answer(stream, request, response)) satisfies UpstreamHandler])) as Record<Vendor, UpstreamHandler>;

/** Each endpoint: its type and its `model` mapping. */
const endpoints = (urls: Record<Vendor, string>): Record<string, { type: EndpointType; model: string }> => {
  const hostPort = (url: string) => url.replace('http://', '');
  const openai = `config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${urls.openai}/v1" }`;
  const azure = `openai_api_base: "${urls.azure}", openai_deployment_name: gpt4o, openai_api_version: "2024-10-21"`;
  const tgi = `config: { hf_server_url: "http://tgi-user:${SECRETS.tgiPassword}@${hostPort(urls.tgi)}" }`;
  return {
    'openai-chat': { type: 'chat', model: `{ provider: openai, name: gpt-4o-mini, ${openai} }` },
    'openai-completions': { type: 'completions', model: `{ provider: openai, name: gpt-3.5-turbo-instruct, ${openai} }` },
    'openai-embeddings': { type: 'embeddings', model: `{ provider: openai, name: text-embedding-3-small, ${openai} }` },
    'openai-function': { type: 'chat', model: `{ provider: openai, name: gpt-4o-mini, config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${urls.openai}/fn/v1?code=${SECRETS.functionCode}" } }` },
    'azure-chat': { type: 'chat', model: `{ provider: openai, name: gpt-4o, config: { openai_api_type: azure, openai_api_key: $AZURE_KEY, ${azure} } }` },
    'azuread-chat': { type: 'chat', model: `{ provider: openai, name: gpt-4o, config: { openai_api_type: azuread, openai_api_key: ${SECRETS.azuread}, ${azure} } }` },
    'anthropic-chat': { type: 'chat', model: `{ provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: ${keyFile}, anthropic_api_base: "${urls.anthropic}/v1" } }` },
    'gemini-chat': { type: 'chat', model: `{ provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${urls.gemini}/v1beta" } }` },
    'gemini-embeddings': { type: 'embeddings', model: `{ provider: gemini, name: text-embedding-004, config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${urls.gemini}/v1beta" } }` },
    'palm-chat': { type: 'chat', model: `{ provider: palm, name: chat-bison-001, config: { palm_api_key: $PALM_KEY, palm_api_base: "${urls.palm}/v1beta3" } }` },
    'cohere-chat': { type: 'chat', model: `{ provider: cohere, name: command-r, config: { cohere_api_key: $COHERE_KEY, cohere_api_base: "${urls.cohere}/v1" } }` },
    'mistral-chat': { type: 'chat', model: `{ provider: mistral, name: mistral-small, config: { mistral_api_key: $MISTRAL_KEY, mistral_api_base: "${urls.mistral}/v1" } }` },
    'togetherai-chat': { type: 'chat', model: `{ provider: togetherai, name: meta-llama/Llama-3-8b-chat-hf, config: { togetherai_api_key: $TOGETHERAI_KEY, togetherai_api_base: "${urls.togetherai}/v1" } }` },
    'ai21labs-completions': { type: 'completions', model: `{ provider: ai21labs, name: j2-ultra, config: { ai21labs_api_key: $AI21LABS_KEY, ai21labs_api_base: "${urls.ai21labs}/studio/v1" } }` },
    'mosaicml-chat': { type: 'chat', model: `{ provider: mosaicml, name: llama2-70b-chat, config: { mosaicml_api_key: $MOSAICML_KEY, mosaicml_api_base: "${urls.mosaicml}" } }` },
    'tgi-chat': { type: 'chat', model: `{ provider: huggingface-text-generation-inference, name: llama, ${tgi} }` },
    'tgi-completions': { type: 'completions', model: `{ provider: huggingface-text-generation-inference, name: llama, ${tgi} }` },
    'serving-chat': { type: 'chat', model: `{ provider: mlflow-model-serving, name: my-llm, config: { model_server_url: "http://${SECRETS.servingToken}@${hostPort(urls.serving)}/llm" } }` },
  };
};

let endpointTypes: Record<string, EndpointType> = {};

const config = (urls: Record<Vendor, string>) => {
  const list = endpoints(urls);
  endpointTypes = Object.fromEntries(Object.entries(list).map(([name, { type }]) => [name, type]));
  const yaml = Object.entries(list).map(([name, { type, model }]) => `  - { name: ${name}, endpoint_type: llm/v1/${type}, model: ${model} }`);
  return `
auth:
  api_keys:
    - { name: leak-hunter, key: $CLIENT_KEY }
defaults:
  retries: { max_attempts: 1 }
endpoints:
${yaml.join('\n')}
routes:
  - { name: chat-route, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: anthropic-chat }, { name: gemini-chat }, { name: openai-chat }] }
`;
};

const env = {
  OPENAI_KEY: SECRETS.openai,
  AZURE_KEY: SECRETS.azure,
  GEMINI_KEY: SECRETS.gemini,
  PALM_KEY: SECRETS.palm,
  COHERE_KEY: SECRETS.cohere,
  MISTRAL_KEY: SECRETS.mistral,
  TOGETHERAI_KEY: SECRETS.togetherai,
  AI21LABS_KEY: SECRETS.ai21labs,
  MOSAICML_KEY: SECRETS.mosaicml,
  CLIENT_KEY: SECRETS.clientKey,
};

const { lines, logger } = captureLog('debug');
const setup = useGatewayWithUpstreams({ upstreams, config, env, logger });
const clientHeaders = { authorization: `Bearer ${SECRETS.clientKey}` };

/** Every endpoint and the route, on the MLflow routes and `/v1`, streamed and not. */
const everyCall = () => [...Object.entries(endpointTypes).flatMap(([name, type]) => callsOf(name, type)), ...callsOf('chat-route', 'chat', { route: true })];

const SCENARIOS: [string, Scenario][] = [
  ...[400, 401, 403, 404, 408, 413, 422, 429, 500, 503, 529].map((status): [string, Scenario] => [`a JSON error with status ${status}`, { kind: 'json-error', status }]),
  ...[400, 500, 502].map((status): [string, Scenario] => [`a plain-text error with status ${status}`, { kind: 'text-error', status }]),
  ...[400, 500].flatMap((status): [string, Scenario][] => [
    [`a stream whose first event is an error (of a ${status})`, { kind: 'stream-error-first', status }],
    [`a stream with an error event (of a ${status}) after its first chunk`, { kind: 'stream-error-after-chunk', status }],
  ]),
  ['a stream whose events are not JSON', { kind: 'stream-not-json' }],
  ['an error body with status 200', { kind: 'json-200-error' }],
  ['a 200 answer of an unexpected shape', { kind: 'json-200-unexpected' }],
];

test.each(SCENARIOS)('upstreams echoing the credentials they got in %s: no secret reaches a client or the log', async (_name, current) => {
  scenario = current;
  const output = await everythingLetOut({ url: setup.gateway.url, calls: everyCall(), lines, headers: clientHeaders });
  // The echo reached the gateway's answers, redacted (a refusal of its credentials is not quoted at all): its absence below is not for want of an echo.
  const refusedCredentials = current.kind === 'json-error' && (current.status === 401 || current.status === 403);
  expect(output.includes('[redacted]')).toBe(!refusedCredentials);
  expect(leaksIn(output, FORBIDDEN)).toEqual([]);
});

test('a client key the gateway does not know, sent as each header a client key may come in, is not logged', async () => {
  const from = lines.length;
  const wrongKey = canary('wrong-client-key');
  const outputs: string[] = [];
  const headers: Record<string, string>[] = [{ authorization: `Bearer ${wrongKey}` }, { 'x-api-key': wrongKey }, { 'api-key': wrongKey }, { authorization: `Basic ${basicOf('user', wrongKey)}` }];
  for (const header of headers) {
    const response = await fetch(`${setup.gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...header }, body: JSON.stringify({ model: 'openai-chat', messages: [] }) });
    outputs.push(await responseText(response));
    expect(response.status).toBe(401);
    await waitForLogLine(lines, (line) => line.msg === 'request' && line.request_id === response.headers.get('x-request-id'), { from });
  }
  expect(leaksIn([...outputs, ...lines.slice(from)].join('\n'), [...FORBIDDEN, wrongKey, basicOf('user', wrongKey)])).toEqual([]);
});

test('after every scenario: the endpoint and route views, the model list, the docs page, the OpenAPI document and /metrics show no secret', async () => {
  const names = [...Object.keys(endpointTypes), 'chat-route'];
  const withKey = await viewsOf(setup.gateway.url, viewPaths(names, ['chat-route']), { authorization: `Bearer ${SECRETS.clientKey}` });
  const withoutKey = await viewsOf(setup.gateway.url, viewPaths(names, ['chat-route']));
  // The views were served: every endpoint is named in them.
  for (const name of names) expect(withKey).toContain(`"name":"${name}"`);
  expect(withKey).toContain('gateway_requests_total');
  expect(leaksIn(`${withKey}\n${withoutKey}\n${lines.join('\n')}`, FORBIDDEN)).toEqual([]);
});
