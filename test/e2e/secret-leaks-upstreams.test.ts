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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerWithEcho, ECHO_SCENARIOS, echoIsQuoted, VENDOR_STREAMS, type EchoScenario } from '../support/echoing-upstream';
import type { UpstreamHandler } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { basicOf, callsOf, canary, everythingLetOut, leaksIn, responseText, viewPaths, viewsOf, type EndpointType } from '../support/leak-hunt';
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
  cohereV2Token: canary('cohere-v2-token'),
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

let scenario: EchoScenario = { kind: 'json-error', status: 400 };

type Vendor = keyof typeof VENDOR_STREAMS;
const upstreams = Object.fromEntries(Object.entries(VENDOR_STREAMS).map(([vendor, stream]) => [vendor, ((request, response) => answerWithEcho(scenario, stream, request, response)) satisfies UpstreamHandler])) as Record<Vendor, UpstreamHandler>;

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
    // A `reasoning_effort` default sends every request to v2, at cohere_api_v2_base with a token in its query.
    'cohere-v2-chat': {
      type: 'chat',
      model: `{ provider: cohere, name: command-a-reasoning-08-2025, config: { cohere_api_key: $COHERE_KEY, cohere_api_v2_base: "${urls.cohere}/proxy/v2?token=${SECRETS.cohereV2Token}", reasoning_effort: low } }`,
    },
    'mistral-chat': { type: 'chat', model: `{ provider: mistral, name: mistral-small, config: { mistral_api_key: $MISTRAL_KEY, mistral_api_base: "${urls.mistral}/v1" } }` },
    'togetherai-chat': { type: 'chat', model: `{ provider: togetherai, name: meta-llama/Llama-3-8b-chat-hf, config: { togetherai_api_key: $TOGETHERAI_KEY, togetherai_api_base: "${urls.togetherai}/v1" } }` },
    'ai21labs-completions': { type: 'completions', model: `{ provider: ai21labs, name: j2-ultra, config: { ai21labs_api_key: $AI21LABS_KEY, ai21labs_api_base: "${urls.ai21labs}/studio/v1" } }` },
    'ai21labs-chat': { type: 'chat', model: `{ provider: ai21labs, name: jamba-large, config: { ai21labs_api_key: $AI21LABS_KEY, ai21labs_api_base: "${urls.ai21labs}/studio/v1" } }` },
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


test.each(ECHO_SCENARIOS)('upstreams echoing the credentials they got in %s: no secret reaches a client or the log', async (_name, current) => {
  scenario = current;
  const output = await everythingLetOut({ url: setup.gateway.url, calls: everyCall(), lines, headers: clientHeaders });
  // The echo reached the gateway's answers, redacted: its absence below is not for want of an echo.
  expect(output.includes('[redacted]') || !echoIsQuoted(current)).toBe(true);
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
