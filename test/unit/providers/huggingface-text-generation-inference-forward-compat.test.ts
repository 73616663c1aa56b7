/**
 * What TGI adds without notice (finish reasons, response, details, usage and chunk fields) does not
 * break an answer: the text, tool calls and usage reach the client and the finish reason is one of
 * OpenAI's. The payloads are the fixtures (README) with such fields added.
 */
import { createTgiChatStream, createTgiCompletionsStream, fromTgiChat, fromTgiCompletions } from '../../../src/providers/huggingface-text-generation-inference';
import { readFixtureBytesWithLast, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';

const VENDOR = 'huggingface-text-generation-inference';
const context = { model: 'mistral-7b', created: 1_700_000_000, endpoint: 'tgi' };
const withLastFinish = (name: string, from: string, to: string): Buffer => readFixtureBytesWithLast(VENDOR, name, from, to);

describe('/generate and /generate_stream', () => {
  it('a finish reason TGI adds later is stop; unknown response and details fields are left out', () => {
    const body = readJsonFixture<{ details: Record<string, unknown> }>(VENDOR, 'generate.response.json');
    const answer = fromTgiCompletions({ ...body, details: { ...body.details, finish_reason: 'a_reason_tgi_adds', future_count: 1 }, future_field: true }, context);
    expect(answer).toEqual({
      id: null,
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'mistral-7b',
      choices: [{ index: 0, text: " Un café crème, s'il vous plaît ☕", finish_reason: 'stop' }],
      usage: { prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 },
    });
  });

  it('a stream whose last event has an unknown finish reason and fields: the text, stop, the usage, at every split', async () => {
    const bytes = withLastFinish('generate.stream.sse', '"finish_reason":"eos_token"', '"finish_reason":"a_reason_tgi_adds","future_field":[1]');
    const chunks = await replayEverySplit(bytes, () => createTgiCompletionsStream(context));
    expect(summariseCompletions(chunks)).toEqual({ text: " Un café crème, s'il vous plaît ☕", finishReason: 'stop', usage: { prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 } });
  });
});

describe('chat (Messages API)', () => {
  it('a finish reason TGI adds later is stop, beside a tool call tool_calls; unknown top-level, usage and message fields are left out', () => {
    const body = readJsonFixture<{ choices: Record<string, unknown>[]; usage: Record<string, unknown> }>(VENDOR, 'chat.response.json');
    const choice = body.choices[0];
    const future = { ...body, usage: { ...body.usage, future_count: 2 }, future_field: { anything: true }, choices: [{ ...choice, finish_reason: 'a_reason_tgi_adds', future_choice_field: 1 }] };
    expect(fromTgiChat(future)).toEqual({
      id: '',
      object: 'chat.completion',
      created: 1732009923,
      model: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Avec plaisir.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 23, completion_tokens: 12, total_tokens: 35 },
    });
    const call = { id: '0', type: 'function', function: { name: 'get_weather', arguments: { location: 'São Paulo' } } };
    const withCall = { ...future, choices: [{ ...future.choices[0], message: { role: 'assistant', content: null, tool_calls: [call] } }] };
    expect(fromTgiChat(withCall).choices[0].finish_reason).toBe('tool_calls');
  });

  it('a tool-call stream ending with a reason TGI adds later ends with tool_calls, the call whole, at every split', async () => {
    const bytes = withLastFinish('chat-tool-calls.stream.sse', '"finish_reason":"eos_token"', '"finish_reason":"a_reason_tgi_adds","future_field":1');
    const chunks = await replayEverySplit(bytes, () => createTgiChatStream('tgi'));
    expect(summariseChat(chunks)).toEqual({
      text: '',
      finishReason: 'tool_calls',
      toolCalls: [{ id: '', name: null, arguments: '{"location":"São Paulo, Brasil","unit":"celsius"}' }],
      usage: null,
    });
  });

  it('a text stream ending with a reason TGI adds later ends with stop; its usage chunk with an unknown count still counts', async () => {
    const bytes = withLastFinish('chat-usage.stream.sse', '"finish_reason":"eos_token"', '"finish_reason":"a_reason_tgi_adds"');
    const withUsageField = Buffer.from(bytes.toString('utf8').replace('"total_tokens":35', '"total_tokens":35,"future_count":3'));
    const chunks = await replayEverySplit(withUsageField, () => createTgiChatStream('tgi'));
    expect(summariseChat(chunks)).toMatchObject({ text: 'Bonjour ! Un café ? ☕ Avec plaisir.', finishReason: 'stop', usage: { prompt_tokens: 23, completion_tokens: 12, total_tokens: 35 } });
  });
});
