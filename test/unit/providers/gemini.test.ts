import { createHash } from 'node:crypto';
import type { GeminiConfig } from '../../../generated/config';
import { GatewayError } from '../../../src/errors';
import {
  createGeminiChatStream,
  createGeminiCompletionsStream,
  fromGeminiChat,
  fromGeminiCompletions,
  fromGeminiEmbeddings,
  fromGeminiUsage,
  geminiAdapter,
  geminiEmbeddingVectors,
  geminiErrorHints,
  geminiErrorMessage,
  geminiStreamError,
  geminiThinkingControl,
  geminiToolCallId,
  mapGeminiFinishReason,
  splitToolCallId,
  toGeminiChat,
  toGeminiCompletions,
  toGeminiEmbeddings,
} from '../../../src/providers/gemini';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { EndpointSettings } from '../../../src/providers/types';
import type { ChatRequest, CompletionsChunk, EndpointType } from '../../../src/schema';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { gatewayRejectionOf } from '../../support/errors';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit, replayEverySplitOutcome, replayOutcome, summariseChat } from '../../support/stream-replay';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

/** Chat requests to a `gemini-2.5-flash` endpoint. */
const toFlashChat = (request: ChatRequest) => toGeminiChat(request, geminiThinkingControl('gemini-2.5-flash'));
const fixtureBytes = (name: string): Buffer => readFixtureBytes('gemini', name);
const SIGNATURE = readJsonFixture<{ candidates: { content: { parts: { thoughtSignature?: string }[] } }[] }>('gemini', 'chat-tool-calls.response.json').candidates[0].content
  .parts[0].thoughtSignature!;
const context = { model: 'gemini-2.5-flash', created: 1_700_000_000 };
const streamContext = { ...context, endpointName: 'gem' };

/** The documented id formula, computed independently of the code under test. */
const derivedId = (responseId: string, candidateIndex: number, callIndex: number, name: string, args: unknown) =>
  `call_${createHash('sha256').update(JSON.stringify([responseId, candidateIndex, callIndex, name, args])).digest('hex').slice(0, 24)}`;

describe('toGeminiChat: messages', () => {
  it('system/developer → systemInstruction, roles, multi-part content, tool calls and results', () => {
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: 'Tu es un guide de voyage.' },
        { role: 'developer', content: [{ type: 'text', text: 'Réponds en français.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Quel temps fait-il ici et à São Paulo ?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' } },
            { type: 'image_url', image_url: { url: 'https://example.com/paris.jpg' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          ],
        },
        {
          role: 'assistant',
          content: 'Je regarde.',
          tool_calls: [
            { id: `call_a.sig.${SIGNATURE}`, type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
            { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '' } },
          ],
        },
        { role: 'tool', tool_call_id: `call_a.sig.${SIGNATURE}`, content: '{"temperature":21,"unit":"celsius"}' },
        { role: 'tool', tool_call_id: 'call_b', content: [{ type: 'text', text: '14:05' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Il fait 21 °C à Paris.' }] },
        { role: 'user', content: 'Merci !' },
      ],
    };
    expect(toFlashChat(request)).toEqual({
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'Quel temps fait-il ici et à São Paulo ?' },
            { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
            { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/paris.jpg' } },
            { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
          ],
        },
        {
          role: 'model',
          parts: [
            { text: 'Je regarde.' },
            { functionCall: { id: 'call_a', name: 'get_weather', args: { location: 'Paris, France' } }, thoughtSignature: SIGNATURE },
            { functionCall: { id: 'call_b', name: 'get_time', args: {} } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { id: 'call_a', name: 'get_weather', response: { temperature: 21, unit: 'celsius' } } },
            { functionResponse: { id: 'call_b', name: 'get_time', response: { output: '14:05' } } },
          ],
        },
        { role: 'model', parts: [{ text: 'Il fait 21 °C à Paris.' }] },
        { role: 'user', parts: [{ text: 'Merci !' }] },
      ],
      systemInstruction: { parts: [{ text: 'Tu es un guide de voyage.' }, { text: 'Réponds en français.' }] },
    });
  });

  it('a data URL labelled image/jpg (as browsers and many tools write it; OpenAI takes it) is sent as image/jpeg, which Gemini accepts', () => {
    const request: ChatRequest = { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/jpg;base64,/9j/4AAQSkZJRg==' } }] }] };
    expect(toFlashChat(request).contents).toEqual([{ role: 'user', parts: [{ inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQSkZJRg==' } }] }]);
  });

  it('a non-object tool result goes under `output`', () => {
    const body = toFlashChat({
      messages: [
        { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'list', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: '[1,2,3]' },
      ],
    });
    expect(body.contents[1].parts[0].functionResponse?.response).toEqual({ output: [1, 2, 3] });
  });

  it.each([
    [{ role: 'narrator', content: 'x' }, "'messages[0].role' 'narrator' is not supported by Gemini; use system, developer, user, assistant or tool.", 'messages[0].role'],
    [{ role: 'tool', tool_call_id: 'nope', content: '{}' }, `messages[0].tool_call_id: Gemini takes a tool message only as the result of a tool call of the assistant message before it ("Please ensure that function response turn comes immediately after a function call turn"); 'nope' is none of its calls.`, 'messages[0].tool_call_id'],
    [{ role: 'tool', content: '{}' }, "'messages[0].tool_call_id' is required for a tool message.", 'messages[0].tool_call_id'],
    [{ role: 'assistant', content: null }, "'messages[0]': an assistant message needs content or tool_calls.", 'messages[0].content'],
    [{ role: 'user', content: null }, "'messages[0].content' is required for a user message.", 'messages[0].content'],
    [
      { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":' } }] },
      "'messages[0].tool_calls[0].function.arguments' is not valid JSON.",
      'messages[0].tool_calls[0].function.arguments',
    ],
    [
      { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1]' } }] },
      "'messages[0].tool_calls[0].function.arguments' must be a JSON object.",
      'messages[0].tool_calls[0].function.arguments',
    ],
    [
      { role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc123' } }] },
      "messages[0].content[0].file.file_id: Gemini takes a file as a base64 data URL in 'file_data' (data:application/pdf;base64,...), not an OpenAI file id.",
      'messages[0].content[0].file.file_id',
    ],
    [
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:text/plain,hello' } }] },
      "'messages[0].content[0].image_url.url' must be a base64 data URL (data:<mime type>;base64,...), an http(s) URL or a gs:// URI; this one is not base64 (no ';base64' before the comma).",
      'messages[0].content[0].image_url.url',
    ],
    [
      { role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] },
      "'messages[0].content[0]': Gemini accepts only text parts in this message.",
      'messages[0].content[0]',
    ],
  ])('refuses %j with a 400 naming the field', async (message, text, param) => {
    const error = await gatewayRejectionOf(() => toFlashChat({ messages: [message as ChatRequest['messages'][number]] }));
    expect(error).toMatchObject({ status: 400, message: text, param });
  });
});

describe('toGeminiChat: tools and parameters', () => {
  const parameters = {
    type: 'object',
    $defs: { city: { type: 'string', minLength: 2 } },
    properties: {
      travellers: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } }, required: ['name'] },
      },
      to: { $ref: '#/$defs/city' },
      date: { type: 'string', format: 'date', default: '2025-01-01' },
      budget: { anyOf: [{ type: 'number' }, { type: 'null' }] },
    },
    required: ['travellers', 'to'],
    additionalProperties: false,
  };
  const messages = [{ role: 'user', content: 'Réserve Paris' }];

  it('function declarations carry the whole JSON Schema; strict is not sent; no invented parameters', () => {
    const body = toFlashChat({
      messages,
      tools: [
        { type: 'function', function: { name: 'book_trip', description: 'Books a trip', strict: true, parameters } },
        { type: 'function', function: { name: 'now' } },
      ],
    });
    expect(body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Réserve Paris' }] }],
      tools: [{ functionDeclarations: [{ name: 'book_trip', description: 'Books a trip', parametersJsonSchema: parameters }, { name: 'now' }] }],
    });
    expect(JSON.stringify(body.tools![0].functionDeclarations![0].parametersJsonSchema)).toBe(JSON.stringify(parameters));
    expect(toFlashChat({ messages, tools: [] })).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Réserve Paris' }] }] });
  });

  it.each([
    ['auto', { functionCallingConfig: { mode: 'AUTO' } }],
    ['none', { functionCallingConfig: { mode: 'NONE' } }],
    ['required', { functionCallingConfig: { mode: 'ANY' } }],
    [{ type: 'function', function: { name: 'book_trip' } }, { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['book_trip'] } }],
  ])('tool_choice %j → toolConfig', (toolChoice, toolConfig) => {
    const tools = [{ type: 'function' as const, function: { name: 'book_trip' } }];
    expect(toFlashChat({ messages, tools, tool_choice: toolChoice as ChatRequest['tool_choice'] }).toolConfig).toEqual(toolConfig);
  });

  it('without function declarations (none, or Google Search only) auto and none send no toolConfig, which Gemini would refuse; required or a named function is a 400', async () => {
    for (const request of [{ messages }, { messages, tools: [] }, { messages, web_search_options: {} }]) {
      expect(toFlashChat({ ...request, tool_choice: 'auto' })).not.toHaveProperty('toolConfig');
      expect(toFlashChat({ ...request, tool_choice: 'none' })).not.toHaveProperty('toolConfig');
      for (const toolChoice of ['required', { type: 'function', function: { name: 'book_trip' } }] as const) {
        expect(await gatewayRejectionOf(() => toFlashChat({ ...request, tool_choice: toolChoice }))).toMatchObject({ status: 400, param: 'tool_choice' });
      }
    }
    expect(toFlashChat({ messages, web_search_options: {}, tool_choice: 'auto' }).tools).toEqual([{ googleSearch: {} }]);
  });

  it('refuses a tool_choice Gemini cannot express', async () => {
    for (const toolChoice of ['any', { type: 'custom', custom: { name: 'code_exec' } }]) {
      expect(await gatewayRejectionOf(() => toFlashChat({ messages, tool_choice: toolChoice }))).toMatchObject({ status: 400, param: 'tool_choice' });
    }
  });

  it('generation parameters are renamed; temperature is not scaled; a string stop becomes a list', () => {
    const body = toFlashChat({
      messages,
      temperature: 1.5,
      top_p: 0.9,
      top_k: 40,
      n: 2,
      max_tokens: 256,
      stop: 'FIN',
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      seed: 7,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(body.generationConfig).toEqual({
      temperature: 1.5,
      topP: 0.9,
      topK: 40,
      candidateCount: 2,
      maxOutputTokens: 256,
      stopSequences: ['FIN'],
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      seed: 7,
    });
    expect(toFlashChat({ messages, stop: ['a', 'b'], max_completion_tokens: 9 }).generationConfig).toEqual({ stopSequences: ['a', 'b'], maxOutputTokens: 9 });
  });

  it('response_format → responseMimeType / responseJsonSchema', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    expect(toFlashChat({ messages, response_format: { type: 'json_schema', json_schema: { name: 'c', schema, strict: true } } }).generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
    expect(toFlashChat({ messages, response_format: { type: 'json_object' } }).generationConfig).toEqual({ responseMimeType: 'application/json' });
    expect(toFlashChat({ messages, response_format: { type: 'text' } }).generationConfig ?? {}).not.toHaveProperty('responseMimeType');
  });

  it("a file part (OpenAI's PDF as a base64 data URL) goes as inline bytes of its media type", () => {
    const request: ChatRequest = {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Résume ce document.' }, { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'rapport.pdf' } }] }],
    };
    expect(toFlashChat(request).contents).toEqual([{ role: 'user', parts: [{ text: 'Résume ce document.' }, { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0xLjQK' } }] }]);
  });

  it('parallel_tool_calls is not sent (true is what Gemini does anyway; false the gateway honours on the answer); another value is a 400 naming it', async () => {
    for (const value of [true, false]) {
      const sent = toFlashChat({ messages, parallel_tool_calls: value }) as unknown as Record<string, unknown>;
      expect(JSON.stringify(sent)).not.toContain('parallel');
    }
    expect(await gatewayRejectionOf(() => toFlashChat({ messages, parallel_tool_calls: 'no' as unknown as boolean }))).toMatchObject({
      status: 400,
      param: 'parallel_tool_calls',
      message: "The parameter 'parallel_tool_calls' must be true or false for Gemini.",
    });
  });

  it('unsupported parameters: 400 naming the parameter and the provider', async () => {
    for (const name of ['user', 'logit_bias']) {
      const error = await gatewayRejectionOf(() => toFlashChat({ messages, [name]: true }));
      expect(error).toMatchObject({ status: 400, param: name, message: `The parameter '${name}' is not supported by Gemini.` });
    }
    expect(await gatewayRejectionOf(() => toFlashChat({ messages, response_format: { type: 'json_schema', json_schema: { name: 'c' } } }))).toMatchObject({
      status: 400,
      param: 'response_format.json_schema.schema',
    });
    expect(await gatewayRejectionOf(() => toFlashChat({ messages, response_format: { type: 'grammar' } }))).toMatchObject({ status: 400, param: 'response_format.type' });
    // Chat's logprobs follow OpenAI's rules; completions' are OpenAI's legacy count.
    expect(await gatewayRejectionOf(() => toFlashChat({ messages, logprobs: 1 }))).toMatchObject({ status: 400, param: 'logprobs' });
    expect(await gatewayRejectionOf(() => toFlashChat({ messages, logprobs: true, top_logprobs: 1.5 }))).toMatchObject({ status: 400, param: 'top_logprobs' });
    for (const logprobs of [true, -1, 1.5, '2']) {
      expect(await gatewayRejectionOf(() => toGeminiCompletions({ prompt: 'p', logprobs }))).toMatchObject({
        status: 400,
        param: 'logprobs',
        message: "'logprobs' must be a whole number of 0 or more (how many most likely tokens to report at each step).",
      });
    }
    expect(toGeminiCompletions({ prompt: 'p', logprobs: 0 }).generationConfig).toEqual({ responseLogprobs: true, logprobs: 0 });
    expect(await gatewayRejectionOf(() => toFlashChat({ messages, max_tokens: 5, max_completion_tokens: 5 }))).toMatchObject({
      status: 400,
      message: "Send 'max_tokens' or 'max_completion_tokens', not both.",
    });
  });

  it("Gemini's own spellings: the reference's 422, first in its order", async () => {
    const error = await gatewayRejectionOf(() => toFlashChat({ messages, topP: 0.5, maxOutputTokens: 5, candidateCount: 2 }));
    expect(error).toMatchObject({ status: 422, param: 'candidateCount', message: 'Invalid parameter candidateCount. Use n instead.' });
    expect(await gatewayRejectionOf(() => toGeminiCompletions({ prompt: 'p', topK: 3 }))).toMatchObject({ status: 422, message: 'Invalid parameter topK. Use top_k instead.' });
  });
});

describe('toGeminiCompletions and toGeminiEmbeddings', () => {
  it('the prompt is one user turn; system_prompt becomes the system instruction', () => {
    expect(toGeminiCompletions({ prompt: 'Il était une fois', max_tokens: 16, system_prompt: 'Conte court.' })).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Il était une fois' }] }],
      systemInstruction: { parts: [{ text: 'Conte court.' }] },
      generationConfig: { maxOutputTokens: 16 },
    });
    expect(toGeminiCompletions({ prompt: '' })).toEqual({ contents: [{ role: 'user', parts: [{ text: '' }] }] });
  });

  it('one text → embedContent; several → batchEmbedContents with models/<name>; dimensions', () => {
    const model = 'gemini-embedding-001';
    expect(toGeminiEmbeddings({ input: 'café' }, { model })).toEqual([{ operation: 'embedContent', body: { content: { parts: [{ text: 'café' }] } } }]);
    expect(toGeminiEmbeddings({ input: ['seul'], dimensions: 768 }, { model })).toEqual([
      {
        operation: 'embedContent',
        body: { content: { parts: [{ text: 'seul' }] }, outputDimensionality: 768 },
      },
    ]);
    expect(toGeminiEmbeddings({ input: ['a', 'b'], encoding_format: 'float' }, { model })).toEqual([
      {
        operation: 'batchEmbedContents',
        body: {
          requests: [
            { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'a' }] } },
            { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'b' }] } },
          ],
        },
      },
    ]);
  });

  it('more than 100 texts → batches of 100 (Gemini refuses larger ones), in input order', () => {
    const input = Array.from({ length: 201 }, (_, index) => `t${index}`);
    const calls = toGeminiEmbeddings({ input, dimensions: 256 }, { model: 'gemini-embedding-001' });
    expect(calls.map((call) => [call.operation, 'requests' in call.body ? call.body.requests.length : 1])).toEqual([
      ['batchEmbedContents', 100],
      ['batchEmbedContents', 100],
      ['batchEmbedContents', 1],
    ]);
    const texts = calls.flatMap((call) => ('requests' in call.body ? call.body.requests : []).map((request) => [request.content.parts[0].text, request.outputDimensionality]));
    expect(texts).toEqual(input.map((text) => [text, 256]));
  });

  it('refuses token input, empty input, unknown keys and encodings', async () => {
    const model = 'm';
    expect(await gatewayRejectionOf(() => toGeminiEmbeddings({ input: [1, 2, 3] }, { model }))).toMatchObject({ status: 400, param: 'input' });
    expect(await gatewayRejectionOf(() => toGeminiEmbeddings({ input: [] }, { model }))).toMatchObject({ status: 400, message: "'input' must not be empty." });
    expect(await gatewayRejectionOf(() => toGeminiEmbeddings({ input: 'x', task_type: 'RETRIEVAL_QUERY' }, { model }))).toMatchObject({
      status: 400,
      message: "The parameter 'task_type' is not supported by Gemini.",
    });
    expect(await gatewayRejectionOf(() => toGeminiEmbeddings({ input: 'x', encoding_format: 'int8' }, { model }))).toMatchObject({ status: 400, param: 'encoding_format' });
  });

  it('embeddings: `stream: false` is left out (an embeddings answer is never streamed); `stream: true` is a 400 naming it', async () => {
    const model = 'm';
    expect(toGeminiEmbeddings({ input: 'x', stream: false }, { model })).toEqual([{ operation: 'embedContent', body: { content: { parts: [{ text: 'x' }] } } }]);
    expect(await gatewayRejectionOf(() => toGeminiEmbeddings({ input: 'x', stream: true }, { model }))).toMatchObject({
      status: 400,
      param: 'stream',
      message: "The parameter 'stream' is not supported by Gemini.",
    });
  });

  it('embeddings responses: single and batch, float or base64 (little-endian float32), the calls joined in order', () => {
    const single = geminiEmbeddingVectors(readJsonFixture('gemini', 'embed-content.response.json'));
    expect(fromGeminiEmbeddings([single], { model: 'gemini-embedding-001' })).toEqual({
      object: 'list',
      data: [{ object: 'embedding', embedding: [0.0131028, -0.008227963, -0.05316839, 0.021412354], index: 0 }],
      model: 'gemini-embedding-001',
      usage: { prompt_tokens: null, total_tokens: null },
    });
    const batch = fromGeminiEmbeddings([geminiEmbeddingVectors(readJsonFixture('gemini', 'batch-embed-contents.response.json'))], { model: 'e' });
    expect(batch.data.map((item) => item.index)).toEqual([0, 1, 2]);
    expect(batch.data[2].embedding).toEqual([0.0229875, -0.0155426, -0.0264041, 0.0112219]);
    const joined = fromGeminiEmbeddings([[[1], [2]], [[3]]], { model: 'e' });
    expect(joined.data.map((item) => [item.index, item.embedding])).toEqual([[0, [1]], [1, [2]], [2, [3]]]);
    const encoded = fromGeminiEmbeddings([geminiEmbeddingVectors({ embedding: { values: [0.5, 1, -2] } })], { model: 'e', encodingFormat: 'base64' });
    expect(encoded.data[0].embedding).toBe('AAAAPwAAgD8AAADA');
    expect(() => geminiEmbeddingVectors({ predictions: [] })).toThrow("Gemini's embeddings response has no 'embedding.values' or 'embeddings[].values'.");
  });
});

describe('fromGeminiChat and fromGeminiCompletions', () => {
  it('text answer: configured model, responseId, thinking tokens counted as completion tokens', () => {
    expect(fromGeminiChat(readJsonFixture('gemini', 'chat.response.json'), context)).toEqual({
      id: 'q9xEaYHpJbWvnvgPiu-B8AQ',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gemini-2.5-flash',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ☕ ? Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 49, total_tokens: 61, completion_tokens_details: { reasoning_tokens: 35 } },
    });
  });

  it('function calls → tool calls with derived ids (signature carried), compact JSON arguments, finish_reason tool_calls', () => {
    const response = fromGeminiChat(readJsonFixture('gemini', 'chat-tool-calls.response.json'), context);
    const responseId = 'XTH6aIb6G73WvdIPsMqa4QM';
    expect(response.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: `${derivedId(responseId, 0, 0, 'get_weather', { location: 'Paris, France', unit: 'celsius' })}.sig.${SIGNATURE}`,
              type: 'function',
              function: { name: 'get_weather', arguments: '{"location":"Paris, France","unit":"celsius"}' },
            },
            {
              id: derivedId(responseId, 0, 1, 'get_weather', { location: 'São Paulo, Brazil', unit: 'celsius' }),
              type: 'function',
              function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil","unit":"celsius"}' },
            },
          ],
          refusal: null,
        },
        finish_reason: 'tool_calls',
      },
    ]);
    expect(response.usage).toEqual({ prompt_tokens: 87, completion_tokens: 104, total_tokens: 191, completion_tokens_details: { reasoning_tokens: 58 } });
  });

  it('tool-call ids: the same answer gives the same ids; equal calls in one answer still differ; upstream ids win', () => {
    const call = { functionCall: { name: 'ping', args: { host: 'a' } } };
    const body = { responseId: 'r1', candidates: [{ content: { parts: [call, call] }, finishReason: 'STOP' }] };
    const ids = () => fromGeminiChat(body, context).choices[0].message.tool_calls!.map((toolCall) => toolCall.id);
    expect(ids()).toEqual(ids());
    expect(new Set(ids()).size).toBe(2);
    const withIds = { candidates: [{ content: { parts: [{ functionCall: { id: 'fc-1', name: 'ping', args: {} } }] }, finishReason: 'STOP' }] };
    expect(fromGeminiChat(withIds, context).choices[0].message.tool_calls![0].id).toBe('fc-1');
    expect(geminiToolCallId({ call: call.functionCall, responseId: 'r1', candidateIndex: 0, callIndex: 0 })).not.toBe(
      geminiToolCallId({ call: call.functionCall, responseId: 'r2', candidateIndex: 0, callIndex: 0 }),
    );
    expect(splitToolCallId(`call_x.sig.${SIGNATURE}`)).toEqual({ id: 'call_x', thoughtSignature: SIGNATURE });
    expect(splitToolCallId('call_x')).toEqual({ id: 'call_x' });
  });

  it('several candidates: joined text parts, mapped finish reasons, a filtered candidate without content', () => {
    const response = fromGeminiChat(readJsonFixture('gemini', 'chat-two-candidates.response.json'), context);
    expect(response.choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
      [0, "Le ciel est bleu à cause de la diffusion Rayleigh, qui disperse davantage les courtes longueurs d'onde.", 'stop'],
      [1, "Parce que l'atmosphère diffuse la lumière bleue", 'length'],
      [2, null, 'content_filter'],
    ]);
  });

  it('a blocked prompt: one content_filter choice explaining why', () => {
    const response = fromGeminiChat(readJsonFixture('gemini', 'chat-blocked-prompt.response.json'), context);
    expect(response.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: null, tool_calls: null, refusal: 'Gemini blocked the prompt (PROHIBITED_CONTENT).' }, finish_reason: 'content_filter' },
    ]);
    expect(response.usage).toEqual({ prompt_tokens: 9, completion_tokens: 0, total_tokens: 9 });
    expect(fromGeminiCompletions(readJsonFixture('gemini', 'chat-blocked-prompt.response.json'), context).choices).toEqual([
      { index: 0, text: '', finish_reason: 'content_filter' },
    ]);
  });

  it('an answer Gemini cut short says why in refusal, as a blocked prompt does: the filter and its blocked categories, or the failed function call in Gemini\'s words', () => {
    const filtered = fromGeminiChat(readJsonFixture('gemini', 'chat-two-candidates.response.json'), context);
    expect(filtered.choices.map((choice) => choice.message.refusal)).toEqual([null, null, 'Gemini blocked the answer (SAFETY: HARM_CATEGORY_DANGEROUS_CONTENT).']);
    const malformed = fromGeminiChat(readJsonFixture('gemini', 'chat-malformed-function-call.response.json'), context);
    expect(malformed.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: null,
          refusal: 'Gemini could not make a valid function call (MALFORMED_FUNCTION_CALL): Malformed function call: print(default_api.get_weather(location="Paris, France", unit=celsius))',
        },
        finish_reason: 'stop',
      },
    ]);
  });

  it('an answer with no candidate and no block reason: one empty stop choice, so choices[0] exists', () => {
    const response = fromGeminiChat(readJsonFixture('gemini', 'chat-no-candidates.response.json'), context);
    expect(response.choices).toEqual([{ index: 0, message: { role: 'assistant', content: null, tool_calls: null, refusal: null }, finish_reason: 'stop' }]);
    expect(response.id).toBe('q3xHabrUDcWm1dkP8b7L0QQ');
    expect(response.usage).toEqual({ prompt_tokens: 3184, completion_tokens: 0, total_tokens: 3184 });
    expect(fromGeminiCompletions(readJsonFixture('gemini', 'chat-no-candidates.response.json'), context).choices).toEqual([{ index: 0, text: '', finish_reason: 'stop' }]);
  });

  it('thought summaries are not answer text', () => {
    const body = { candidates: [{ content: { parts: [{ text: 'Let me think…', thought: true }, { text: 'Oui.' }] }, finishReason: 'STOP' }] };
    expect(fromGeminiChat(body, context).choices[0].message.content).toBe('Oui.');
    expect(fromGeminiChat(body, context).id).toBe('gemini-chat-1700000000');
  });

  it('completions', () => {
    expect(fromGeminiCompletions(readJsonFixture('gemini', 'completions.response.json'), { model: 'gemini-2.0-flash', created: 5 })).toEqual({
      id: '3kZFaan3LLWnnvgP6pfM2Qw',
      object: 'text_completion',
      created: 5,
      model: 'gemini-2.0-flash',
      choices: [{ index: 0, text: 'Il était une fois, dans un petit café de Montréal, une barista', finish_reason: 'length' }],
      usage: { prompt_tokens: 6, completion_tokens: 16, total_tokens: 22 },
    });
  });

  it('a 2xx that is not a GenerateContentResponse is a clear 502', () => {
    expect(() => fromGeminiChat({ candidates: 'none' }, context)).toThrow("Gemini's response is not a GenerateContentResponse (no 'candidates' list).");
    expect(() => fromGeminiChat([], context)).toThrow(GatewayError);
  });

  it('usage without metadata is all null', () => {
    expect(fromGeminiUsage(undefined)).toEqual({ prompt_tokens: null, completion_tokens: null, total_tokens: null });
  });
});

describe('mapGeminiFinishReason', () => {
  const cases: [string, boolean, string][] = [
    ['STOP', false, 'stop'],
    ['STOP', true, 'tool_calls'],
    ['MAX_TOKENS', false, 'length'],
    ['MAX_TOKENS', true, 'length'],
    ...['SAFETY', 'RECITATION', 'LANGUAGE', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION'].map(
      (reason): [string, boolean, string] => [reason, false, 'content_filter'],
    ),
    ['OTHER', false, 'stop'],
    ['FINISH_REASON_UNSPECIFIED', false, 'stop'],
    ['MALFORMED_FUNCTION_CALL', false, 'stop'],
    ['UNEXPECTED_TOOL_CALL', false, 'stop'],
    ['TOO_MANY_TOOL_CALLS', true, 'tool_calls'],
    ['SOMETHING_NEW', false, 'stop'],
  ];
  it.each(cases)('%s (tool calls: %s) → %s', (reason, hasToolCalls, expected) => {
    expect(mapGeminiFinishReason(reason, hasToolCalls)).toBe(expected);
  });
});

describe('chat stream fold', () => {
  it('chat.stream.sse: text, role once, finish reason and usage on the last chunk, same at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(fixtureBytes('chat.stream.sse'), () => createGeminiChatStream(streamContext));
    expect(error).toBeNull();
    expect(chunks).toHaveLength(3);
    expect(chunks[0]).toEqual({
      id: 'mDdTaKvGBo2OnvgP0q-h6Qs',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'gemini-2.5-flash',
      choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: 'Bien sûr ! Voici', tool_calls: null } }],
    });
    expect(chunks[1].choices[0].delta.role).toBeNull();
    expect(summariseChat(chunks)).toEqual({
      text: 'Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !',
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 11, completion_tokens: 46, total_tokens: 57, completion_tokens_details: { reasoning_tokens: 28 } },
    });
    expect(chunks.filter((chunk) => chunk.usage)).toHaveLength(1);
  });

  it('chat-unicode.stream.sse: non-ASCII split inside characters at every byte', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-unicode.stream.sse'), () => createGeminiChatStream(streamContext));
    expect(summariseChat(chunks)).toEqual({
      text: '東京の天気は晴れ☀️、気温は23℃です。Straße naß — 👩🏽‍💻 ok',
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 7, completion_tokens: 21, total_tokens: 28 },
    });
  });

  it('chat-tool-calls.stream.sse: text, then one whole tool-call delta per call, finish tool_calls; ids match the non-streamed answer', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-tool-calls.stream.sse'), () => createGeminiChatStream(streamContext));
    const responseId = '7lBFaaq0M-LUnvgPrv6ekAs';
    const firstId = `${derivedId(responseId, 0, 0, 'get_weather', { location: 'Paris, France' })}.sig.${SIGNATURE}`;
    const secondId = derivedId(responseId, 0, 1, 'get_weather', { location: 'São Paulo, Brazil' });
    expect(summariseChat(chunks)).toEqual({
      text: 'Je regarde la météo des deux villes.',
      finishReason: 'tool_calls',
      toolCalls: [
        { id: firstId, name: 'get_weather', arguments: '{"location":"Paris, France"}' },
        { id: secondId, name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' },
      ],
      usage: { prompt_tokens: 87, completion_tokens: 83, total_tokens: 170, completion_tokens_details: { reasoning_tokens: 44 } },
    });
    // The last event holds the second call and the finish: they go apart, the finish (with usage) last, as OpenAI sends it.
    expect(chunks).toHaveLength(4);
    expect(chunks[2].choices[0]).toEqual({
      index: 0,
      finish_reason: null,
      delta: { role: null, content: null, tool_calls: [{ index: 1, id: secondId, type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' } }] },
    });
    expect(chunks[2].usage).toBeUndefined();
    expect(chunks[3].choices).toEqual([{ index: 0, finish_reason: 'tool_calls', delta: { role: null, content: null, tool_calls: null } }]);
    expect(chunks[3].usage).toEqual({ prompt_tokens: 87, completion_tokens: 83, total_tokens: 170, completion_tokens_details: { reasoning_tokens: 44 } });

    // The same answer, not streamed: one response holding every part.
    const events = fixtureBytes('chat-tool-calls.stream.sse').toString('utf8').split('\r\n\r\n').filter(Boolean).map((event) => JSON.parse(event.slice(6)));
    const whole = { responseId, candidates: [{ content: { parts: events.flatMap((event) => event.candidates[0].content.parts) }, finishReason: 'STOP' }] };
    expect(fromGeminiChat(whole, context).choices[0].message.tool_calls!.map((call) => call.id)).toEqual([firstId, secondId]);
  });

  it('error-midstream.stream.sse: the chunks before it, then a GatewayError with the vendor message', async () => {
    const { chunks, error } = await replayEverySplitOutcome(fixtureBytes('error-midstream.stream.sse'), () => createGeminiChatStream(streamContext));
    expect(chunks.map((chunk) => chunk.choices[0].delta.content)).toEqual(['Voilà le début de la réponse, ']);
    expect(error).toMatchObject({
      status: 502,
      message: expect.stringContaining('An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting'),
    });
    expect(error!.message).toContain("endpoint 'gem'");
  });

  it('a stream that ends without a finishReason was cut off: a 502, retryable like a dropped connection (it only is before a first chunk)', async () => {
    const wire = fixtureBytes('chat.stream.sse').toString('utf8').split('\r\n\r\n')[0] + '\r\n\r\n';
    const { chunks, error } = await replayOutcome([Buffer.from(wire)], createGeminiChatStream(streamContext));
    expect(chunks).toHaveLength(1);
    expect(error).toMatchObject({ status: 502, retryable: true, message: 'Gemini ended the stream before the answer was complete (no finishReason).' });
  });

  it('a stream with no candidate and no block reason (an empty answer) ends with one empty stop chunk; an empty body is still cut off', async () => {
    const wire = `data: ${JSON.stringify(readJsonFixture('gemini', 'chat-no-candidates.response.json'))}\r\n\r\n`;
    const { chunks, error } = await replayOutcome([Buffer.from(wire)], createGeminiChatStream(streamContext));
    expect(error).toBeNull();
    expect(chunks).toEqual([
      {
        id: 'q3xHabrUDcWm1dkP8b7L0QQ',
        object: 'chat.completion.chunk',
        created: 1_700_000_000,
        model: 'gemini-2.5-flash',
        choices: [{ index: 0, finish_reason: 'stop', delta: { role: 'assistant', content: null, tool_calls: null } }],
        usage: { prompt_tokens: 3184, completion_tokens: 0, total_tokens: 3184 },
      },
    ]);
    const completions = await replayOutcome([Buffer.from(wire)], createGeminiCompletionsStream(streamContext));
    expect(completions.chunks.map((chunk) => chunk.choices)).toEqual([[{ index: 0, finish_reason: 'stop', text: null }]]);
    const nothing = await replayOutcome([Buffer.from('')], createGeminiChatStream(streamContext));
    expect(nothing.error).toMatchObject({ status: 502, message: 'Gemini ended the stream before the answer was complete (no finishReason).' });
  });

  it('a blocked prompt in a stream is one content_filter chunk saying why, as the answer does', async () => {
    const wire = `data: ${JSON.stringify(readJsonFixture('gemini', 'chat-blocked-prompt.response.json'))}\r\n\r\n`;
    const { chunks, error } = await replayOutcome([Buffer.from(wire)], createGeminiChatStream(streamContext));
    expect(error).toBeNull();
    expect(chunks).toEqual([
      {
        id: 'Wk5FaZTqGcOgnvgPqcnS6Qk',
        object: 'chat.completion.chunk',
        created: 1_700_000_000,
        model: 'gemini-2.5-flash',
        choices: [
          { index: 0, finish_reason: 'content_filter', delta: { role: 'assistant', content: null, tool_calls: null, refusal: 'Gemini blocked the prompt (PROHIBITED_CONTENT).' } },
        ],
        usage: { prompt_tokens: 9, completion_tokens: 0, total_tokens: 9 },
      },
    ]);
  });

  it('chat-safety.stream.sse: the text before the filter, then a content_filter finish whose refusal says why, same at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(fixtureBytes('chat-safety.stream.sse'), () => createGeminiChatStream(streamContext));
    expect(error).toBeNull();
    expect(summariseChat(chunks)).toMatchObject({ text: "Voici les étapes pour préparer le mélange : d'abord, réunir", finishReason: 'content_filter' });
    expect(chunks[chunks.length - 1]).toEqual({
      id: 'u2JHaZ7rK8yWnvgPx5mB4Qo',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'gemini-2.5-flash',
      choices: [
        {
          index: 0,
          finish_reason: 'content_filter',
          delta: { role: null, content: null, tool_calls: null, refusal: 'Gemini blocked the answer (SAFETY: HARM_CATEGORY_DANGEROUS_CONTENT).' },
        },
      ],
      usage: { prompt_tokens: 14, completion_tokens: 16, total_tokens: 30 },
    });
    expect(chunks.filter((chunk) => 'refusal' in chunk.choices[0].delta)).toHaveLength(1);
  });

  it("completions' legacy top_logprobs: the chosen token always in the step's map, a token string twice keeps its better logprob, __proto__ a token like any other", () => {
    const answer = fromGeminiCompletions(
      {
        candidates: [
          {
            content: { role: 'model', parts: [{ text: '__proto__ x' }] },
            finishReason: 'STOP',
            logprobsResult: {
              chosenCandidates: [{ token: '__proto__', logProbability: -3 }, { token: ' x', logProbability: -0.5 }],
              topCandidates: [{ candidates: [{ token: 'a', logProbability: -0.1 }] }, { candidates: [{ token: ' x', logProbability: -0.5 }, { token: ' x', logProbability: -0.9 }] }],
            },
          },
        ],
      },
      context,
    );
    expect(JSON.parse(JSON.stringify(answer.choices[0].logprobs))).toEqual({
      tokens: ['__proto__', ' x'],
      token_logprobs: [-3, -0.5],
      top_logprobs: [{ a: -0.1, ['__proto__']: -3 }, { ' x': -0.5 }],
    });
  });

  it('chat-logprobs.stream.sse as completions: each chunk carries the legacy logprobs of its tokens, as the answer has them all, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-logprobs.stream.sse'), () => createGeminiCompletionsStream(streamContext));
    expect(chunks.map((chunk) => chunk.choices[0].logprobs?.tokens)).toEqual([['Oui', ',', ' à'], [' Paris', ' ☀️']]);
    const answer = fromGeminiCompletions(readJsonFixture('gemini', 'chat-logprobs.response.json'), context);
    const joined = (key: 'tokens' | 'token_logprobs' | 'top_logprobs') => chunks.flatMap((chunk) => (chunk.choices[0].logprobs?.[key] ?? []) as unknown[]);
    expect({ tokens: joined('tokens'), token_logprobs: joined('token_logprobs'), top_logprobs: joined('top_logprobs') }).toEqual(answer.choices[0].logprobs);
  });

  it('chat-logprobs.stream.sse: each chunk carries the logprobs of its tokens, as the answer has them all, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-logprobs.stream.sse'), () => createGeminiChatStream(streamContext));
    expect(chunks.map((chunk) => chunk.choices[0].logprobs?.content?.length)).toEqual([3, 2]);
    const answer = fromGeminiChat(readJsonFixture('gemini', 'chat-logprobs.response.json'), context);
    expect(chunks.flatMap((chunk) => chunk.choices[0].logprobs?.content ?? [])).toEqual(answer.choices[0].logprobs?.content);
  });

  it('an event that is not JSON is a 502 quoting it; an auth error mid-stream never names a key', () => {
    expect(() => createGeminiChatStream(streamContext).event({ event: undefined, data: '<html>oops' })).toThrow('Gemini sent a stream event that is not a JSON object: <html>oops');
    expect(() => createGeminiChatStream(streamContext).event({ event: undefined, data: '<html>oops' })).toThrow(expect.objectContaining({ retryable: true }));
    const auth = geminiStreamError(readJsonFixture('gemini', 'error-400-api-key-invalid.json'), 'gem');
    expect(auth).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect(geminiStreamError(readJsonFixture('gemini', 'error-429.json'), 'gem')).toMatchObject({ status: 429, retryAfter: '27' });
  });
});

describe('completions stream fold', () => {
  it('chat.stream.sse as completions chunks, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.sse'), () => createGeminiCompletionsStream(streamContext));
    expect(chunks[0]).toEqual({
      id: 'mDdTaKvGBo2OnvgP0q-h6Qs',
      object: 'text_completion_chunk',
      created: 1_700_000_000,
      model: 'gemini-2.5-flash',
      choices: [{ index: 0, finish_reason: null, text: 'Bien sûr ! Voici' }],
    });
    const choices = (chunks as CompletionsChunk[]).flatMap((chunk) => chunk.choices);
    expect(choices.map((choice) => choice.text).join('')).toBe('Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !');
    expect(choices[choices.length - 1].finish_reason).toBe('stop');
    expect(chunks[chunks.length - 1].usage).toEqual({ prompt_tokens: 11, completion_tokens: 46, total_tokens: 57, completion_tokens_details: { reasoning_tokens: 28 } });
  });
});

describe('Gemini error bodies', () => {
  /** Google's `status` is the code a refused request shows on `/v1`. */
  const status = (code: string) => ({ type: null, code, param: null });
  it.each([
    ['error-400.json', "Invalid JSON payload received. Unknown name \"foo\" at 'generation_config': Cannot find field.", { authFailure: false, retryAfter: null, vendorError: status('INVALID_ARGUMENT') }],
    ['error-400-api-key-invalid.json', 'API key not valid. Please pass a valid API key.', { authFailure: true, retryAfter: null, vendorError: status('INVALID_ARGUMENT') }],
    ['error-403.json', expect.stringMatching(/^Method doesn't allow unregistered callers/), { authFailure: false, retryAfter: null, vendorError: status('PERMISSION_DENIED') }],
    ['error-404.json', expect.stringMatching(/^models\/gemini-9.9-ultra is not found/), { authFailure: false, retryAfter: null, vendorError: status('NOT_FOUND') }],
    ['error-429.json', expect.stringMatching(/^You exceeded your current quota/), { authFailure: false, retryAfter: '27', vendorError: status('RESOURCE_EXHAUSTED') }],
  ])('%s', (name, message, hints) => {
    const body = readJsonFixture('gemini', name);
    expect(geminiErrorMessage(body)).toEqual(message);
    expect(geminiErrorHints(body)).toEqual(hints);
  });

  it('other shapes', () => {
    expect(geminiErrorMessage([{ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } }])).toBe(
      'The model is overloaded. Please try again later.',
    );
    expect(geminiErrorHints({ error: { details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '45.578569677s' }] } }).retryAfter).toBe('46');
    expect(geminiErrorMessage({ error: 'x' })).toBeNull();
    expect(geminiErrorMessage('text')).toBeNull();
    expect(geminiErrorHints(null)).toEqual({});
  });
});

describe('geminiAdapter.createEndpoint against a local upstream', () => {
  const KEY = 'AIzaSy-TEST-KEY-never-shown';
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('gemini', 'chat.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  function endpoint(endpointType: EndpointType, modelName: string | null = 'gemini-2.5-flash') {
    const settings: EndpointSettings<GeminiConfig> = {
      name: 'gem',
      endpointType,
      modelName,
      config: { gemini_api_key: KEY, gemini_api_base: `${fake.url}/v1beta` },
      now: () => 1_700_000_000,
      timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    };
    return geminiAdapter.createEndpoint(settings);
  }

  it('exposes only the methods of its endpoint type and needs a model name', () => {
    expect(Object.keys(endpoint('llm/v1/chat')).sort()).toEqual(['chat', 'chatStream']);
    expect(Object.keys(endpoint('llm/v1/completions')).sort()).toEqual(['completions', 'completionsStream']);
    expect(Object.keys(endpoint('llm/v1/embeddings'))).toEqual(['embeddings']);
    expect(() => endpoint('llm/v1/chat', null)).toThrow("A Gemini endpoint needs 'model.name' (e.g. gemini-2.5-flash).");
    // `name: ""` (a templated value left empty) would call models/:generateContent, a 404 every time.
    expect(() => endpoint('llm/v1/chat', '')).toThrow("A Gemini endpoint needs 'model.name' (e.g. gemini-2.5-flash).");
  });

  it('chat: path, key header (not in the URL), body; mapped answer', async () => {
    const response = await endpoint('llm/v1/chat').chat!({ messages: [{ role: 'user', content: 'Salut' }] }, callContext());
    const [request] = fake.requests;
    expect(request.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(request.headers['x-goog-api-key']).toBe(KEY);
    expect(request.url).not.toContain(KEY);
    expect(request.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Salut' }] }] });
    expect(response.choices[0].message.content).toBe('Bonjour ! Un café ☕ ? Je suis là pour aider.');
  });

  it('completions stream: ?alt=sse path, fixture chunks come through', async () => {
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(fixtureBytes('chat.stream.sse'));
    });
    let text = '';
    for await (const chunk of endpoint('llm/v1/completions').completionsStream!({ prompt: 'p', stream: true }, callContext())) text += chunk.choices[0]?.text ?? '';
    expect(fake.requests[0].url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(text).toBe('Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !');
  });

  it('embeddings: single and batch paths', async () => {
    fake.setHandler((request, response) =>
      sendJson(response, 200, readJsonFixture('gemini', request.url.endsWith(':embedContent') ? 'embed-content.response.json' : 'batch-embed-contents.response.json')),
    );
    const embeddings = endpoint('llm/v1/embeddings', 'gemini-embedding-001');
    await embeddings.embeddings!({ input: 'a' }, callContext());
    const batch = await embeddings.embeddings!({ input: ['a', 'b', 'c'] }, callContext());
    expect(fake.requests.map((request) => request.url)).toEqual([
      '/v1beta/models/gemini-embedding-001:embedContent',
      '/v1beta/models/gemini-embedding-001:batchEmbedContents',
    ]);
    expect(batch.data).toHaveLength(3);
  });

  it('400 API_KEY_INVALID is an auth failure: 502 naming the endpoint, never the key', async () => {
    fake.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('gemini', 'error-400-api-key-invalid.json')));
    const error = await gatewayRejectionOf(() => endpoint('llm/v1/chat').chat!({ messages: [{ role: 'user', content: 'x' }] }, callContext()));
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect(error.message).toContain("endpoint 'gem'");
    expect(error.message).toContain('upstream status 400');
    expect(error.message).not.toContain(KEY);
  });

  it('a plain 400 keeps its status and message; 429 takes Retry-After from RetryInfo unless the header is sent', async () => {
    fake.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('gemini', 'error-400.json')));
    const chat = endpoint('llm/v1/chat');
    const request = { messages: [{ role: 'user', content: 'x' }] };
    expect(await gatewayRejectionOf(() => chat.chat!(request, callContext()))).toMatchObject({ status: 400, message: expect.stringContaining('Unknown name "foo"') });
    fake.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('gemini', 'error-429.json')));
    expect(await gatewayRejectionOf(() => chat.chat!(request, callContext()))).toMatchObject({ status: 429, retryAfter: '27' });
    fake.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('gemini', 'error-429.json'), { 'retry-after': '5' }));
    expect(await gatewayRejectionOf(() => chat.chat!(request, callContext()))).toMatchObject({ status: 429, retryAfter: '5' });
  });
});
