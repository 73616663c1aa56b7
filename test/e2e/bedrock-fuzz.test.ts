/**
 * The upstream-answer fuzz test (upstream-fuzz.test.ts) for Amazon Bedrock, which the gateway
 * reaches through the AWS SDK: each fixture answer of the fake Bedrock runtime with one JSON value
 * replaced or removed, in a Converse or InvokeModel answer, or in one event of a stream (the JSON
 * of a ConverseStream event, or the native chunk inside an InvokeModelWithResponseStream event;
 * the binary framing stays intact). The same outcomes are required: a 200 that matches openapi/,
 * a stream ending in [DONE] or an error event, or a 502 with a JSON message.
 */
import type { Message } from '@smithy/eventstream-codec';
import { fuzzAnswers, fuzzStreams, mutatedAnswer, type Mutation } from '../support/answer-mutations';
import { BODIES, chatBody, configOf, tools, type EndpointKind } from '../support/contract';
import { chunkEvent, converseEvent, startFakeBedrock, type BedrockCall, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';

jest.setTimeout(60_000);

/** Endpoint name, type, model id, whether it streams and whether it takes tools (Converse chat). */
const ENDPOINTS: readonly { name: string; kind: EndpointKind; model: string; streams: boolean; tools: boolean }[] = [
  { name: 'claude-chat', kind: 'chat', model: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0', streams: true, tools: true },
  { name: 'llama-chat', kind: 'chat', model: 'meta.llama3-1-70b-instruct-v1:0', streams: true, tools: false },
  { name: 'claude-completions', kind: 'completions', model: 'anthropic.claude-3-haiku-20240307-v1:0', streams: true, tools: false },
  { name: 'titan-completions', kind: 'completions', model: 'amazon.titan-text-express-v1', streams: true, tools: false },
  { name: 'cohere-completions', kind: 'completions', model: 'cohere.command-text-v14', streams: true, tools: false },
  { name: 'jurassic-completions', kind: 'completions', model: 'ai21.j2-ultra-v1', streams: false, tools: false },
  { name: 'jamba-completions', kind: 'completions', model: 'ai21.jamba-1-5-large-v1:0', streams: true, tools: false },
  { name: 'titan-embeddings', kind: 'embeddings', model: 'amazon.titan-embed-text-v2:0', streams: false, tools: false },
  { name: 'cohere-embeddings', kind: 'embeddings', model: 'cohere.embed-multilingual-v3', streams: false, tools: false },
];

/** One stream event with its JSON mutated: a ConverseStream event's own JSON, or the native chunk a `chunk` event carries. */
function mutatedEvent(message: Message, mutation: Mutation): Message {
  const type = String(message.headers[':event-type']?.value);
  const body = JSON.parse(Buffer.from(message.body).toString('utf8')) as { bytes?: string };
  if (type !== 'chunk') return converseEvent(type, mutatedAnswer(body, mutation));
  const native: unknown = JSON.parse(Buffer.from(body.bytes ?? '', 'base64').toString('utf8'));
  return chunkEvent(mutatedAnswer(native, mutation));
}

/** The fixture answer for a call, mutated as `current.mutation` says; streams are written in one piece (no pauses). */
function mutatedReply(call: BedrockCall, mutation: Mutation | null): BedrockReply {
  const reply = serveBedrockFixtures(call);
  if (mutation === null || 'error' in reply || 'respond' in reply) return reply;
  if ('json' in reply) return { json: mutatedAnswer(reply.json, mutation) };
  const events = [...reply.events];
  const index = mutation.event % events.length;
  events[index] = mutatedEvent(events[index], mutation);
  return { events, pieceSize: 64 * 1024, pauseMs: 0 };
}

const current: { mutation: Mutation | null } = { mutation: null };
let fake: FakeBedrock;
let gateway: RunningGateway;

beforeAll(async () => {
  fake = await startFakeBedrock((call) => mutatedReply(call, current.mutation));
  const aws_config = { aws_region: 'eu-west-3', aws_endpoint_url: fake.url, aws_access_key_id: 'AKIAFUZZEXAMPLE', aws_secret_access_key: 'bedrock-fuzz-secret' };
  const endpoints = ENDPOINTS.map(({ name, kind, model }) => ({ name, kind, provider: 'bedrock', model, config: { aws_config } }));
  gateway = await startGateway(configOf(endpoints).replace('endpoints:', 'defaults: { retries: { max_attempts: 1 } }\nendpoints:'));
});
afterAll(async () => {
  await gateway.close();
  await fake.close();
});

function requestOf(endpoint: (typeof ENDPOINTS)[number], withTools: boolean): Record<string, unknown> {
  return endpoint.tools && withTools ? { ...chatBody, tools } : BODIES[endpoint.kind];
}

const fuzzOptions = { gatewayUrl: () => gateway.url, requestOf, current };

test('every mutated Bedrock answer is a schema-valid 200 or a 502, on the MLflow route and on /v1', async () => {
  expect(await fuzzAnswers({ ...fuzzOptions, endpoints: ENDPOINTS, places: 40, seed: 20261203, numRuns: 250 })).toEqual([]);
});

test('every mutated Bedrock stream is schema-valid chunks ending in [DONE] or an error event, or a 502, on both routes', async () => {
  const streaming = ENDPOINTS.filter((endpoint) => endpoint.streams);
  expect(await fuzzStreams({ ...fuzzOptions, endpoints: streaming, places: 25, events: 20, seed: 20261204, numRuns: 200 })).toEqual([]);
});
