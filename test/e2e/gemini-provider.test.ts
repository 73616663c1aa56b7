/**
 * The `gemini` provider end to end: the official OpenAI client (through /v1) and our SDK (through
 * the MLflow routes) against the gateway, which calls a fake Gemini API on 127.0.0.1.
 */
import type OpenAI from 'openai';
import { createGatewayClient } from '../../src/client';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson } from '../support/fake-upstream';
import { openaiErrorOf } from '../support/errors';
import { parseSse } from '../support/gateway';
import { serveGeminiFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const KEY = 'AIzaSyTESTKEY-gemini-never-shown';

const config = (upstreamUrl: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: gemini
      name: gemini-2.5-flash
      config:
        gemini_api_key: $GEMINI_KEY
        gemini_api_base: ${upstreamUrl}/v1beta
        temperature: 0.3
  - name: chat-capped
    endpoint_type: llm/v1/chat
    model:
      provider: gemini
      name: gemini-2.5-flash
      config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${upstreamUrl}/v1beta", max_tokens: 512 }
  - name: completions
    endpoint_type: llm/v1/completions
    model:
      provider: gemini
      name: gemini-2.0-flash
      config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${upstreamUrl}/v1beta" }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: gemini
      name: gemini-embedding-001
      config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${upstreamUrl}/v1beta" }
`;

const setup = useGatewayWithUpstreams({ upstreams: { gemini: serveGeminiFixtures('gemini-2.0-flash') }, config: (urls) => config(urls.gemini), env: { GEMINI_KEY: KEY } });
const { upstreams } = setup;

const lastRequest = () => upstreams.gemini.requests[upstreams.gemini.requests.length - 1];

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather',
    parameters: {
      type: 'object',
      properties: { location: { type: 'string', minLength: 2 }, unit: { anyOf: [{ const: 'celsius' }, { const: 'fahrenheit' }] } },
      required: ['location'],
      $defs: { unused: { type: 'string', format: 'date' } },
      additionalProperties: false,
    },
  },
};

describe('openai client through /v1', () => {
  test('chat: answer and usage; upstream URL, key header (not in the URL), body with the endpoint default only', async () => {
    const completion = await setup.openai.chat.completions.create({
      model: 'chat',
      messages: [
        { role: 'system', content: 'Sois bref.' },
        { role: 'user', content: 'Salut' },
      ],
    });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ☕ ? Je suis là pour aider.');
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.usage).toEqual({ prompt_tokens: 12, completion_tokens: 49, total_tokens: 61, completion_tokens_details: { reasoning_tokens: 35 } });
    const sent = lastRequest();
    expect(sent.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(sent.headers['x-goog-api-key']).toBe(KEY);
    expect(sent.url).not.toContain(KEY);
    expect(sent.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Salut' }] }],
      systemInstruction: { parts: [{ text: 'Sois bref.' }] },
      generationConfig: { temperature: 0.3 },
    });
  });

  test("an endpoint's max_tokens default gives way to the client's max_completion_tokens (the same setting) instead of a 400 for sending both", async () => {
    const messages = [{ role: 'user' as const, content: 'Salut' }];
    await setup.openai.chat.completions.create({ model: 'chat-capped', messages, max_completion_tokens: 64 });
    expect((lastRequest().body as { generationConfig: unknown }).generationConfig).toEqual({ maxOutputTokens: 64 });
    await setup.openai.chat.completions.create({ model: 'chat-capped', messages });
    expect((lastRequest().body as { generationConfig: unknown }).generationConfig).toEqual({ maxOutputTokens: 512 });
  });

  test('tool calls: full JSON Schema (each const also as an enum, which Gemini reads) and tool_choice sent; ids stable across identical calls and unique within one', async () => {
    const ask = () =>
      setup.openai.chat.completions.create({
        model: 'chat',
        messages: [{ role: 'user', content: 'Météo à Paris et São Paulo ?' }],
        tools: [weatherTool],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
        max_tokens: 200,
      });
    const first = await ask();
    expect(lastRequest().body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Météo à Paris et São Paulo ?' }] }],
      generationConfig: { temperature: 0.3, maxOutputTokens: 200 },
      tools: [
        {
          functionDeclarations: [
            {
              name: 'get_weather',
              description: 'Current weather',
              parametersJsonSchema: {
                ...weatherTool.function.parameters,
                properties: { ...weatherTool.function.parameters.properties, unit: { anyOf: [{ const: 'celsius', enum: ['celsius'] }, { const: 'fahrenheit', enum: ['fahrenheit'] }] } },
              },
            },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } },
    });
    const second = await ask();
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    const calls = first.choices[0].message.tool_calls ?? [];
    expect(calls.map((call) => (call.type === 'function' ? [call.function.name, JSON.parse(call.function.arguments)] : null))).toEqual([
      ['get_weather', { location: 'Paris, France', unit: 'celsius' }],
      ['get_weather', { location: 'São Paulo, Brazil', unit: 'celsius' }],
    ]);
    const ids = calls.map((call) => call.id);
    expect(new Set(ids).size).toBe(2);
    expect((second.choices[0].message.tool_calls ?? []).map((call) => call.id)).toEqual(ids);
  });

  test('streamed tool calls: the client assembles text, names, arguments and ids; finish tool_calls; usage', async () => {
    const streamOnce = async () => {
      const stream = setup.openai.chat.completions.stream({ model: 'chat', messages: [{ role: 'user', content: 'Météo ?' }], tools: [weatherTool] });
      return stream.finalChatCompletion();
    };
    const final = await streamOnce();
    expect(lastRequest().url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(lastRequest().headers['x-goog-api-key']).toBe(KEY);
    const message = final.choices[0].message;
    expect(message.content).toBe('Je regarde la météo des deux villes.');
    const calls = (message.tool_calls ?? []).map((call) => (call.type === 'function' ? [call.function.name, JSON.parse(call.function.arguments)] : null));
    expect(calls).toEqual([
      ['get_weather', { location: 'Paris, France' }],
      ['get_weather', { location: 'São Paulo, Brazil' }],
    ]);
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    expect(final.usage?.total_tokens).toBe(170);
    const ids = (message.tool_calls ?? []).map((call) => call.id);
    expect(new Set(ids).size).toBe(2);
    expect(((await streamOnce()).choices[0].message.tool_calls ?? []).map((call) => call.id)).toEqual(ids);
  });

  test('the tool round trip: calls go back as functionCall parts (with their thought signature), results as functionResponse', async () => {
    const first = await setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Météo ?' }], tools: [weatherTool] });
    const assistant = first.choices[0].message;
    const calls = assistant.tool_calls ?? [];
    const signature = readJsonFixture<{ candidates: { content: { parts: { thoughtSignature?: string }[] } }[] }>('gemini', 'chat-tool-calls.response.json')
      .candidates[0].content.parts[0].thoughtSignature;
    await setup.openai.chat.completions.create({
      model: 'chat',
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Météo ?' },
        assistant,
        { role: 'tool', tool_call_id: calls[0].id, content: '{"temperature":21}' },
        { role: 'tool', tool_call_id: calls[1].id, content: 'Ensoleillé, 27 °C' },
      ],
    });
    const contents = (lastRequest().body as { contents: unknown[] }).contents;
    expect(contents).toEqual([
      { role: 'user', parts: [{ text: 'Météo ?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { id: expect.stringMatching(/^call_[0-9a-f]{24}$/), name: 'get_weather', args: { location: 'Paris, France', unit: 'celsius' } }, thoughtSignature: signature },
          { functionCall: { id: calls[1].id, name: 'get_weather', args: { location: 'São Paulo, Brazil', unit: 'celsius' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { id: expect.stringMatching(/^call_[0-9a-f]{24}$/), name: 'get_weather', response: { temperature: 21 } } },
          { functionResponse: { id: calls[1].id, name: 'get_weather', response: { output: 'Ensoleillé, 27 °C' } } },
        ],
      },
    ]);
  });

  test('streamed chat text, including multi-byte characters', async () => {
    const stream = await setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !');
    expect(finish).toBe('stop');
  });

  test('completions and embeddings (the client asks for base64 by default and decodes it)', async () => {
    const completion = await setup.openai.completions.create({ model: 'completions', prompt: 'Il était une fois', max_tokens: 16 });
    expect(completion.choices[0]).toMatchObject({ text: 'Il était une fois, dans un petit café de Montréal, une barista', finish_reason: 'length' });
    expect(lastRequest().body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Il était une fois' }] }], generationConfig: { maxOutputTokens: 16 } });

    const embeddings = await setup.openai.embeddings.create({ model: 'embeddings', input: ['a', 'b', 'c'] });
    expect(lastRequest().url).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    const expected = readJsonFixture<{ embeddings: { values: number[] }[] }>('gemini', 'batch-embed-contents.response.json').embeddings;
    expect(embeddings.data.map((item) => item.embedding.length)).toEqual(expected.map((item) => item.values.length));
    embeddings.data.forEach((item, index) => item.embedding.forEach((value, position) => expect(value).toBeCloseTo(expected[index].values[position], 6)));
  });

  test('embeddings of more than 100 texts (OpenAI takes 2,048) are sent as batches of 100, answered in input order', async () => {
    // As Gemini answers: https://ai.google.dev/api/embeddings#method:-models.batchembedcontents
    upstreams.gemini.setHandler((request, response) => {
      const requests = (request.body as { requests: { content: { parts: { text: string }[] } }[] }).requests;
      if (requests.length > 100) {
        return sendJson(response, 400, { error: { code: 400, message: '* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n', status: 'INVALID_ARGUMENT' } });
      }
      sendJson(response, 200, { embeddings: requests.map(({ content }) => ({ values: [Number(content.parts[0].text), 0.5] })) });
    });
    const input = Array.from({ length: 250 }, (_, index) => String(index));
    const embeddings = await setup.openai.embeddings.create({ model: 'embeddings', input });
    expect(upstreams.gemini.requests.map((request) => (request.body as { requests: unknown[] }).requests.length)).toEqual([100, 100, 50]);
    expect(embeddings.data.map((item) => [item.index, item.embedding[0]])).toEqual(input.map((_, index) => [index, index]));
  });

  test('an answer with no candidate and no block reason gives the client one empty choice, not an empty list, streamed or not', async () => {
    const empty = readJsonFixture('gemini', 'chat-no-candidates.response.json');
    upstreams.gemini.setHandler((request, response) => {
      if (!request.url.includes('streamGenerateContent')) return sendJson(response, 200, empty);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`data: ${JSON.stringify(empty)}\r\n\r\n`);
    });
    const completion = await setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Résume ce fil.' }] });
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]).toMatchObject({ message: { role: 'assistant', content: null }, finish_reason: 'stop' });
    expect(completion.usage).toMatchObject({ prompt_tokens: 3184, completion_tokens: 0 });

    const stream = await setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Résume ce fil.' }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual(['stop']);
  });

  test('image URLs go as fileData with the media type their extension names; data URLs as inlineData', async () => {
    const image = (url: string) => ({ type: 'image_url' as const, image_url: { url } });
    await setup.openai.chat.completions.create({
      model: 'chat',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare.' },
            image('https://images.example.com/paris.JPG?width=800'),
            image('https://images.example.com/rio.webp'),
            image('https://images.example.com/render?id=7'),
            image('data:image/jpg;base64,/9j/4AAQ'),
          ],
        },
      ],
    });
    expect((lastRequest().body as { contents: { parts: unknown[] }[] }).contents[0].parts).toEqual([
      { text: 'Compare.' },
      { fileData: { mimeType: 'image/jpeg', fileUri: 'https://images.example.com/paris.JPG?width=800' } },
      { fileData: { mimeType: 'image/webp', fileUri: 'https://images.example.com/rio.webp' } },
      { fileData: { fileUri: 'https://images.example.com/render?id=7' } },
      { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } },
    ]);
  });

  test('an image URL Gemini cannot fetch (a desktop app\'s file:// path) is a 400 naming the part, and nothing is sent', async () => {
    const sent = upstreams.gemini.requests.length;
    const { status, error } = await openaiErrorOf(
      setup.openai.chat.completions.create({
        model: 'chat',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'What is on my screen?' }, { type: 'image_url', image_url: { url: 'file:///Users/ana/Desktop/screenshot.png' } }] }],
      }),
    );
    expect({ status, error }).toEqual({
      status: 400,
      error: {
        message: "'messages[0].content[1].image_url.url' must be a base64 data URL (data:<mime type>;base64,...), an http(s) URL or a gs:// URI.",
        type: 'invalid_request_error',
        param: 'messages[0].content[1].image_url.url',
        code: 'invalid_value',
      },
    });
    expect(upstreams.gemini.requests.length).toBe(sent);
  });

  test("an image's detail (low, high, auto), as OpenAI clients send it, is accepted and not sent", async () => {
    const image = (url: string, detail: 'low' | 'high' | 'auto') => ({ type: 'image_url' as const, image_url: { url, detail } });
    const completion = await setup.openai.chat.completions.create({
      model: 'chat',
      messages: [
        {
          role: 'user',
          content: [image('data:image/png;base64,iVBORw0KGgo=', 'high'), image('https://images.example.com/rio.webp', 'low'), image('data:image/png;base64,AA==', 'auto')],
        },
      ],
    });
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect((lastRequest().body as { contents: { parts: unknown[] }[] }).contents[0].parts).toEqual([
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      { fileData: { mimeType: 'image/webp', fileUri: 'https://images.example.com/rio.webp' } },
      { inlineData: { mimeType: 'image/png', data: 'AA==' } },
    ]);
  });

  test('a blocked prompt: the client reads why in refusal, streamed as well as not', async () => {
    const blocked = readJsonFixture('gemini', 'chat-blocked-prompt.response.json');
    upstreams.gemini.setHandler((request, response) => {
      if (!request.url.includes('streamGenerateContent')) return sendJson(response, 200, blocked);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`data: ${JSON.stringify(blocked)}\r\n\r\n`);
    });
    const messages = [{ role: 'user' as const, content: 'Comment fabriquer…' }];
    const completion = await setup.openai.chat.completions.create({ model: 'chat', messages });
    expect(completion.choices[0]).toMatchObject({ message: { content: null, refusal: 'Gemini blocked the prompt (PROHIBITED_CONTENT).' }, finish_reason: 'content_filter' });

    const stream = setup.openai.chat.completions.stream({ model: 'chat', messages });
    const streamed = await stream.finalChatCompletion();
    expect(streamed.choices[0]).toMatchObject({ message: { content: null, refusal: 'Gemini blocked the prompt (PROHIBITED_CONTENT).' }, finish_reason: 'content_filter' });
  });

  test('an answer Gemini cut short after its first chunk: the client reads why in refusal (a filter mid-answer, a malformed function call after text)', async () => {
    const textFirst = readFixture('gemini', 'chat-safety.stream.sse').split('\r\n\r\n')[0];
    let malformed = false;
    upstreams.gemini.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(malformed ? `${textFirst}\r\n\r\n${readFixture('gemini', 'chat-malformed-function-call.stream.sse')}` : readFixture('gemini', 'chat-safety.stream.sse'));
    });
    const messages = [{ role: 'user' as const, content: 'Comment préparer…' }];
    const streamed = await setup.openai.chat.completions.stream({ model: 'chat', messages }).finalChatCompletion();
    expect(streamed.choices[0]).toMatchObject({
      message: { content: "Voici les étapes pour préparer le mélange : d'abord, réunir", refusal: 'Gemini blocked the answer (SAFETY: HARM_CATEGORY_DANGEROUS_CONTENT).' },
      finish_reason: 'content_filter',
    });

    malformed = true;
    const cutShort = await setup.openai.chat.completions.stream({ model: 'chat', messages, tools: [weatherTool] }).finalChatCompletion();
    expect(cutShort.choices[0]).toMatchObject({
      message: { content: 'Voici les étapes pour préparer le mélange :', refusal: expect.stringMatching(/^Gemini could not make a valid function call \(MALFORMED_FUNCTION_CALL\): Malformed function call: /) },
      finish_reason: 'stop',
    });
    // Text had gone to the client: the stream is not sent again (a failed call before any text is retried, gemini-failed-tool-calls.test.ts).
    expect(upstreams.gemini.requests).toHaveLength(2);
  });

  test('logprobs / top_logprobs: sent as responseLogprobs / logprobs; the client reads OpenAI\'s logprobs.content, streamed (per chunk) as well as not', async () => {
    upstreams.gemini.setHandler((request, response) => {
      if (!request.url.includes('streamGenerateContent')) return sendJson(response, 200, readJsonFixture('gemini', 'chat-logprobs.response.json'));
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(readFixture('gemini', 'chat-logprobs.stream.sse'));
    });
    const messages = [{ role: 'user' as const, content: 'Il fait beau ?' }];
    const completion = await setup.openai.chat.completions.create({ model: 'chat', messages, logprobs: true, top_logprobs: 2 });
    expect((lastRequest().body as { generationConfig: unknown }).generationConfig).toEqual({ temperature: 0.3, responseLogprobs: true, logprobs: 2 });
    const content = completion.choices[0].logprobs?.content ?? [];
    expect(content.map((entry) => entry.token).join('')).toBe(completion.choices[0].message.content);
    expect(content[4]).toEqual({
      token: ' ☀️',
      logprob: -1.0712,
      bytes: [32, 0xe2, 0x98, 0x80, 0xef, 0xb8, 0x8f],
      top_logprobs: [
        { token: ' ☀️', logprob: -1.0712, bytes: [32, 0xe2, 0x98, 0x80, 0xef, 0xb8, 0x8f] },
        { token: '.', logprob: -0.4187, bytes: [46] },
      ],
    });

    const stream = await setup.openai.chat.completions.create({ model: 'chat', messages, logprobs: true, top_logprobs: 2, stream: true });
    const streamed: OpenAI.Chat.Completions.ChatCompletionTokenLogprob[] = [];
    for await (const chunk of stream) streamed.push(...(chunk.choices[0]?.logprobs?.content ?? []));
    expect(streamed).toEqual(content);

    await expect(setup.openai.chat.completions.create({ model: 'chat', messages, top_logprobs: 2 })).rejects.toMatchObject({ status: 400, error: { param: 'top_logprobs' } });
  });

  test("completions' logprobs: N: sent as responseLogprobs / logprobs; the client reads OpenAI's legacy tokens, token_logprobs and top_logprobs, streamed (per chunk) as well as not", async () => {
    upstreams.gemini.setHandler((request, response) => {
      if (!request.url.includes('streamGenerateContent')) return sendJson(response, 200, readJsonFixture('gemini', 'chat-logprobs.response.json'));
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(readFixture('gemini', 'chat-logprobs.stream.sse'));
    });
    const completion = await setup.openai.completions.create({ model: 'completions', prompt: 'Il fait beau ?', logprobs: 2 });
    expect((lastRequest().body as { generationConfig: unknown }).generationConfig).toEqual({ responseLogprobs: true, logprobs: 2 });
    const logprobs = completion.choices[0].logprobs;
    expect(logprobs?.tokens?.join('')).toBe(completion.choices[0].text);
    expect(logprobs).toEqual({
      tokens: ['Oui', ',', ' à', ' Paris', ' ☀️'],
      token_logprobs: [-0.0021, -0.0154, -0.2876, -0.0003, -1.0712],
      top_logprobs: [
        { Oui: -0.0021, Non: -6.31 },
        { ',': -0.0154, ' !': -4.2 },
        { ' à': -0.2876, ' il': -1.39 },
        { ' Paris': -0.0003, ' Lyon': -8.52 },
        { ' ☀️': -1.0712, '.': -0.4187 },
      ],
    });

    const stream = await setup.openai.completions.create({ model: 'completions', prompt: 'Il fait beau ?', logprobs: 2, stream: true });
    const tokens: string[] = [];
    for await (const chunk of stream) tokens.push(...(chunk.choices[0]?.logprobs?.tokens ?? []));
    expect(tokens).toEqual(logprobs?.tokens);

    await expect(setup.openai.completions.create({ model: 'completions', prompt: 'Il fait beau ?', logprobs: true as unknown as number })).rejects.toMatchObject({
      status: 400,
      error: { param: 'logprobs' },
    });
  });

  test('an unsupported parameter is a 400 naming it and the provider', async () => {
    await expect(setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }], logit_bias: { '50256': -100 } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("The parameter 'logit_bias' is not supported by Gemini."),
    });
    expect(upstreams.gemini.requests).toHaveLength(0);
  });
});

describe('our SDK through the MLflow routes', () => {
  const sdk = () => createGatewayClient({ baseUrl: setup.gateway.url });

  test('chat and streamed chat', async () => {
    const chat = await sdk().chat('chat', { messages: [{ role: 'user', content: 'Salut' }], top_k: 20, n: 1 });
    expect(chat).toEqual({
      id: 'q9xEaYHpJbWvnvgPiu-B8AQ',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gemini-2.5-flash',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ☕ ? Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 49, total_tokens: 61, completion_tokens_details: { reasoning_tokens: 35 } },
    });
    expect((lastRequest().body as { generationConfig: unknown }).generationConfig).toEqual({ temperature: 0.3, topK: 20, candidateCount: 1 });
    const chunks = [];
    for await (const chunk of sdk().streamChat('chat', { messages: [{ role: 'user', content: 'x' }] })) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !');
    expect(chunks[chunks.length - 1].usage).toEqual({ prompt_tokens: 11, completion_tokens: 46, total_tokens: 57, completion_tokens_details: { reasoning_tokens: 28 } });
  });

  test('completions and streamed completions', async () => {
    const completion = await sdk().completions('completions', { prompt: 'Il était une fois', system_prompt: 'Conte.' });
    expect(completion.choices).toEqual([{ index: 0, text: 'Il était une fois, dans un petit café de Montréal, une barista', finish_reason: 'length' }]);
    expect(lastRequest()).toMatchObject({
      url: '/v1beta/models/gemini-2.0-flash:generateContent',
      body: { contents: [{ role: 'user', parts: [{ text: 'Il était une fois' }] }], systemInstruction: { parts: [{ text: 'Conte.' }] } },
    });
    let text = '';
    for await (const chunk of sdk().streamCompletions('completions', { prompt: 'p' })) {
      expect(chunk.object).toBe('text_completion_chunk');
      text += chunk.choices[0]?.text ?? '';
    }
    expect(text).toBe('Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !');
    expect(lastRequest().url).toBe('/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse');
  });

  test('embeddings: one input → embedContent, several → batchEmbedContents', async () => {
    const single = await sdk().embeddings('embeddings', { input: 'café' });
    expect(single).toEqual({
      object: 'list',
      data: [{ object: 'embedding', embedding: [0.0131028, -0.008227963, -0.05316839, 0.021412354], index: 0 }],
      model: 'gemini-embedding-001',
      usage: { prompt_tokens: null, total_tokens: null },
    });
    expect(lastRequest()).toMatchObject({ url: '/v1beta/models/gemini-embedding-001:embedContent', body: { content: { parts: [{ text: 'café' }] } } });
    const batch = await sdk().embeddings('embeddings', { input: ['a', 'b', 'c'] });
    expect(batch.data.map((item) => item.index)).toEqual([0, 1, 2]);
    expect(lastRequest()).toMatchObject({
      url: '/v1beta/models/gemini-embedding-001:batchEmbedContents',
      body: { requests: ['a', 'b', 'c'].map((text) => ({ model: 'models/gemini-embedding-001', content: { parts: [{ text }] } })) },
    });
  });
});

describe('upstream errors keep a meaningful status and never leak the key', () => {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${setup.gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const chatBody = { messages: [{ role: 'user', content: 'x' }] };

  test.each([
    [401, 'error-401.json'],
    [403, 'error-403.json'],
    [400, 'error-400-api-key-invalid.json'],
  ])("%i %s → 502 naming the endpoint on /v1 (MLflow's status on its routes), without the key", async (status, fixture) => {
    upstreams.gemini.setHandler((_request, response) => sendJson(response, status, readJsonFixture('gemini', fixture)));
    for (const [path, body, read, expected] of [
      ['/v1/chat/completions', { model: 'chat', ...chatBody }, (text: string) => JSON.parse(text).error.message, 502],
      ['/endpoints/chat/invocations', chatBody, (text: string) => JSON.parse(text).detail, status],
    ] as const) {
      const answer = await post(path, body);
      expect(answer.status).toBe(expected);
      expect(read(answer.text)).toContain("endpoint 'chat'");
      expect(answer.text).not.toContain(KEY);
    }
  });

  test('a plain 400 keeps its status and the vendor message', async () => {
    upstreams.gemini.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('gemini', 'error-400.json')));
    const answer = await post('/endpoints/chat/invocations', chatBody);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).detail).toBe("Invalid JSON payload received. Unknown name \"foo\" at 'generation_config': Cannot find field.");
  });

  test("a refused request has Google's status as its code on /v1 (no param: Gemini names its own fields)", async () => {
    upstreams.gemini.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('gemini', 'error-400.json')));
    await expect(setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_ARGUMENT',
      param: null,
      type: 'invalid_request_error',
    });
    upstreams.gemini.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('gemini', 'error-429.json')));
    await expect(setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 429,
      code: 'RESOURCE_EXHAUSTED',
      type: 'rate_limit_error',
    });
  });

  test('429 stays 429 with Retry-After (from RetryInfo; a header wins)', async () => {
    upstreams.gemini.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('gemini', 'error-429.json')));
    const fromBody = await post('/gateway/chat/invocations', chatBody);
    expect(fromBody.status).toBe(429);
    expect(fromBody.headers.get('retry-after')).toBe('27');
    expect(JSON.parse(fromBody.text).detail).toMatch(/^You exceeded your current quota/);
    // One second: the gateway waits it out before each of its two retries.
    upstreams.gemini.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('gemini', 'error-429.json'), { 'retry-after': '1' }));
    const fromHeader = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect(fromHeader.status).toBe(429);
    expect(fromHeader.headers.get('retry-after')).toBe('1');
  });

  test('a stream refused before its first byte is a real HTTP error, not a 200', async () => {
    upstreams.gemini.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('gemini', 'error-400-api-key-invalid.json')));
    const answer = await post('/endpoints/chat/invocations', { ...chatBody, stream: true });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.text).not.toContain(KEY);
  });

  test('a Gemini error mid-stream becomes an SSE error event, which the OpenAI client raises', async () => {
    upstreams.gemini.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(readFixture('gemini', 'error-midstream.stream.sse'));
    });
    const raw = await post('/endpoints/chat/invocations', { ...chatBody, stream: true });
    expect(raw.status).toBe(200);
    const events = parseSse(raw.text);
    expect(JSON.parse(events[0].data).choices[0].delta.content).toBe('Voilà le début de la réponse, ');
    const last = events[events.length - 1];
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data).error.message).toContain('An internal error has occurred.');
    expect(raw.text).not.toContain('[DONE]');

    const stream = await setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }], stream: true });
    const consume = async () => {
      for await (const _chunk of stream) {
        // reading until the error
      }
    };
    await expect(consume()).rejects.toThrow('An internal error has occurred.');
  });
});
