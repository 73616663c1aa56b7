/**
 * A screenshot a tool returned (a computer-use agent's, a browser agent's) in a tool message was
 * refused for Amazon Bedrock ("a tool result can only hold text"), though
 * Converse's ToolResultContentBlock takes an `image`, "only supported by Amazon Nova and Anthropic
 * Claude 3 and 4 models" (API_runtime_ToolResultContentBlock; the SDK's types say the same), and the
 * same conversation worked on the Anthropic provider. It now goes as an image block in the toolResult,
 * checked as any image (format, base64), through chat and the Responses API's function_call_output;
 * for a model that reads images but not in tool results it is a 400 naming the part, before any call.
 */
import type OpenAI from 'openai';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { openaiErrorOf } from '../support/errors';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const chatEndpoint = (name: string, model: string, fakeUrl: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: ${model}, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }`;

const setup = useGatewayWithFakeBedrock({
  serve: serveBedrockFixtures,
  config: (fakeUrl) => `
endpoints:${chatEndpoint('claude', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', fakeUrl)}${chatEndpoint('nova', 'us.amazon.nova-pro-v1:0', fakeUrl)}${chatEndpoint(
    'llama4',
    'us.meta.llama4-maverick-17b-instruct-v1:0',
    fakeUrl,
  )}`,
  validateResponses: true,
});

/** A 1×1 PNG, as a screenshot tool would return a (larger) one. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SCREENSHOT = `data:image/png;base64,${PNG_BASE64}`;

const screenshotTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: { name: 'take_screenshot', description: 'Captures the screen.', parameters: { type: 'object', properties: {} } },
};

/** A computer-use agent's turn: it asked for a screenshot, and the tool returned it with a caption. */
const agentTurn = (image: string): OpenAI.Chat.Completions.ChatCompletionMessageParam[] => [
  { role: 'user', content: 'Open the settings dialog and tell me which theme is selected.' },
  { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_01screen', type: 'function', function: { name: 'take_screenshot', arguments: '{}' } }] },
  {
    role: 'tool',
    tool_call_id: 'toolu_01screen',
    content: [
      { type: 'text', text: 'Screenshot of the display (1280×800).' },
      { type: 'image_url', image_url: { url: image } } as never,
    ],
  },
];

/** The toolResult the fake Bedrock got (bytes as the SDK writes them in JSON: base64). */
const sentToolResult = () => {
  const { messages } = setup.fake.calls[0].body as { messages: { role: string; content: Record<string, unknown>[] }[] };
  return messages[2].content[0];
};

const EXPECTED_TOOL_RESULT = {
  toolResult: {
    toolUseId: 'toolu_01screen',
    content: [{ text: 'Screenshot of the display (1280×800).' }, { image: { format: 'png', source: { bytes: PNG_BASE64 } } }],
  },
};

test.each(['claude', 'nova'])('%s: the screenshot goes as an image block in the toolResult', async (model) => {
  const answer = await setup.openai.chat.completions.create({ model, messages: agentTurn(SCREENSHOT), tools: [screenshotTool] });
  expect(answer.choices[0].message.role).toBe('assistant');
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse']);
  expect(sentToolResult()).toEqual(EXPECTED_TOOL_RESULT);
});

test("the Responses API's function_call_output with an input_image goes the same way", async () => {
  await setup.openai.responses.create({
    model: 'claude',
    tools: [{ type: 'function', name: 'take_screenshot', description: 'Captures the screen.', parameters: { type: 'object', properties: {} }, strict: false }],
    input: [
      { role: 'user', content: 'Open the settings dialog and tell me which theme is selected.' },
      { type: 'function_call', call_id: 'toolu_01screen', name: 'take_screenshot', arguments: '{}' },
      {
        type: 'function_call_output',
        call_id: 'toolu_01screen',
        output: [
          { type: 'input_text', text: 'Screenshot of the display (1280×800).' },
          { type: 'input_image', image_url: SCREENSHOT, detail: 'auto' },
        ],
      },
    ],
  });
  expect(sentToolResult()).toEqual(EXPECTED_TOOL_RESULT);
});

test('without tools (an agent\'s last turn), the tool result goes as text and the screenshot after it', async () => {
  await setup.openai.chat.completions.create({ model: 'claude', messages: agentTurn(SCREENSHOT) });
  const { messages } = setup.fake.calls[0].body as { messages: { content: unknown[] }[] };
  expect(messages[2].content).toEqual([
    { text: '[tool result toolu_01screen (take_screenshot): Screenshot of the display (1280×800).]' },
    { image: { format: 'png', source: { bytes: PNG_BASE64 } } },
  ]);
});

test.each([
  [
    'a model that reads images, but not in tool results (Llama 4)',
    'llama4',
    SCREENSHOT,
    'messages[2].content[1]',
    'messages[2].content[1]: Amazon Bedrock (Meta Llama) reads no images in a tool result (Converse takes them for Claude and Amazon Nova); send the image in a user message.',
  ],
  [
    'a screenshot of a type Bedrock does not take (BMP)',
    'claude',
    'data:image/bmp;base64,Qk06AAAAAAAAADYAAAAoAAAA',
    'messages[2].content[1].image_url.url',
    "messages[2].content[1].image_url.url: Amazon Bedrock accepts png, jpeg, gif or webp images, not 'image/bmp'.",
  ],
  [
    'a percent-encoded screenshot',
    'claude',
    `data:image/png;base64,${encodeURIComponent(PNG_BASE64)}`,
    'messages[2].content[1].image_url.url',
    "messages[2].content[1].image_url.url: the data after 'base64,' is not base64 (a data URL percent-encoded on its way has '%' in it).",
  ],
])('%s is a 400 naming the part, and nothing is sent', async (_name, model, image, param, message) => {
  const { status, error } = await openaiErrorOf(setup.openai.chat.completions.create({ model, messages: agentTurn(image), tools: [screenshotTool] }));
  expect({ status, error }).toEqual({ status: 400, error: { message, type: 'invalid_request_error', param, code: 'invalid_value' } });
  expect(setup.fake.calls).toEqual([]);
});
