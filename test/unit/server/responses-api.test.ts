/**
 * The Responses API mappers (src/server/responses-api/) on realistic payloads; the stream fold's
 * events are also replayed through the openai client's own accumulator, which must build the same
 * Response as the last event holds.
 */
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator';
import { fromChatResponse, settingsOf } from '../../../src/server/responses-api/answer';
import { chatTranslationOf, refuseStoredState, toChatRequest } from '../../../src/server/responses-api/request';
import { ResponsesStreamFold } from '../../../src/server/responses-api/stream';
import type { ChatChunk, ChatResponse, ResponsesFunctionTool, ResponsesRequest, ResponsesResponse } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { readFixture, readJsonFixture } from '../../support/fixtures';
import { parseSse } from '../../support/gateway';
import { leastCpuMillisecondsOf } from '../../support/timeouts';

describe('toChatRequest', () => {
  test("an agent's second turn (answer items sent back, function outputs) is the chat conversation", () => {
    const request = readJsonFixture<ResponsesRequest>('openai-responses', 'agent-turn.request.json');
    const [user] = request.input as { content: { image_url?: string }[] }[];
    expect(toChatRequest(request)).toEqual({
      model: 'chat',
      messages: [
        { role: 'system', content: 'You are a travel assistant. Use the tools to answer.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is the weather in Paris and Tokyo? Here is my itinerary.' },
            { type: 'image_url', image_url: { url: user.content[1].image_url, detail: 'low' } },
          ],
        },
        {
          role: 'assistant',
          content: 'Let me check both cities.',
          tool_calls: [
            { id: 'call_Xk3sPqR8vN2yTf6WmL0aZc7d', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_Jp9tUw2xB5nQ7rLs4Vd8Hk1e', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_Xk3sPqR8vN2yTf6WmL0aZc7d', content: '{"temperature_c":18,"sky":"cloudy"}' },
        { role: 'tool', tool_call_id: 'call_Jp9tUw2xB5nQ7rLs4Vd8Hk1e', content: '{"temperature_c":24,"sky":"clear"}' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Current weather for a city.', parameters: (request.tools as ResponsesFunctionTool[])[0].parameters, strict: true } }],
      tool_choice: 'auto',
      parallel_tool_calls: true,
      reasoning_effort: 'medium',
      response_format: { type: 'text' },
      max_tokens: 2048,
    });
  });

  test("function calls without an assistant turn before them get their own; the client's stream_options is not sent", () => {
    const request: ResponsesRequest = {
      model: 'chat',
      input: [
        { role: 'developer', content: 'Be terse.' },
        { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'found' },
        { role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }] },
      ],
      text: { format: { type: 'json_object' } },
      stream: true,
      stream_options: { include_obfuscation: false },
    };
    expect(toChatRequest(request)).toEqual({
      model: 'chat',
      stream: true,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'developer', content: 'Be terse.' },
        { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'found' },
        { role: 'assistant', content: 'I cannot help with that.' },
      ],
    });
  });

  test('refuseStoredState names the field that needs what the gateway does not keep: a conversation always, a previous response with the store off', () => {
    expect(gatewayErrorOf(() => refuseStoredState({ model: 'chat', input: 'Hi', previous_response_id: 'resp_1' }, false))).toMatchObject({ status: 400, param: 'previous_response_id' });
    expect(() => refuseStoredState({ model: 'chat', input: 'Hi', previous_response_id: 'resp_1' }, true)).not.toThrow();
    expect(gatewayErrorOf(() => refuseStoredState({ model: 'chat', input: 'Hi', conversation: { id: 'conv_1' } }, true))).toMatchObject({ status: 400, param: 'conversation' });
    expect(() => refuseStoredState({ model: 'chat', input: 'Hi', store: true }, true)).not.toThrow();
  });

  // Each call once copied the turn's list of calls: 40,000 calls in a row (2.6 MB, within the default
  // max_body_size) took over 8 s, blocking every other request; it now takes about 100 ms of
  // CPU. The bound leaves room for a machine busy with other tests (GC threads' CPU counts too).
  test('many function calls in a row join one assistant turn in time linear in their number', () => {
    const calls = Array.from({ length: 40_000 }, (_, index) => ({ type: 'function_call' as const, call_id: `call_${index}`, name: 'lookup', arguments: '{}' }));
    let turn: { tool_calls: { id: string }[] } | undefined;
    const took = leastCpuMillisecondsOf(() => {
      [turn] = toChatRequest({ model: 'chat', input: calls }).messages as { tool_calls: { id: string }[] }[];
    }, 3_000);
    expect(turn?.tool_calls.map((call) => call.id)).toEqual(calls.map((call) => call.call_id));
    expect(took).toBeLessThan(3_000);
  });

  test("the earlier conversation comes first; a function call in the input joins the earlier answer's assistant turn", () => {
    const earlier = [
      { role: 'user' as const, content: 'Weather in Paris?' },
      { type: 'message' as const, id: 'msg_1', status: 'completed', role: 'assistant' as const, content: [{ type: 'output_text' as const, text: 'Let me look.', annotations: [] }] },
    ];
    const request: ResponsesRequest = {
      model: 'chat',
      instructions: 'Be brief.',
      input: [
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'sunny' },
      ],
    };
    expect(toChatRequest(request, earlier).messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: 'Let me look.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
    ]);
  });
});

describe('empty instructions', () => {
  test('are no instructions: no system message, and a chat field is still named by the input item it came from', () => {
    const request: ResponsesRequest = { model: 'chat', instructions: '', input: [{ role: 'user', content: 'Hi' }] };
    const { chatRequest, sources } = chatTranslationOf(request);
    expect(chatRequest.messages).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(sources.messages).toEqual([{ item: 0, toolCalls: [], thinking: [] }]);
  });

  test('are no input either: a request of nothing else is refused on input', () => {
    const request: ResponsesRequest = { model: 'chat', instructions: '', input: [{ type: 'web_search_call', id: 'ws_1' }] };
    expect(gatewayErrorOf(() => toChatRequest(request))).toMatchObject({ status: 400, param: 'input', message: expect.stringMatching(/^input: has nothing the model is given: /) });
  });
});

describe('fromChatResponse', () => {
  const settings = settingsOf({ model: 'chat', input: 'Hi' });

  test('text, then the usage renamed', () => {
    const answer = readJsonFixture<ChatResponse>('openai', 'chat.response.json');
    expect(fromChatResponse(answer, settings)).toEqual({
      id: expect.stringMatching(/^resp_[0-9a-f]{32}$/),
      object: 'response',
      created_at: 1748251200,
      status: 'completed',
      error: null,
      incomplete_details: null,
      model: 'gpt-4o-mini-2024-07-18',
      output: [{ type: 'message', id: expect.stringMatching(/^msg_/), status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', annotations: [], logprobs: [] }] }],
      usage: { input_tokens: 21, output_tokens: 14, total_tokens: 35, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } },
      previous_response_id: null,
      store: false,
      instructions: null,
      max_output_tokens: null,
      metadata: {},
      parallel_tool_calls: true,
      temperature: null,
      top_p: null,
      tool_choice: 'auto',
      tools: [],
      text: { format: { type: 'text' } },
      reasoning: null,
      user: null,
    });
  });

  test('reasoning and tool calls: a reasoning item, then one function_call item per call (no empty message)', () => {
    const answer = readJsonFixture<ChatResponse>('openai', 'chat-deepseek-thinking-tool-call.response.json');
    const message = answer.choices[0].message;
    const response = fromChatResponse(answer, settings);
    expect(response.output).toEqual([
      { type: 'reasoning', id: expect.stringMatching(/^rs_/), summary: [{ type: 'summary_text', text: message.reasoning_content }], status: 'completed' },
      ...(message.tool_calls ?? []).map((call) => ({ type: 'function_call', id: expect.stringMatching(/^fc_/), call_id: call.id, name: call.function.name, arguments: call.function.arguments, status: 'completed' })),
    ]);
  });

  test.each([
    ['length', { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }],
    ['content_filter', { status: 'incomplete', incomplete_details: { reason: 'content_filter' } }],
    ['stop', { status: 'completed', incomplete_details: null }],
  ])('finish reason %s', (finishReason, ending) => {
    const answer = readJsonFixture<ChatResponse>('openai', 'chat.response.json');
    answer.choices[0].finish_reason = finishReason;
    expect(fromChatResponse(answer, settings)).toMatchObject(ending);
  });

  test("a refusal is a refusal part; a usage without the answer's count is null (no count made up), one without details gets zero details", () => {
    const answer: ChatResponse = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: null, refusal: 'I cannot help with that.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: null, total_tokens: null },
    };
    const response = fromChatResponse(answer, settings);
    expect(response.output).toEqual([{ type: 'message', id: expect.any(String), status: 'completed', role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }] }]);
    expect(response.usage).toBeNull();
    const counted = fromChatResponse({ ...answer, usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: null } }, settings);
    expect(counted.usage).toEqual({ input_tokens: 12, output_tokens: 5, total_tokens: 17, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } });
  });
});

describe('ResponsesStreamFold', () => {
  const settings = settingsOf({ model: 'chat', input: 'Hi' });

  /** The chunks of a chat stream fixture (OpenAI's chunks carry the unified chunk's fields). */
  function chunksOf(name: string): ChatChunk[] {
    return parseSse(readFixture('openai', name))
      .filter(({ data }) => data !== '[DONE]')
      .map(({ data }) => JSON.parse(data) as ChatChunk);
  }

  /** Every event of a stream, and the Response the openai client's own accumulator builds from them. */
  function replay(chunks: ChatChunk[]) {
    const fold = new ResponsesStreamFold(settings);
    const events = [...chunks.flatMap((chunk) => fold.chunk(chunk)), ...fold.end()];
    let snapshot: unknown;
    for (const event of events) snapshot = accumulateResponse(event as never, snapshot as never);
    return { events, snapshot: snapshot as ResponsesResponse, last: events.at(-1) as { response: ResponsesResponse } };
  }

  test('a refusal streams as a refusal part; what the client accumulates is the final Response', () => {
    const { events, snapshot, last } = replay(chunksOf('chat-refusal.stream.sse'));
    const refusal = chunksOf('chat-refusal.stream.sse')
      .map((chunk) => chunk.choices[0]?.delta.refusal ?? '')
      .join('');
    expect(last.response.output).toEqual([{ type: 'message', id: expect.any(String), status: 'completed', role: 'assistant', content: [{ type: 'refusal', refusal }] }]);
    expect(events.filter((event) => event.type === 'response.refusal.done')).toEqual([expect.objectContaining({ refusal, content_index: 0, output_index: 0 })]);
    expect(snapshot).toEqual({ ...last.response, output_text: '' });
  });

  const base = { id: 'c', object: 'chat.completion.chunk' as const, created: 7, model: 'm' };
  const delta = (fields: Partial<ChatChunk['choices'][number]['delta']>, finish: string | null = null): ChatChunk => ({ ...base, choices: [{ index: 0, finish_reason: finish, delta: { role: null, content: null, tool_calls: null, ...fields } }] });
  const piece = (index: number, id: string | null, name: string | null, text: string) => ({ index, id, type: id && 'function', function: { name, arguments: text } });

  test('text, then tool calls: the message closes as the first call opens, the calls together on the finish reason, before the usage', () => {
    const fold = new ResponsesStreamFold(settings);
    const typesOf = (events: { type: string }[]) => events.map((event) => event.type);
    expect(typesOf(fold.chunk(delta({ content: 'Checking.' })))).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added', 'response.output_text.delta']);
    expect(typesOf(fold.chunk(delta({ tool_calls: [piece(0, 'call_a', 'lookup', '{"q":')] })))).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
    ]);
    fold.chunk(delta({ tool_calls: [piece(0, null, null, '"a"}')] }));
    // Another call opening leaves the first open: a provider may still send pieces of it.
    expect(typesOf(fold.chunk(delta({ tool_calls: [piece(1, 'call_b', 'lookup', '{"q":"b"}')] })))).toEqual(['response.output_item.added', 'response.function_call_arguments.delta']);
    expect(fold.chunk(delta({}, 'tool_calls'))).toEqual([
      expect.objectContaining({ type: 'response.function_call_arguments.done', output_index: 1, name: 'lookup', arguments: '{"q":"a"}' }),
      expect.objectContaining({ type: 'response.output_item.done', output_index: 1, item: expect.objectContaining({ call_id: 'call_a', arguments: '{"q":"a"}', status: 'completed' }) }),
      expect.objectContaining({ type: 'response.function_call_arguments.done', output_index: 2, arguments: '{"q":"b"}' }),
      expect.objectContaining({ type: 'response.output_item.done', output_index: 2, item: expect.objectContaining({ call_id: 'call_b', status: 'completed' }) }),
    ]);
    expect(fold.chunk({ ...base, choices: [], usage: { prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 } })).toEqual([]);
    const [last] = fold.end();
    expect(last).toMatchObject({ type: 'response.completed', response: { usage: { input_tokens: 5, output_tokens: 9, total_tokens: 14 } } });
  });

  test('tool calls whose pieces interleave: each call keeps its own arguments', () => {
    const { last } = replay([
      delta({ tool_calls: [piece(0, 'call_a', 'lookup', '{"q":'), piece(1, 'call_b', 'lookup', '{"q":')] }),
      delta({ tool_calls: [piece(1, null, null, '"b"}'), piece(0, null, null, '"a"}')] }, 'tool_calls'),
    ]);
    expect(last.response.output).toEqual([
      { type: 'function_call', id: expect.any(String), call_id: 'call_a', name: 'lookup', arguments: '{"q":"a"}', status: 'completed' },
      { type: 'function_call', id: expect.any(String), call_id: 'call_b', name: 'lookup', arguments: '{"q":"b"}', status: 'completed' },
    ]);
  });

  test('the events replay through the client accumulator to the final Response; a cut answer cuts its last call on the finish chunk', () => {
    const { events, snapshot, last } = replay([
      delta({ content: 'Checking.' }),
      delta({ tool_calls: [piece(0, 'call_a', 'lookup', '{"q":"a"}'), piece(1, 'call_b', 'lookup', '{"q":')] }, 'length'),
    ]);
    expect(last.response.output).toEqual([
      { type: 'message', id: expect.any(String), status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Checking.', annotations: [], logprobs: [] }] },
      { type: 'function_call', id: expect.any(String), call_id: 'call_a', name: 'lookup', arguments: '{"q":"a"}', status: 'completed' },
      { type: 'function_call', id: expect.any(String), call_id: 'call_b', name: 'lookup', arguments: '{"q":', status: 'incomplete' },
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_event, index) => index));
    expect(snapshot).toEqual({ ...last.response, output_text: 'Checking.' });
  });

  test('a piece of a call whose item already closed (after the finish reason) fails the stream: 502', () => {
    const fold = new ResponsesStreamFold(settings);
    fold.chunk(delta({ tool_calls: [piece(0, 'call_a', 'lookup', '{"q":')] }, 'tool_calls'));
    expect(gatewayErrorOf(() => fold.chunk(delta({ tool_calls: [piece(0, null, null, '"a"}')] })))).toMatchObject({
      status: 502,
      message: "The provider sent more of tool call 0 after the answer's text or its finish reason; a Responses stream cannot reopen a closed function_call item.",
    });
  });

  test('a stream without chunks still opens and completes; a failure carries the output so far', () => {
    const empty = new ResponsesStreamFold(settings);
    expect(empty.end().map((event) => event.type)).toEqual(['response.created', 'response.in_progress', 'response.completed']);
    const cut = new ResponsesStreamFold(settings);
    cut.chunk(chunksOf('chat.stream.sse')[1]);
    expect(cut.failed({ code: 'upstream_error', message: 'The provider closed the stream.' })).toMatchObject({
      type: 'response.failed',
      sequence_number: 5,
      response: { status: 'failed', error: { code: 'upstream_error', message: 'The provider closed the stream.' }, output: [{ type: 'message', status: 'in_progress', content: [{ type: 'output_text', text: 'Un' }] }] },
    });
  });
});
