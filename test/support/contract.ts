/**
 * The checks of the contract tests (test/contract/), table-driven. The gateway runs with
 * express-openapi-validator's response validation on, so an answer that breaks openapi/ is a 500
 * (whose body names the violation). For each case:
 * - JSON: the invocation route and the `/v1` route both answer 200, and the body also matches its
 *   endpoint type's own schema (the invocation route's schema is any of the three);
 * - stream: on both routes every SSE event is a chunk matching the chunk schema (no `error`
 *   event), and the stream ends with `data: [DONE]`.
 */
import type { ValidateFunction } from 'ajv';
import {
  validateChatChunk,
  validateChatResponse,
  validateCompletionsChunk,
  validateCompletionsResponse,
  validateEmbeddingsResponse,
} from '../../generated/request-validators';
import { parseSse, type RunningGateway } from './gateway';

export type EndpointKind = 'chat' | 'completions' | 'embeddings';
export type AnswerMode = 'json' | 'stream';

export interface ContractCase {
  /** The configured endpoint name. */
  endpoint: string;
  kind: EndpointKind;
  /** The request on the invocation route; `/v1` gets it with `model` (and `stream` when streaming). */
  body: Record<string, unknown>;
  /** Which answers to check; ['json'] unless the endpoint's provider streams. */
  modes?: readonly AnswerMode[];
  /** What makes this case differ from others on the endpoint, for the test name. */
  note?: string;
}

export const JSON_AND_STREAM: readonly AnswerMode[] = ['json', 'stream'];

export const chatBody = { messages: [{ role: 'user', content: 'Salut ! Un café ?' }] };
export const completionsBody = { prompt: 'Commander un café :' };
export const embeddingsBody = { input: ['un café', 'un croissant 🥐'] };
/** The request body of each endpoint type. */
export const BODIES: Record<EndpointKind, Record<string, unknown>> = { chat: chatBody, completions: completionsBody, embeddings: embeddingsBody };
export const tools = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather for a city',
      parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
    },
  },
];

/** One configured endpoint of a contract file. */
export interface EndpointSpec {
  name: string;
  kind: EndpointKind;
  provider: string;
  model?: string;
  config?: Record<string, unknown>;
}

/** A gateway config with these endpoints (each a JSON object, which is YAML too). */
export function configOf(endpoints: readonly EndpointSpec[]): string {
  const items = endpoints.map(({ name, kind, provider, model, config }) => {
    const modelSection = { provider, ...(model === undefined ? {} : { name: model }), ...(config === undefined ? {} : { config }) };
    return `  - ${JSON.stringify({ name, endpoint_type: `llm/v1/${kind}`, model: modelSection })}`;
  });
  return `endpoints:\n${items.join('\n')}\n`;
}

export const V1_PATHS: Record<EndpointKind, string> = { chat: '/v1/chat/completions', completions: '/v1/completions', embeddings: '/v1/embeddings' };
export const RESPONSE_SCHEMAS: Record<EndpointKind, ValidateFunction> = { chat: validateChatResponse, completions: validateCompletionsResponse, embeddings: validateEmbeddingsResponse };
export const CHUNK_SCHEMAS: Record<EndpointKind, ValidateFunction | null> = { chat: validateChatChunk, completions: validateCompletionsChunk, embeddings: null };

async function post(gateway: RunningGateway, path: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

/** Both routes of a case: the MLflow invocation route (JSON on `/gateway`, streams on `/endpoints`) and `/v1`. */
function routesOf(testCase: ContractCase, stream: boolean): { path: string; body: unknown }[] {
  const body = stream ? { ...testCase.body, stream: true } : testCase.body;
  const invocation = `/${stream ? 'endpoints' : 'gateway'}/${testCase.endpoint}/invocations`;
  return [
    { path: invocation, body },
    { path: V1_PATHS[testCase.kind], body: { ...body, model: testCase.endpoint } },
  ];
}

/** What a failure shows: the route, and the gateway's answer when it is not a 200 (the validator's message). */
function outcome(path: string, answer: { status: number; text: string }) {
  return { path, status: answer.status, error: answer.status === 200 ? null : answer.text };
}

function schemaErrors(validate: ValidateFunction, value: unknown) {
  return validate(value) ? null : validate.errors;
}

async function expectJsonAnswers(gateway: RunningGateway, testCase: ContractCase): Promise<void> {
  for (const { path, body } of routesOf(testCase, false)) {
    const answer = await post(gateway, path, body);
    expect(outcome(path, answer)).toEqual({ path, status: 200, error: null });
    expect({ path, errors: schemaErrors(RESPONSE_SCHEMAS[testCase.kind], JSON.parse(answer.text)) }).toEqual({ path, errors: null });
  }
}

async function expectStreams(gateway: RunningGateway, testCase: ContractCase): Promise<void> {
  const validate = CHUNK_SCHEMAS[testCase.kind];
  if (validate === null) throw new Error(`${testCase.endpoint}: ${testCase.kind} does not stream`);
  for (const { path, body } of routesOf(testCase, true)) {
    const answer = await post(gateway, path, body);
    expect(outcome(path, answer)).toEqual({ path, status: 200, error: null });
    const events = parseSse(answer.text);
    expect(events.pop()).toEqual({ data: '[DONE]' });
    expect(events.length).toBeGreaterThan(0);
    const checked = events.map((event, index) => ({ path, index, event: event.event ?? null, errors: event.event ? event.data : schemaErrors(validate, JSON.parse(event.data)) }));
    expect(checked).toEqual(events.map((_event, index) => ({ path, index, event: null, errors: null })));
  }
}

function titleOf(testCase: ContractCase, mode: AnswerMode): string {
  const what = mode === 'json' ? 'answers match the spec on the invocation route and /v1' : 'stream chunks match the chunk schema on both routes';
  return `${testCase.endpoint} (${testCase.kind}${testCase.note ? `, ${testCase.note}` : ''}): ${what}`;
}

/** Registers one test per case and mode; `gateway` is read when the test runs. */
export function testContract(gateway: () => RunningGateway, cases: readonly ContractCase[]): void {
  const runs = cases.flatMap((testCase) => (testCase.modes ?? ['json']).map((mode) => [titleOf(testCase, mode), testCase, mode] as const));
  test.each(runs)('%s', async (_title, testCase, mode) => {
    if (mode === 'json') await expectJsonAnswers(gateway(), testCase);
    else await expectStreams(gateway(), testCase);
  });
}

