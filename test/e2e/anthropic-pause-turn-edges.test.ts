/**
 * Paused turns (`pause_turn`) the gateway continues, at their edges, end to end: the official OpenAI
 * client through `/v1`, the gateway calling a fake Anthropic Messages API on 127.0.0.1 that refuses a
 * last assistant message ending with whitespace and a blank text block as Anthropic does (400
 * `invalid_request_error` "messages: final assistant content cannot end with trailing whitespace",
 * "messages: text content blocks must be non-empty", "… must contain non-whitespace text"), and ends a
 * turn when a request ends with its paused content.
 * - a web search turn paused after a text block ending with a blank line
 *   (test/fixtures/anthropic chat-web-search-pause-turn-text-last): that block goes back trimmed,
 *   while the client gets it whole;
 * - a web search turn opened with an empty text block (chat-web-search-pause-turn-blank-text): that
 *   block is left out of the content sent back;
 * - an MCP connector's turn (`mcp_servers`, passed through, the endpoint's `anthropic_beta` naming the
 *   connector's beta) paused after one of its tools ran (chat-mcp-pause-turn): continued as a web
 *   search turn is.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

type Block = { type: string; text?: string };
type MessagesBody = { stream?: boolean; messages: { role: string; content: Block[] | string }[]; mcp_servers?: unknown[] };

const TRAILING_WHITESPACE = { type: 'error', error: { type: 'invalid_request_error', message: 'messages: final assistant content cannot end with trailing whitespace' }, request_id: 'req_011CWhitespace' };

/** Anthropic's check: the last message, an assistant's, whose last block is text ending with whitespace. */
function endsWithWhitespace(body: MessagesBody): boolean {
  const last = body.messages[body.messages.length - 1];
  const content = last.role === 'assistant' ? last.content : null;
  const text = typeof content === 'string' ? content : content?.at(-1)?.type === 'text' ? content.at(-1)!.text : undefined;
  return text !== undefined && /\s$/u.test(text);
}

function answer(request: RecordedRequest, response: ServerResponse, name: string): void {
  if ((request.body as MessagesBody).stream === true) sendStream(response, readFixture('anthropic', `${name}.stream.sse`), 'text/event-stream; charset=utf-8');
  else sendJson(response, 200, readJsonFixture('anthropic', `${name}.response.json`));
}

/** Anthropic's refusal of the first blank text block of a message, if any. */
function blankTextRefusal(body: MessagesBody): string | null {
  for (const [index, message] of body.messages.entries()) {
    const blocks = typeof message.content === 'string' ? [] : message.content;
    const blank = blocks.findIndex((block) => block.type === 'text' && block.text!.trim() === '');
    if (blank !== -1) return `messages.${index}.content.${blank}: text content blocks must ${blocks[blank].text === '' ? 'be non-empty' : 'contain non-whitespace text'}`;
  }
  return null;
}

const BLANK_QUESTION = 'Quels cafés ont ouvert à Paris cette semaine ?';

/** The paused answer to a request's question: the MCP fixture with MCP servers, else by the question. */
function pausedFixture(body: MessagesBody): string {
  if (body.mcp_servers !== undefined) return 'chat-mcp-pause-turn';
  return body.messages[0].content === BLANK_QUESTION ? 'chat-web-search-pause-turn-blank-text' : 'chat-web-search-pause-turn-text-last';
}

/** Pauses a turn that starts, ends a continued one; refuses as Anthropic does first. */
function anthropic(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as MessagesBody;
  if (endsWithWhitespace(body)) return sendJson(response, 400, TRAILING_WHITESPACE);
  const blank = blankTextRefusal(body);
  if (blank !== null) return sendJson(response, 400, { type: 'error', error: { type: 'invalid_request_error', message: blank }, request_id: 'req_011CBlankText' });
  if (body.messages[body.messages.length - 1].role === 'assistant') answer(request, response, body.mcp_servers !== undefined ? 'chat' : 'chat-web-search-continued');
  else answer(request, response, pausedFixture(body));
}

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic },
  config: ({ anthropic: url }) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${url}/v1", anthropic_beta: mcp-client-2025-04-04 }
`,
  validateResponses: true,
});
const sentBodies = () => setup.upstreams.anthropic.requests.map((request) => request.body as MessagesBody);

const question = 'Quels cafés de spécialité ont ouvert à Paris ?';
const PAUSED_TEXT_LAST = readJsonFixture<{ content: Block[] }>('anthropic', 'chat-web-search-pause-turn-text-last.response.json');
const PAUSED_TEXT = 'Je cherche les ouvertures récentes.Le Monde en cite plusieurs ; je vérifie les adresses :\n\n';
const CONTINUED_TEXT = '\n\nD’après Time Out 🗞️, trois nouveaux cafés ont ouvert près du canal Saint-Martin ☕.';

/** The continuation carries the paused content, its last text block without the trailing blank line. */
function expectTrimmedContinuation(): void {
  const bodies = sentBodies();
  expect(bodies).toHaveLength(2);
  const content = [...PAUSED_TEXT_LAST.content];
  content[3] = { ...content[3], text: 'Le Monde en cite plusieurs ; je vérifie les adresses :' };
  expect(bodies[1].messages).toEqual([...bodies[0].messages, { role: 'assistant', content }]);
}

describe('a paused turn whose content ends with text ending in whitespace', () => {
  test('not streamed: the continuation goes trimmed, and the client gets the paused text whole', async () => {
    const completion = await setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: question }], web_search_options: {} });
    expectTrimmedContinuation();
    expect(completion.choices[0]).toMatchObject({ message: { content: PAUSED_TEXT + CONTINUED_TEXT }, finish_reason: 'stop' });
  });

  test('streamed: the content rebuilt from the events goes trimmed, the stream sends the paused text whole', async () => {
    const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: question }], web_search_options: {}, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expectTrimmedContinuation();
    expect(text).toBe(PAUSED_TEXT + CONTINUED_TEXT);
  });

  test('the Responses API, through the same chat path', async () => {
    const response = await setup.openai.responses.create({ model: 'claude', input: question, tools: [{ type: 'web_search' }] });
    expectTrimmedContinuation();
    expect(response.output_text).toBe(PAUSED_TEXT + CONTINUED_TEXT);
  });
});

describe('a paused turn whose content opens with an empty text block', () => {
  const PAUSED_BLANK = readJsonFixture<{ content: Block[] }>('anthropic', 'chat-web-search-pause-turn-blank-text.response.json');
  const TEXT = " La recherche est saturée ; j'essaie encore.\n\nD’après Time Out 🗞️, trois nouveaux cafés ont ouvert près du canal Saint-Martin ☕.";

  /** The continuation carries the paused content without its empty text block, the rest as it came. */
  function expectContinuedWithoutBlank(): void {
    const bodies = sentBodies();
    expect(bodies).toHaveLength(2);
    expect(PAUSED_BLANK.content[0]).toEqual({ type: 'text', text: '' });
    expect(bodies[1].messages).toEqual([...bodies[0].messages, { role: 'assistant', content: PAUSED_BLANK.content.slice(1) }]);
  }

  test('not streamed', async () => {
    const completion = await setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: BLANK_QUESTION }], web_search_options: {} });
    expectContinuedWithoutBlank();
    expect(completion.choices[0]).toMatchObject({ message: { content: TEXT }, finish_reason: 'stop' });
  });

  test('streamed: the empty block rebuilt from its events (a start, no delta) is left out too', async () => {
    const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: BLANK_QUESTION }], web_search_options: {}, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expectContinuedWithoutBlank();
    expect(text).toBe(TEXT);
  });
});

describe("an MCP connector's paused turn", () => {
  const MCP_SERVERS = [{ type: 'url', url: 'https://mcp.example.com/sse', name: 'support' }];
  const PAUSED_MCP = readJsonFixture<{ content: Block[] }>('anthropic', 'chat-mcp-pause-turn.response.json');
  const request = { model: 'claude', messages: [{ role: 'user' as const, content: 'Quels tickets sont ouverts ?' }], mcp_servers: MCP_SERVERS };

  /** The same request again (the MCP servers and the beta header included), the paused MCP blocks after its messages. */
  function expectContinued(): void {
    const bodies = sentBodies();
    expect(bodies).toHaveLength(2);
    expect(bodies[0].mcp_servers).toEqual(MCP_SERVERS);
    expect(bodies[1]).toEqual({ ...bodies[0], messages: [...bodies[0].messages, { role: 'assistant', content: PAUSED_MCP.content }] });
    expect(setup.upstreams.anthropic.requests.map((sent) => sent.headers['anthropic-beta'])).toEqual(['mcp-client-2025-04-04', 'mcp-client-2025-04-04']);
  }

  test('not streamed: continued, one answer with both texts and both usages', async () => {
    const completion = await setup.openai.chat.completions.create(request as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expectContinued();
    expect(completion.choices[0]).toMatchObject({ message: { content: 'Je consulte les tickets ouverts.Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null }, finish_reason: 'stop' });
    expect(completion.usage).toMatchObject({ prompt_tokens: 1520 + 21 + 2048, completion_tokens: 58 + 18 });
  });

  test('streamed: the MCP blocks rebuilt from the events (the tool input from its input_json_delta fragments) go back as they came', async () => {
    const stream = await setup.openai.chat.completions.create({ ...(request as OpenAI.ChatCompletionCreateParamsNonStreaming), stream: true });
    let text = '';
    const toolCalls: unknown[] = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      toolCalls.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
    }
    expectContinued();
    expect(text).toBe('Je consulte les tickets ouverts.Un café ? Bien sûr 🙂 Bonne journée.');
    expect(toolCalls).toEqual([]);
  });
});
