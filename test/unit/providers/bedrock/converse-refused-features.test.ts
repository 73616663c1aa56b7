/**
 * What models refuse on Converse, per AWS's supported-features table
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html):
 * refused with a 400 naming the client's field before any call; what they take is sent as for
 * every Converse model.
 */
import { streamsToolsFromWholeAnswer, toConverseChat } from '../../../../src/providers/bedrock/converse';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import type { ChatRequest } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';

const jamba15 = resolveBedrockFamily('ai21.jamba-1-5-large-v1:0');
const jambaInstruct = resolveBedrockFamily('ai21.jamba-instruct-v1:0');

const weatherTool: NonNullable<ChatRequest['tools']>[number] = {
  type: 'function',
  function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const PDF_PART = { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'menu.pdf' } };

describe('AI21 Jamba 1.5 through Converse', () => {
  test('system prompt, tools and sampling go as for every Converse model, temperature halved (Converse takes 0..1)', () => {
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: 'Réponds en français.' },
        { role: 'user', content: 'Quel temps fait-il à Lyon ?' },
      ],
      tools: [weatherTool],
      tool_choice: 'auto',
      temperature: 1,
      max_tokens: 200,
    };
    const body = {
      system: [{ text: 'Réponds en français.' }],
      messages: [{ role: 'user', content: [{ text: 'Quel temps fait-il à Lyon ?' }] }],
      inferenceConfig: { temperature: 0.5, maxTokens: 200 },
      toolConfig: { tools: [{ toolSpec: { name: 'get_weather', description: 'Current weather', inputSchema: { json: weatherTool.function.parameters } } }], toolChoice: { auto: {} } },
    };
    expect(toConverseChat(request, jamba15)).toEqual(body);
    // ConverseStream takes Jamba 1.5's tools too.
    expect(streamsToolsFromWholeAnswer(request, jamba15)).toBe(false);
  });

  test('a document goes as a document block (Jamba 1.5 chats about documents)', () => {
    const body = toConverseChat({ messages: [{ role: 'user', content: [PDF_PART, { type: 'text', text: 'Résume.' }] }] } as unknown as ChatRequest, jamba15);
    expect(body.messages?.[0].content?.[0]).toMatchObject({ document: { format: 'pdf', name: 'menu' } });
  });

  test('an image is a 400 naming its part: no Jamba model reads images', () => {
    const request = {
      messages: [
        { role: 'user', content: 'Bonjour' },
        { role: 'assistant', content: 'Bonjour !' },
        { role: 'user', content: [{ type: 'text', text: "Qu'y a-t-il ici ?" }, { type: 'image_url', image_url: { url: PNG } }] },
      ],
    } as ChatRequest;
    expect(gatewayErrorOf(() => toConverseChat(request, jamba15))).toMatchObject({
      status: 400,
      param: 'messages[2].content[1]',
      message: 'messages[2].content[1]: Amazon Bedrock (AI21 Jamba) reads no images.',
    });
  });
});

describe('AI21 Jamba-Instruct through Converse', () => {
  test('a system prompt goes as system blocks', () => {
    expect(toConverseChat({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] }, jambaInstruct).system).toEqual([{ text: 'Be brief.' }]);
  });

  test.each([
    ['tools the model may call', { tools: [weatherTool] }],
    ['tools with a named choice', { tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_weather' } } }],
  ] as const)('%s: a 400 naming tools, before any call', (_case, fields) => {
    const request = { messages: [{ role: 'user', content: 'Weather in Lyon?' }], ...fields } as unknown as ChatRequest;
    expect(gatewayErrorOf(() => toConverseChat(request, jambaInstruct))).toMatchObject({
      status: 400,
      param: 'tools',
      message: 'tools: Amazon Bedrock (AI21 Jamba-Instruct) takes no tools; send the request without them.',
    });
  });

  test('tool_choice none sends no tools, so the request goes, the tool history as text', () => {
    const request: ChatRequest = {
      messages: [
        { role: 'user', content: 'Weather in Lyon?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lyon"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '18°C' },
      ],
      tools: [weatherTool],
      tool_choice: 'none',
    };
    const body = toConverseChat(request, jambaInstruct);
    expect(body).not.toHaveProperty('toolConfig');
    expect(JSON.stringify(body.messages)).toContain('[tool call call_1: get_weather {\\"city\\":\\"Lyon\\"}]');
  });

  test('a document is a 400 naming its part', () => {
    const request = { messages: [{ role: 'user', content: [{ type: 'text', text: 'Résume.' }, PDF_PART] }] } as unknown as ChatRequest;
    expect(gatewayErrorOf(() => toConverseChat(request, jambaInstruct))).toMatchObject({
      status: 400,
      param: 'messages[0].content[1]',
      message: 'messages[0].content[1]: Amazon Bedrock (AI21 Jamba-Instruct) reads no documents.',
    });
  });
});

describe('tools in a stream, which ConverseStream refuses for Llama, Mistral and Writer Palmyra', () => {
  const request: ChatRequest = { messages: [{ role: 'user', content: 'Weather in Lyon?' }], tools: [weatherTool] };

  test.each(['us.meta.llama4-maverick-17b-instruct-v1:0', 'meta.llama3-1-70b-instruct-v1:0', 'mistral.mistral-large-2407-v1:0', 'us.mistral.pixtral-large-2502-v1:0', 'writer.palmyra-x5-v1:0'])(
    '%s: tools go to Converse; a stream with them is answered whole by Converse',
    (model) => {
      const family = resolveBedrockFamily(model);
      expect(toConverseChat(request, family).toolConfig?.tools).toHaveLength(1);
      expect(streamsToolsFromWholeAnswer(request, family)).toBe(true);
    },
  );

  test('a stream with tool_choice none sends no tools, and one without tools none: both go to ConverseStream', () => {
    const llama = resolveBedrockFamily('meta.llama3-3-70b-instruct-v1:0');
    expect(streamsToolsFromWholeAnswer({ ...request, tool_choice: 'none' }, llama)).toBe(false);
    expect(streamsToolsFromWholeAnswer({ messages: request.messages }, llama)).toBe(false);
  });

  test('Claude, Nova, Command R and DeepSeek V3 take tools in ConverseStream', () => {
    for (const model of ['anthropic.claude-sonnet-4-20250514-v1:0', 'amazon.nova-pro-v1:0', 'cohere.command-r-plus-v1:0', 'deepseek.v3-v1:0']) {
      expect(streamsToolsFromWholeAnswer(request, resolveBedrockFamily(model))).toBe(false);
    }
  });
});

describe('Mistral 7B and Mixtral 8x7B Instruct, which take no system prompt', () => {
  const mixtral = resolveBedrockFamily('mistral.mixtral-8x7b-instruct-v0:1');

  test('a system or developer message with text is a 400 naming its role', () => {
    for (const role of ['system', 'developer'] as const) {
      const request: ChatRequest = { messages: [{ role: 'user', content: 'Hi' }, { role, content: [{ type: 'text', text: 'Be brief.' }] }] };
      expect(gatewayErrorOf(() => toConverseChat(request, mixtral))).toMatchObject({
        status: 400,
        param: 'messages[1].role',
        message: 'messages[1].role: Amazon Bedrock (Mistral Instruct) takes no system prompt; put its instructions in a user message.',
      });
    }
  });

  test('a blank system message, which is not sent, is no refusal', () => {
    expect(toConverseChat({ messages: [{ role: 'system', content: '  ' }, { role: 'user', content: 'Hi' }] }, mixtral)).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
    });
  });

  test('tools are a 400 naming tools', () => {
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'user', content: 'Hi' }], tools: [weatherTool] }, mixtral))).toMatchObject({ status: 400, param: 'tools' });
  });
});

describe('Amazon Titan Text through Converse', () => {
  const express = resolveBedrockFamily('amazon.titan-text-express-v1');
  const premier = resolveBedrockFamily('amazon.titan-text-premier-v1:0');

  test('chat goes as for every Converse model, temperature halved; a document too, but on Premier', () => {
    const request = { messages: [{ role: 'user', content: [{ type: 'text', text: 'Résume.' }, PDF_PART] }], temperature: 1 } as unknown as ChatRequest;
    expect(toConverseChat(request, express)).toMatchObject({ messages: [{ role: 'user', content: [{ text: 'Résume.' }, { document: { format: 'pdf' } }] }], inferenceConfig: { temperature: 0.5 } });
    expect(gatewayErrorOf(() => toConverseChat(request, premier))).toMatchObject({ status: 400, param: 'messages[0].content[1]', message: expect.stringContaining('(Amazon Titan Text Premier) reads no documents') });
  });

  test.each([
    ['a system prompt', { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] }, 'messages[0].role'],
    ['tools', { messages: [{ role: 'user', content: 'Hi' }], tools: [weatherTool] }, 'tools'],
    ['an image', { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: PNG } }] }] }, 'messages[0].content[0]'],
  ])('%s is a 400 naming %s', (_case, request, param) => {
    expect(gatewayErrorOf(() => toConverseChat(request as unknown as ChatRequest, express))).toMatchObject({ status: 400, param });
  });
});

describe('text-only models: Amazon Nova Micro, DeepSeek-R1', () => {
  const withImage = { messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: PNG } }] }] } as ChatRequest;
  const withDocument = { messages: [{ role: 'user', content: [PDF_PART] }] } as unknown as ChatRequest;
  const withTools: ChatRequest = { messages: [{ role: 'user', content: 'Weather in Lyon?' }], tools: [weatherTool] };

  test('Nova Micro: an image or a document is a 400 naming its part; tools, streamed too, go', () => {
    const micro = resolveBedrockFamily('us.amazon.nova-micro-v1:0');
    expect(gatewayErrorOf(() => toConverseChat(withImage, micro))).toMatchObject({ status: 400, param: 'messages[0].content[1]', message: expect.stringContaining('(Amazon Nova Micro) reads no images') });
    expect(gatewayErrorOf(() => toConverseChat(withDocument, micro))).toMatchObject({ status: 400, param: 'messages[0].content[0]' });
    expect(toConverseChat(withTools, micro).toolConfig?.tools).toHaveLength(1);
    expect(streamsToolsFromWholeAnswer(withTools, micro)).toBe(false);
    expect(toConverseChat(withImage, resolveBedrockFamily('amazon.nova-lite-v1:0')).messages?.[0].content?.[1]).toHaveProperty('image');
  });

  test('DeepSeek-R1: tools and images are 400s naming them; DeepSeek V3 takes tools', () => {
    const r1 = resolveBedrockFamily('us.deepseek.r1-v1:0');
    expect(gatewayErrorOf(() => toConverseChat(withTools, r1))).toMatchObject({ status: 400, param: 'tools', message: 'tools: Amazon Bedrock (DeepSeek) takes no tools; send the request without them.' });
    expect(gatewayErrorOf(() => toConverseChat(withImage, r1))).toMatchObject({ status: 400, param: 'messages[0].content[1]' });
    expect(toConverseChat(withTools, resolveBedrockFamily('deepseek.v3-v1:0')).toolConfig?.tools).toHaveLength(1);
  });
});

describe('Meta Llama by version', () => {
  const withTools: ChatRequest = { messages: [{ role: 'user', content: 'Weather in Lyon?' }], tools: [weatherTool] };
  const withImage = { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: PNG } }] }] } as ChatRequest;

  test('Llama 3 (8B, 70B), 2 and 3.2 1B/3B: tools are a 400 naming tools', () => {
    for (const model of ['meta.llama3-70b-instruct-v1:0', 'meta.llama2-70b-chat-v1', 'us.meta.llama3-2-1b-instruct-v1:0']) {
      expect(gatewayErrorOf(() => toConverseChat(withTools, resolveBedrockFamily(model)))).toMatchObject({ status: 400, param: 'tools', message: expect.stringContaining('takes no tools') });
    }
  });

  test('Llama 3.1 and 3.3 take tools but read no images; 3.2 90B and Llama 4 read images', () => {
    const llama33 = resolveBedrockFamily('us.meta.llama3-3-70b-instruct-v1:0');
    expect(toConverseChat(withTools, llama33).toolConfig?.tools).toHaveLength(1);
    expect(gatewayErrorOf(() => toConverseChat(withImage, llama33))).toMatchObject({ status: 400, param: 'messages[0].content[0]' });
    for (const model of ['meta.llama3-2-90b-instruct-v1:0', 'us.meta.llama4-maverick-17b-instruct-v1:0']) {
      expect(toConverseChat(withImage, resolveBedrockFamily(model)).messages?.[0].content?.[0]).toHaveProperty('image');
    }
  });
});

describe('Claude by version', () => {
  test('Claude 2.1 refuses tools; 3.5 Haiku an image; Claude 3 Haiku takes both', () => {
    const withToolsAndImage = {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Weather here?' }, { type: 'image_url', image_url: { url: PNG } }] }],
      tools: [weatherTool],
    } as ChatRequest;
    expect(gatewayErrorOf(() => toConverseChat(withToolsAndImage, resolveBedrockFamily('anthropic.claude-v2:1')))).toMatchObject({ status: 400, param: 'tools' });
    expect(gatewayErrorOf(() => toConverseChat(withToolsAndImage, resolveBedrockFamily('anthropic.claude-3-5-haiku-20241022-v1:0')))).toMatchObject({
      status: 400,
      param: 'messages[0].content[1]',
      message: 'messages[0].content[1]: Amazon Bedrock (Anthropic Claude) reads no images.',
    });
    expect(toConverseChat(withToolsAndImage, resolveBedrockFamily('anthropic.claude-3-haiku-20240307-v1:0')).toolConfig?.tools).toHaveLength(1);
  });
});

describe('text-only Mistral, Command R and Palmyra models', () => {
  const withImage = { messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: PNG } }] }] } as ChatRequest;

  test.each([
    ['cohere.command-r-plus-v1:0', 'Cohere Command R'],
    ['mistral.mistral-large-2407-v1:0', 'Mistral'],
    ['writer.palmyra-x4-v1:0', 'Writer Palmyra'],
  ])('%s: an image is a 400 naming its part', (model, label) => {
    expect(gatewayErrorOf(() => toConverseChat(withImage, resolveBedrockFamily(model)))).toMatchObject({
      status: 400,
      param: 'messages[0].content[1]',
      message: `messages[0].content[1]: Amazon Bedrock (${label}) reads no images.`,
    });
  });

  test('Pixtral Large reads images; a document to Mistral Small is left to AWS (no source says it refuses one)', () => {
    expect(toConverseChat(withImage, resolveBedrockFamily('us.mistral.pixtral-large-2502-v1:0')).messages?.[0].content?.[1]).toHaveProperty('image');
    const withDocument = { messages: [{ role: 'user', content: [PDF_PART] }] } as unknown as ChatRequest;
    expect(toConverseChat(withDocument, resolveBedrockFamily('mistral.mistral-small-2402-v1:0')).messages?.[0].content?.[0]).toHaveProperty('document');
  });
});
