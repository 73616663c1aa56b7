/**
 * Contract of the `anthropic` and `gemini` providers: answers and stream chunks built from the
 * fixtures of test/fixtures/{anthropic,gemini} match openapi/ (checks in test/support/contract.ts).
 * Gemini's fixture variants (two candidates, a blocked prompt, a Unicode-heavy stream) each have
 * an upstream of their own that always answers with that fixture.
 */
import { chatBody, completionsBody, configOf, embeddingsBody, JSON_AND_STREAM, testContract, tools, type ContractCase } from '../support/contract';
import { serveAnthropicFixtures, serveFixture, serveGeminiFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const ANTHROPIC_COMPLETIONS_MODEL = 'claude-haiku-4-5';
const GEMINI_COMPLETIONS_MODEL = 'gemini-2.0-flash';

const upstreams = {
  anthropic: serveAnthropicFixtures(ANTHROPIC_COMPLETIONS_MODEL),
  gemini: serveGeminiFixtures(GEMINI_COMPLETIONS_MODEL),
  geminiTwoCandidates: serveFixture('gemini', 'chat-two-candidates.response.json'),
  geminiBlocked: serveFixture('gemini', 'chat-blocked-prompt.response.json'),
  geminiUnicode: serveFixture('gemini', 'chat-unicode.stream.sse'),
};

const setup = useGatewayWithUpstreams({
  upstreams,
  config: (urls) => {
    const anthropic = { anthropic_api_key: '$ANTHROPIC_KEY', anthropic_api_base: `${urls.anthropic}/v1` };
    const gemini = (url: string) => ({ gemini_api_key: '$GEMINI_KEY', gemini_api_base: `${url}/v1beta` });
    return configOf([
      { name: 'anthropic-chat', kind: 'chat', provider: 'anthropic', model: 'claude-sonnet-4-5', config: anthropic },
      { name: 'anthropic-completions', kind: 'completions', provider: 'anthropic', model: ANTHROPIC_COMPLETIONS_MODEL, config: anthropic },
      { name: 'gemini-chat', kind: 'chat', provider: 'gemini', model: 'gemini-2.5-flash', config: gemini(urls.gemini) },
      { name: 'gemini-completions', kind: 'completions', provider: 'gemini', model: GEMINI_COMPLETIONS_MODEL, config: gemini(urls.gemini) },
      { name: 'gemini-embeddings', kind: 'embeddings', provider: 'gemini', model: 'gemini-embedding-001', config: gemini(urls.gemini) },
      { name: 'gemini-two-candidates', kind: 'chat', provider: 'gemini', model: 'gemini-2.5-flash', config: gemini(urls.geminiTwoCandidates) },
      { name: 'gemini-blocked', kind: 'chat', provider: 'gemini', model: 'gemini-2.5-flash', config: gemini(urls.geminiBlocked) },
      { name: 'gemini-unicode', kind: 'chat', provider: 'gemini', model: 'gemini-2.5-flash', config: gemini(urls.geminiUnicode) },
    ]);
  },
  env: { ANTHROPIC_KEY: 'sk-ant-contract-key', GEMINI_KEY: 'gemini-contract-key' },
  validateResponses: true,
});
const gateway = () => setup.gateway;

const anthropicCases: ContractCase[] = [
  { endpoint: 'anthropic-chat', kind: 'chat', body: chatBody, modes: JSON_AND_STREAM },
  { endpoint: 'anthropic-chat', kind: 'chat', body: { ...chatBody, tools }, modes: JSON_AND_STREAM, note: 'tool use' },
  { endpoint: 'anthropic-chat', kind: 'chat', body: { ...chatBody, tools, thinking: { type: 'enabled', budget_tokens: 2048 } }, modes: JSON_AND_STREAM, note: 'extended thinking' },
  { endpoint: 'anthropic-chat', kind: 'chat', body: { ...chatBody, web_search_options: {} }, modes: JSON_AND_STREAM, note: 'web search citations' },
  { endpoint: 'anthropic-completions', kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM },
];

const geminiCases: ContractCase[] = [
  { endpoint: 'gemini-chat', kind: 'chat', body: chatBody, modes: JSON_AND_STREAM },
  { endpoint: 'gemini-chat', kind: 'chat', body: { ...chatBody, tools }, modes: JSON_AND_STREAM, note: 'tool calls' },
  { endpoint: 'gemini-chat', kind: 'chat', body: { ...chatBody, reasoning_effort: 'low' }, modes: JSON_AND_STREAM, note: 'thought summaries' },
  { endpoint: 'gemini-chat', kind: 'chat', body: { ...chatBody, tools, reasoning_effort: 'low' }, note: 'thought summaries and a signed tool call' },
  { endpoint: 'gemini-chat', kind: 'chat', body: { ...chatBody, web_search_options: {} }, modes: JSON_AND_STREAM, note: 'Google Search citations (annotations)' },
  { endpoint: 'gemini-completions', kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM },
  { endpoint: 'gemini-embeddings', kind: 'embeddings', body: embeddingsBody, note: 'batchEmbedContents' },
  { endpoint: 'gemini-embeddings', kind: 'embeddings', body: { input: 'un café' }, note: 'embedContent' },
  { endpoint: 'gemini-two-candidates', kind: 'chat', body: { ...chatBody, n: 3 } },
  { endpoint: 'gemini-blocked', kind: 'chat', body: chatBody },
  { endpoint: 'gemini-unicode', kind: 'chat', body: chatBody, modes: ['stream'] },
];

describe('anthropic', () => testContract(gateway, anthropicCases));
describe('gemini', () => testContract(gateway, geminiCases));
