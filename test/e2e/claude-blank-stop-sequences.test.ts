/**
 * A stop sequence of whitespace alone (`stop: "\n"`, what completions clients send to stop at a
 * line's end) or an empty one, to Claude: Anthropic's API refuses it with a 400 naming
 * `stop_sequences` (test/fixtures/anthropic/error-400-blank-stop-sequence.json), and Claude on Bedrock
 * alike, so the gateway answers a 400 naming the client's `stop` before any call, and a FALLBACK route
 * moves on to a destination that takes it. Through the official openai client and the MLflow routes,
 * streamed or not, against a fake Anthropic and a fake Bedrock that refuse such stops as Claude does.
 */
import type { ServerResponse } from 'node:http';
import { openaiErrorOf } from '../support/errors';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveAnthropicFixtures, serveBedrockFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import type { BedrockCall } from '../support/fake-bedrock';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const isBlank = (sequence: string) => sequence.trim() === '';
const serveAnthropic = serveAnthropicFixtures('claude-haiku-4-5');

/** Anthropic, refusing a blank stop sequence as it does, else answering from the fixtures. */
function anthropic(request: RecordedRequest, response: ServerResponse): void {
  const stops = (request.body as { stop_sequences?: string[] }).stop_sequences ?? [];
  if (stops.some(isBlank)) return sendJson(response, 400, readJsonFixture('anthropic', 'error-400-blank-stop-sequence.json'));
  void serveAnthropic(request, response);
}

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic, openai: serveOpenAIFixtures },
  config: (urls) => `
defaults: { retries: { max_attempts: 1 } }
endpoints:
  - { name: claude, endpoint_type: llm/v1/completions, model: { provider: anthropic, name: claude-haiku-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: claude-chat, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: gpt, endpoint_type: llm/v1/completions, model: { provider: openai, name: gpt-3.5-turbo-instruct, config: { openai_api_key: k, openai_api_base: "${urls.openai}/v1" } } }
routes:
  - { name: complete, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: claude }, { name: gpt }] }
`,
});

const BLANK_STOP = 'Anthropic refuses a stop sequence that is empty or only whitespace';

describe('Anthropic', () => {
  test.each([false, true])('completions with stop "\\n": a 400 naming stop, nothing sent (stream: %s)', async (stream) => {
    const { status, error } = await openaiErrorOf(setup.openai.completions.create({ model: 'claude', prompt: 'def total(values):', stop: '\n', max_tokens: 64, stream }));
    expect(status).toBe(400);
    expect(error).toEqual({ message: `stop: ${BLANK_STOP} ("\\n").`, type: 'invalid_request_error', param: 'stop', code: 'invalid_value' });
    expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  });

  test('a list names the blank item; an empty one too; chat alike', async () => {
    const listed = await openaiErrorOf(setup.openai.completions.create({ model: 'claude', prompt: 'Q: 2+2?\nA:', stop: ['Q:', '\n\n'] }));
    expect(listed.error).toMatchObject({ message: `stop[1]: ${BLANK_STOP} ("\\n\\n").`, param: 'stop' });
    const empty = await openaiErrorOf(setup.openai.completions.create({ model: 'claude', prompt: 'Q: 2+2?\nA:', stop: [''] }));
    expect(empty.error).toMatchObject({ message: `stop[0]: ${BLANK_STOP} ("").`, param: 'stop' });
    const chat = await openaiErrorOf(setup.openai.chat.completions.create({ model: 'claude-chat', messages: [{ role: 'user', content: 'Hi' }], stop: [' '] }));
    expect(chat.error).toMatchObject({ message: `stop[0]: ${BLANK_STOP} (" ").`, param: 'stop' });
    expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  });

  test('the MLflow route: a 400 with the same words', async () => {
    const answer = await fetch(`${setup.gateway.url}/endpoints/claude/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'Hi', stop: ['\n'] }) });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ detail: `stop[0]: ${BLANK_STOP} ("\\n").` });
  });

  test('a stop sequence with visible text is sent as stop_sequences and served', async () => {
    const completion = await setup.openai.completions.create({ model: 'claude', prompt: 'Q: 2+2?\nA:', stop: ['\nQ:'] });
    expect(completion.choices[0].text).not.toBe('');
    expect(setup.upstreams.anthropic.requests[0].body).toMatchObject({ stop_sequences: ['\nQ:'] });
  });

  test('a FALLBACK route moves past Claude to a destination that takes the stop', async () => {
    const completion = await setup.openai.completions.create({ model: 'complete', prompt: 'def total(values):', stop: '\n' });
    expect(completion.choices[0].text).toBe('\n\nThis is indeed a test of the café menu');
    expect(setup.upstreams.anthropic.requests).toHaveLength(0);
    expect(setup.upstreams.openai.requests[0].body).toMatchObject({ stop: '\n' });
  });
});

/** Claude on Bedrock, refusing a blank stop sequence as it does (Bedrock passes Claude's words on), else the fixtures. */
function bedrock(call: BedrockCall) {
  const stops = (call.body as { inferenceConfig?: { stopSequences?: string[] } }).inferenceConfig?.stopSequences ?? [];
  if (call.modelId.includes('anthropic.') && stops.some(isBlank)) return { error: { status: 400, type: 'ValidationException', message: 'The model returned the following errors: stop_sequences: each stop sequence must contain non-whitespace' } };
  return serveBedrockFixtures(call);
}

const bedrockSetup = useGatewayWithFakeBedrock({
  serve: bedrock,
  config: (fakeUrl) => `
endpoints:
  - { name: claude-bedrock, endpoint_type: llm/v1/completions, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
  - { name: llama-bedrock, endpoint_type: llm/v1/completions, model: { provider: bedrock, name: meta.llama3-1-70b-instruct-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
`,
});

describe('Claude on Bedrock', () => {
  test.each([false, true])('completions with stop "\\n": a 400 naming stop, no call (stream: %s)', async (stream) => {
    const { status, error } = await openaiErrorOf(bedrockSetup.openai.completions.create({ model: 'claude-bedrock', prompt: 'def total(values):', stop: ['\n'], stream }));
    expect(status).toBe(400);
    expect(error).toMatchObject({ message: 'stop[0]: Amazon Bedrock (Anthropic Claude) refuses a stop sequence that is empty or only whitespace ("\\n").', param: 'stop' });
    expect(bedrockSetup.fake.calls).toHaveLength(0);
  });

  test('another family is sent the stop as it came (no source says it refuses one)', async () => {
    await bedrockSetup.openai.completions.create({ model: 'llama-bedrock', prompt: 'def total(values):', stop: ['\n'] });
    expect(bedrockSetup.fake.calls[0].body).toMatchObject({ inferenceConfig: { stopSequences: ['\n'] } });
  });
});
