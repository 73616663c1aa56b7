/**
 * withClaudeStrictTools on the tools agents send: a tool marked `strict: true` (the OpenAI Agents SDK's
 * function_tool makes every tool strict, with Pydantic's schema of the function's arguments) has its
 * parameters reshaped for Claude's grammar on the Anthropic provider and for Claude on Bedrock Converse;
 * a 400 names the client's tools[i] even when `allowed_tools` leaves tools out; a strict tool that is not
 * sent (left out by `allowed_tools`, or by `none` on Converse) is not read; other tools go whole.
 */
import { toAnthropicChat } from '../../../../src/providers/anthropic/request';
import { toConverseChat } from '../../../../src/providers/bedrock/converse/request';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import type { ChatRequest, Tool } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';

/** The Agents SDK's strict schema of `def refund_order(order_id: str, amount: float = Field(gt=0, le=500), reason: Literal[...])`. */
const refundOrder: Tool = {
  type: 'function',
  function: {
    name: 'refund_order',
    description: 'Refund part or all of an order.',
    parameters: {
      properties: {
        order_id: { title: 'Order Id', type: 'string' },
        amount: { exclusiveMinimum: 0, maximum: 500, title: 'Amount', type: 'number' },
        reason: { enum: ['damaged', 'late', 'other'], title: 'Reason', type: 'string' },
      },
      required: ['order_id', 'amount', 'reason'],
      title: 'refund_order_args',
      type: 'object',
      additionalProperties: false,
    },
    strict: true,
  },
};
const claudeRefundOrder = {
  properties: {
    order_id: { title: 'Order Id', type: 'string' },
    amount: { title: 'Amount', type: 'number', description: '{exclusiveMinimum: 0, maximum: 500}' },
    reason: { enum: ['damaged', 'late', 'other'], title: 'Reason', type: 'string' },
  },
  required: ['order_id', 'amount', 'reason'],
  title: 'refund_order_args',
  type: 'object',
  additionalProperties: false,
};
/** A tool the agent wrote by hand, not strict: its bound goes to Claude as written. */
const lookupOrder: Tool = { type: 'function', function: { name: 'lookup_order', parameters: { type: 'object', properties: { order_id: { type: 'string', minLength: 8 } } } } };
/** A strict tool whose argument is a dict[str, int], open to any key: Claude's grammar has no such object. */
const setStock: Tool = {
  type: 'function',
  function: { name: 'set_stock', parameters: { type: 'object', properties: { counts: { type: 'object', additionalProperties: { type: 'integer' } } }, required: ['counts'] }, strict: true },
};

const messages: ChatRequest['messages'] = [{ role: 'user', content: 'Order 4417-2291 arrived broken; refund it.' }];
const toAnthropic = (request: Partial<ChatRequest>) => toAnthropicChat({ messages, ...request }, { model: 'claude-sonnet-4-5' });
const claude = resolveBedrockFamily('us.anthropic.claude-sonnet-4-5-20250929-v1:0');

test('Anthropic: a strict tool goes reshaped and strict, a tool that is not strict whole', () => {
  expect(toAnthropic({ tools: [lookupOrder, refundOrder] }).tools).toEqual([
    { name: 'lookup_order', input_schema: lookupOrder.function.parameters },
    { name: 'refund_order', description: 'Refund part or all of an order.', input_schema: claudeRefundOrder, strict: true },
  ]);
});

test("a strict tool without parameters goes as a closed empty object", () => {
  const listOrders: Tool = { type: 'function', function: { name: 'list_orders', strict: true } };
  expect(toAnthropic({ tools: [listOrders] }).tools).toEqual([{ name: 'list_orders', input_schema: { type: 'object', properties: {}, additionalProperties: false }, strict: true }]);
});

test("an open object in a strict tool is a 400 naming the client's tools[i], though allowed_tools leaves tools before it out", () => {
  const tool_choice = { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'set_stock' } }] } } as unknown as ChatRequest['tool_choice'];
  const { status, param, message } = gatewayErrorOf(() => toAnthropic({ tools: [lookupOrder, refundOrder, setStock], tool_choice }));
  expect({ status, param, message }).toEqual({
    status: 400,
    param: 'tools[2].function.parameters.properties.counts.additionalProperties',
    message: "'tools[2].function.parameters.properties.counts.additionalProperties': Anthropic's strict tools take objects with only the properties they list (additionalProperties: false).",
  });
  expect(gatewayErrorOf(() => toConverseChat({ messages, tools: [lookupOrder, refundOrder, setStock], tool_choice }, claude)).param).toBe('tools[2].function.parameters.properties.counts.additionalProperties');
});

test('Claude on Bedrock: the strict tool reshaped; another family sent it as written', () => {
  expect(toConverseChat({ messages, tools: [refundOrder] }, claude).toolConfig?.tools?.[0]).toEqual({
    toolSpec: { name: 'refund_order', description: 'Refund part or all of an order.', inputSchema: { json: claudeRefundOrder }, strict: true },
  });
  expect(toConverseChat({ messages, tools: [refundOrder] }, resolveBedrockFamily('qwen.qwen3-32b-v1:0')).toolConfig?.tools?.[0]).toEqual({
    toolSpec: { name: 'refund_order', description: 'Refund part or all of an order.', inputSchema: { json: refundOrder.function.parameters }, strict: true },
  });
});

/** allowed_tools (the openai v6 client's ChatCompletionAllowedToolChoice) allowing refund_order alone. */
const allowRefund = (mode: 'auto' | 'required') => ({ type: 'allowed_tools', allowed_tools: { mode, tools: [{ type: 'function', function: { name: 'refund_order' } }] } }) as unknown as ChatRequest['tool_choice'];
const SET_STOCK_REFUSED = 'tools[1].function.parameters.properties.counts.additionalProperties';
const namesOf = (tools: unknown) => (tools as { name?: string; toolSpec?: { name: string } }[]).map((tool) => tool.name ?? tool.toolSpec?.name);

test.each(['auto', 'required'] as const)('a strict tool Claude cannot follow that allowed_tools (%s) leaves out is not sent, so it is no reason for a 400', (mode) => {
  const anthropic = toAnthropic({ tools: [refundOrder, setStock], tool_choice: allowRefund(mode) });
  expect([namesOf(anthropic.tools), anthropic.tool_choice]).toEqual([['refund_order'], { type: mode === 'auto' ? 'auto' : 'any' }]);
  const converse = toConverseChat({ messages, tools: [refundOrder, setStock], tool_choice: allowRefund(mode) }, claude).toolConfig;
  expect([namesOf(converse?.tools), converse?.toolChoice]).toEqual([['refund_order'], mode === 'auto' ? { auto: {} } : { any: {} }]);
  expect(converse?.tools?.[0]).toEqual({ toolSpec: { name: 'refund_order', description: 'Refund part or all of an order.', inputSchema: { json: claudeRefundOrder }, strict: true } });
});

test("Claude on Bedrock with tool_choice none: the tools are not sent, so a strict one Claude cannot follow is no 400", () => {
  expect(toConverseChat({ messages, tools: [refundOrder, setStock], tool_choice: 'none' }, claude).toolConfig).toBeUndefined();
});

test("the same tool when it is sent (no choice, allowed, or beside a named function, which both send every tool) is still a 400 naming the client's tools[1]", () => {
  const named = { type: 'function', function: { name: 'refund_order' } } as const;
  const allowed = { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'set_stock' } }] } } as unknown as ChatRequest['tool_choice'];
  for (const tool_choice of [undefined, named, allowed]) {
    expect(gatewayErrorOf(() => toAnthropic({ tools: [refundOrder, setStock], tool_choice })).param).toBe(SET_STOCK_REFUSED);
    expect(gatewayErrorOf(() => toConverseChat({ messages, tools: [refundOrder, setStock], tool_choice }, claude)).param).toBe(SET_STOCK_REFUSED);
  }
  expect(gatewayErrorOf(() => toAnthropic({ tools: [refundOrder, setStock], tool_choice: 'none' })).param).toBe(SET_STOCK_REFUSED);
});
