/**
 * Contract of the `bedrock` provider (and its alias `amazon-bedrock`): answers and stream chunks
 * built from the fixtures of test/fixtures/bedrock match openapi/ (checks in
 * test/support/contract.ts). The gateway reaches the fake Bedrock runtime of
 * test/support/fake-bedrock.ts through `aws_endpoint_url`: Converse for chat and the conversational
 * families' completions (and Jamba's completion streams), each other family's native InvokeModel
 * body, event streams in the real binary encoding.
 */
import { chatBody, completionsBody, configOf, embeddingsBody, JSON_AND_STREAM, testContract, tools, type ContractCase, type EndpointSpec } from '../support/contract';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';

/** Endpoint name, type, provider name and model id; each picks its fixture by model family. */
const ENDPOINTS: readonly (readonly [name: string, kind: EndpointSpec['kind'], provider: string, model: string])[] = [
  ['claude-chat', 'chat', 'bedrock', 'us.anthropic.claude-3-5-sonnet-20241022-v2:0'],
  ['llama-chat', 'chat', 'amazon-bedrock', 'meta.llama3-1-70b-instruct-v1:0'],
  ['claude-completions', 'completions', 'bedrock', 'anthropic.claude-3-haiku-20240307-v1:0'],
  ['titan-completions', 'completions', 'bedrock', 'amazon.titan-text-express-v1'],
  ['cohere-completions', 'completions', 'bedrock', 'cohere.command-text-v14'],
  ['jurassic-completions', 'completions', 'bedrock', 'ai21.j2-ultra-v1'],
  ['jamba-completions', 'completions', 'bedrock', 'ai21.jamba-1-5-large-v1:0'],
  ['titan-embeddings', 'embeddings', 'bedrock', 'amazon.titan-embed-text-v2:0'],
  ['cohere-embeddings', 'embeddings', 'bedrock', 'cohere.embed-multilingual-v3'],
];

let fake: FakeBedrock;
let gateway: RunningGateway;

beforeAll(async () => {
  fake = await startFakeBedrock(serveBedrockFixtures);
  const aws_config = { aws_region: 'eu-west-3', aws_endpoint_url: fake.url, aws_access_key_id: 'AKIACONTRACTEXAMPLE', aws_secret_access_key: '$BEDROCK_SECRET' };
  const endpoints = ENDPOINTS.map(([name, kind, provider, model]) => ({ name, kind, provider, model, config: { aws_config } }));
  gateway = await startGateway(configOf(endpoints), { env: { BEDROCK_SECRET: 'bedrock-contract-secret' }, validateResponses: true });
});
afterAll(async () => {
  await gateway.close();
  await fake.close();
});

const cases: ContractCase[] = [
  { endpoint: 'claude-chat', kind: 'chat', body: chatBody, modes: JSON_AND_STREAM, note: 'Converse' },
  { endpoint: 'claude-chat', kind: 'chat', body: { ...chatBody, tools }, modes: JSON_AND_STREAM, note: 'Converse tool use' },
  { endpoint: 'llama-chat', kind: 'chat', body: chatBody, modes: JSON_AND_STREAM, note: 'amazon-bedrock' },
  { endpoint: 'claude-completions', kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM, note: 'Converse' },
  { endpoint: 'titan-completions', kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM, note: 'InvokeModel' },
  { endpoint: 'cohere-completions', kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM, note: 'InvokeModel' },
  // Jurassic does not stream on Bedrock (a 501).
  { endpoint: 'jurassic-completions', kind: 'completions', body: completionsBody, note: 'InvokeModel' },
  { endpoint: 'jamba-completions', kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM, note: 'InvokeModel, streamed through ConverseStream' },
  { endpoint: 'titan-embeddings', kind: 'embeddings', body: embeddingsBody, note: 'one call per input' },
  { endpoint: 'cohere-embeddings', kind: 'embeddings', body: embeddingsBody },
];

describe('bedrock', () => testContract(() => gateway, cases));
