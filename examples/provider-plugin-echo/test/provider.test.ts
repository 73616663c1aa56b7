/** The echo plugin on its own, as its author tests it: the adapter, its config schema, its package.json declaration. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ChatChunk, CompletionsChunk, ProviderEndpoint } from 'llm-gateway';
import provider from '../provider.js';

const packageDirectory = join(__dirname, '..');
const context = { signal: new AbortController().signal };

function endpoint(config: { prefix: string; uppercase?: boolean }, modelName: string | null = 'echo-1'): ProviderEndpoint {
  return provider.createEndpoint({ name: 'talk', endpointType: 'llm/v1/chat', modelName, config, now: () => 1700000000, timeouts: { connect: 10_000, headers: 30_000, body: 30_000 }, maxAnswerBytes: 256 * 1024 * 1024 });
}

async function collect<T>(chunks: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

test('chat answers the last user message with the prefix', async () => {
  const response = await endpoint({ prefix: 'Echo: ' }).chat!(
    {
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: 'hello ' }, { type: 'text', text: 'there' }] },
      ],
    },
    context,
  );
  expect(response).toEqual({
    id: 'chatcmpl-echo-talk-1',
    object: 'chat.completion',
    created: 1700000000,
    model: 'echo-1',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Echo: hello there', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
  });
});

test('uppercase answers in capitals; the model name defaults to echo', async () => {
  const response = await endpoint({ prefix: '> ', uppercase: true }, null).completions!({ prompt: 'quiet please' }, context);
  expect(response.choices[0].text).toBe('> QUIET PLEASE');
  expect(response.model).toBe('echo');
});

test('chat stream: a role chunk, one chunk per word, a finish chunk, then usage when asked', async () => {
  const chunks = await collect<ChatChunk>(
    endpoint({ prefix: 'Echo: ' }).chatStream!({ messages: [{ role: 'user', content: 'one two' }], stream_options: { include_usage: true } }, context),
  );
  expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? null)).toEqual(['', 'Echo: ', 'one ', 'two', null, null]);
  expect(chunks[0].choices[0].delta.role).toBe('assistant');
  expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason ?? null)).toEqual([null, null, null, null, 'stop', null]);
  expect(chunks[5]).toMatchObject({ choices: [], usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 } });
  expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
});

test('completions stream ends with a stop chunk and no usage unless asked', async () => {
  const chunks = await collect<CompletionsChunk>(endpoint({ prefix: '' }).completionsStream!({ prompt: 'a b c' }, context));
  expect(chunks.map((chunk) => chunk.choices[0].text).join('')).toBe('a b c');
  expect(chunks[chunks.length - 1].choices[0]).toEqual({ index: 0, finish_reason: 'stop', text: '' });
});

test('the adapter declares chat and completions only', () => {
  expect(provider.displayName).toBe('Echo');
  expect(provider.endpointTypes).toEqual(['llm/v1/chat', 'llm/v1/completions']);
  expect(endpoint({ prefix: '' }).embeddings).toBeUndefined();
});

describe('config.schema.json', () => {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(packageDirectory, 'config.schema.json'), 'utf8')));

  it.each([[{ prefix: 'Echo: ' }], [{ prefix: '', uppercase: true }]])('accepts %j', (config) => {
    expect(validate(config)).toBe(true);
  });

  it.each([[{}], [{ prefix: 5 }], [{ prefix: 'x', uppercase: 'yes' }], [{ prefix: 'x', temperature: 0.2 }]])('refuses %j', (config) => {
    expect(validate(config)).toBe(false);
  });
});

test('package.json declares the provider with files that exist', () => {
  const manifest = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8'));
  const declaration = manifest.llmGateway.providers.echo;
  expect(require(join(packageDirectory, declaration.module))).toBe(provider);
  expect(JSON.parse(readFileSync(join(packageDirectory, declaration.configSchema), 'utf8')).title).toBe('EchoConfig');
});
