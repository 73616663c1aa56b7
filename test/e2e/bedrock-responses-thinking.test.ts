/**
 * A tool loop over `/v1/responses` against Claude with extended thinking on Amazon Bedrock (Converse),
 * with the official OpenAI client: the fake Bedrock (support/thinking-bedrock.ts) answers the second
 * turn only if its assistant turn starts with the first answer's reasoningContent blocks, as Bedrock
 * requires during tool use. The blocks go back from the kept response (`previous_response_id`) or, with
 * `store: false`, in the reasoning item's `encrypted_content` the client sends back with the output items.
 * Interleaved thinking (reasoning between the tool calls) keeps its place when the client drops the
 * answer's message item. The gateway talks to the fake through the real AWS SDK (SigV4).
 */
import type OpenAI from 'openai';
import { useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { fakeConverse, fakeInterleavedConverse, thinkingBedrockEndpoints, FINAL_TEXT, INTERLEAVED_WITHOUT_TEXT, PRODUCED_REASONING, type ConverseRequest } from '../support/thinking-bedrock';

type Input = OpenAI.Responses.ResponseInputItem[];
type Output = OpenAI.Responses.ResponseOutputItem[];

const setup = useGatewayWithFakeBedrock({
  serve: fakeConverse,
  config: thinkingBedrockEndpoints,
  validateResponses: true,
});

/** `thinking` is Claude's parameter; the openai client sends extra keys as they are. */
const thinking = { thinking: { type: 'enabled', budget_tokens: 2048 } } as object;
const question: Input = [{ role: 'user', content: 'What is the weather in Paris?' }];
const tools: OpenAI.Responses.Tool[] = [
  { type: 'function', name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] }, strict: false },
];

const callOf = (output: Output) => output.find((item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === 'function_call')!;
const reasoningOf = (output: Output) => output.find((item): item is OpenAI.Responses.ResponseReasoningItem => item.type === 'reasoning')!;
const resultFor = (output: Output): Input[number] => ({ type: 'function_call_output', call_id: callOf(output).call_id, output: '{"temperature": 18}' });
/** The second Converse call's assistant turn starts with the first answer's reasoningContent blocks. */
const expectReasoningSentBack = () => expect((setup.fake.calls[1].body as ConverseRequest).messages[1].content.slice(0, 2)).toEqual(PRODUCED_REASONING);

test('previous_response_id: the kept response gives its reasoningContent back to Bedrock, and the loop ends on the text', async () => {
  const first = await setup.openai.responses.create({ model: 'claude', input: question, tools, ...thinking });
  expect(first.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'function_call']);
  expect(reasoningOf(first.output)).not.toHaveProperty('encrypted_content');
  const second = await setup.openai.responses.create({ model: 'claude', previous_response_id: first.id, input: [resultFor(first.output)], tools, ...thinking });
  expect(second.output_text).toBe(FINAL_TEXT);
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse', 'converse']);
  expectReasoningSentBack();
});

test('store: false with include: the output items sent back carry the blocks in encrypted_content; without the reasoning item the turn is refused before Bedrock', async () => {
  const include: OpenAI.Responses.ResponseIncludable[] = ['reasoning.encrypted_content'];
  const first = await setup.openai.responses.create({ model: 'claude', input: question, tools, store: false, include, ...thinking });
  expect(reasoningOf(first.output).encrypted_content).toMatch(/^gw-thinking\.v1\.[\w-]+$/);
  const second = await setup.openai.responses.create({ model: 'claude', input: [...question, ...(first.output as Input), resultFor(first.output)], tools, store: false, include, ...thinking });
  expect(second.output_text).toBe(FINAL_TEXT);
  expectReasoningSentBack();
  const dropped = (first.output as Input).filter((item) => item.type !== 'reasoning');
  await expect(setup.openai.responses.create({ model: 'claude', input: [...question, ...dropped, resultFor(first.output)], tools, store: false, ...thinking })).rejects.toMatchObject({
    status: 400,
    error: { param: 'input', message: expect.stringMatching(/^input: is missing Claude's thinking/) },
  });
  expect(setup.fake.calls).toHaveLength(2);
});

describe('interleaved thinking, the output items sent back without the message item', () => {
  const interleaved = useGatewayWithFakeBedrock({ serve: fakeInterleavedConverse, config: thinkingBedrockEndpoints, validateResponses: true });

  test.each([false, true])('stream: %s: each reasoningContent block goes back before the call it came before', async (stream) => {
    const request = { model: 'claude', input: question, tools, store: false, include: ['reasoning.encrypted_content' as const], ...thinking };
    let output: Output = [];
    if (stream) {
      for await (const event of await interleaved.openai.responses.create({ ...request, stream: true })) if (event.type === 'response.completed') output = event.response.output;
    } else output = (await interleaved.openai.responses.create(request)).output;
    expect(output.map((item) => item.type)).toEqual(['reasoning', 'message', 'reasoning', 'function_call', 'reasoning', 'function_call']);
    const sentBack = output.filter((item) => item.type !== 'message') as Input;
    const results = output.flatMap((item): Input => (item.type === 'function_call' ? [{ type: 'function_call_output', call_id: item.call_id, output: '{"temperature": 18}' }] : []));
    const answer = await interleaved.openai.responses.create({ model: 'claude', input: [...question, ...sentBack, ...results], tools, store: false, ...thinking });
    expect(answer.output_text).toBe(FINAL_TEXT);
    expect((interleaved.fake.calls[1].body as ConverseRequest).messages[1].content).toEqual(INTERLEAVED_WITHOUT_TEXT);
  });
});
