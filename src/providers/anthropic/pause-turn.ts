/**
 * Anthropic pauses a long turn of server-tool use (web searches) with `stop_reason: "pause_turn"`;
 * to let Claude go on, the paused assistant content is sent back as it came, after the same
 * conversation, in a new request (https://docs.anthropic.com/en/api/handling-stop-reasons ,
 * "Server tools", pause_turn: https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/server-tools).
 * An OpenAI-shaped client never sees the server-tool blocks it would need to do so, so the gateway
 * continues the turn itself, at most MAX_PAUSE_CONTINUATIONS times (a turn still paused after them
 * ends with the answer so far, `stop`), and the client gets one answer: the texts joined (the
 * citations of later parts placed after the earlier text), the usage of every call added up, the
 * last call's stop reason. A stream stays one stream: the continuation's events follow the paused
 * ones, and the stream fold (stream.ts) carries on across the new `message_start`. Every call goes
 * with the request's abort, so continuations count toward the endpoint's total timeout; a failed one
 * fails the answer as any failed call does (the calls before it count toward token limits, `noteServedRequest`). The search tool's `max_uses` bounds the whole turn: a
 * continuation may run only the searches left, and none is sent once they are spent (the turn then
 * ends as one still paused after the last continuation does). Server tools of an MCP connector
 * (`mcp_servers`, which passes through to Anthropic as the client sent it, with the endpoint's
 * `anthropic_beta` naming the connector's beta) run in the same server-side loop, so their pauses are
 * continued alike. The paused content goes back as it came, but for its blank text blocks and a last
 * text block's trailing whitespace (asSentBack).
 */
import { GatewayError } from '../../errors';
import { isBlank } from '../shared/blank-text';
import { excerpt, isRecord, parseJsonObject } from '../shared/json';
import type { SseEvent } from '../transport/sse';
import { webSearchRequestsOf } from './web-search';
import type { AnthropicResponseBlock, AnthropicStreamEvent, AnthropicUsage } from './wire';

/** Continuations of one turn, after its first call: four calls in all, each up to Anthropic's own loop limit of searches. */
export const MAX_PAUSE_CONTINUATIONS = 3;

const PAUSE_TURN = 'pause_turn';

const isWebSearchTool = (tool: unknown): tool is Record<string, unknown> => isRecord(tool) && tool.type === 'web_search_20250305';

/** Whether the request asks for server tools that may pause the turn: the web search tool (web-search.ts), an MCP connector's servers. */
export function mayPauseTurn(body: Record<string, unknown>): boolean {
  return (Array.isArray(body.tools) && body.tools.some(isWebSearchTool)) || (Array.isArray(body.mcp_servers) && body.mcp_servers.length > 0);
}

const isBlankTextBlock = (block: unknown): boolean => isRecord(block) && block.type === 'text' && typeof block.text === 'string' && isBlank(block.text);

/**
 * The paused content as it can go back. Anthropic refuses a text block that is empty or only
 * whitespace (../shared/blank-text.ts), and Claude may write one: the web search tool's streaming
 * example opens the turn with a text block started with `"text": ""` and no delta, before the
 * `server_tool_use`; so blank text blocks are left out, wherever they are. It also refuses a last
 * assistant message whose content ends with whitespace (400 "final assistant content cannot end with
 * trailing whitespace", its rule for a prefilled answer), and a paused turn may end with a text block
 * (what Claude wrote after a search's results): that block goes without its trailing whitespace. The
 * client's answer keeps the text whole.
 */
export function asSentBack(paused: readonly unknown[]): unknown[] {
  const content = paused.filter((block) => !isBlankTextBlock(block));
  const last = content.at(-1);
  if (!isRecord(last) || last.type !== 'text' || typeof last.text !== 'string') return content;
  return [...content.slice(0, -1), { ...last, text: last.text.trimEnd() }];
}

/** The request again, with the paused assistant content after its messages. */
export function withPausedContent(body: Record<string, unknown>, paused: readonly unknown[]): Record<string, unknown> {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  return { ...body, messages: [...messages, { role: 'assistant', content: asSentBack(paused) }] };
}

/**
 * The next call of a paused turn, after `searches` searches, or null when its web search tool's
 * `max_uses` is spent: Anthropic counts it per call, while it bounds the client's one request (an
 * endpoint's `web_search.max_uses`, or `search_context_size`'s), so the next call gets what is left.
 */
export function continuationOf(body: Record<string, unknown>, paused: readonly unknown[], searches: number): Record<string, unknown> | null {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  const bounded = tools.find((tool) => isWebSearchTool(tool) && typeof tool.max_uses === 'number') as { max_uses: number } | undefined;
  if (bounded === undefined || searches === 0) return withPausedContent(body, paused);
  const left = bounded.max_uses - searches;
  if (left <= 0) return null;
  return withPausedContent({ ...body, tools: tools.map((tool) => (tool === bounded ? { ...bounded, max_uses: left } : tool)) }, paused);
}

/** Numeric usage counts and web searches added up; the other fields (`service_tier`, ...) are not read. */
export function addedUsage(earlier: AnthropicUsage | null | undefined, later: AnthropicUsage | null | undefined): AnthropicUsage {
  const sum: Record<string, number> = {};
  for (const usage of [earlier, later]) {
    for (const [key, value] of Object.entries(usage ?? {})) if (typeof value === 'number') sum[key] = (sum[key] ?? 0) + value;
  }
  const searches = webSearchRequestsOf(earlier) + webSearchRequestsOf(later);
  return searches > 0 ? { ...sum, server_tool_use: { web_search_requests: searches } } : sum;
}

type PausableAnswer = Record<string, unknown> & { content: unknown[] };

const isPaused = (answer: unknown): answer is PausableAnswer => isRecord(answer) && answer.stop_reason === PAUSE_TURN && Array.isArray(answer.content);

/** The earlier answer's id and model, both answers' content, the later's stop, the usage of both. */
function joinedAnswers(earlier: PausableAnswer, later: unknown): unknown {
  if (!isRecord(later) || !Array.isArray(later.content)) return later;
  return {
    ...earlier,
    content: [...earlier.content, ...later.content],
    stop_reason: later.stop_reason,
    stop_sequence: later.stop_sequence,
    usage: addedUsage(earlier.usage as AnthropicUsage | undefined, later.usage as AnthropicUsage | undefined),
  };
}

/**
 * A Messages answer, its paused turn continued (see above); `send` posts one request body. When a
 * continuation fails, `onServed` is told of the paused answer so far (its calls' usage added up):
 * Anthropic served, and billed, those calls though the turn fails.
 */
export async function answerContinuingPausedTurn(
  body: Record<string, unknown>,
  send: (body: Record<string, unknown>) => Promise<unknown>,
  onServed?: (paused: Record<string, unknown>) => void,
): Promise<unknown> {
  let answer = await send(body);
  for (let continuation = 0; continuation < MAX_PAUSE_CONTINUATIONS && isPaused(answer); continuation += 1) {
    const next = continuationOf(body, answer.content, webSearchRequestsOf(answer.usage as AnthropicUsage | undefined));
    if (next === null) break;
    const paused: PausableAnswer = answer;
    const continued = await send(next).catch((error: unknown) => {
      onServed?.(paused);
      throw error;
    });
    answer = joinedAnswers(paused, continued);
  }
  return answer;
}

/** A tool call's joined `input_json_delta`s; a call without arguments streams only an empty fragment. */
function streamedInput(json: string): Record<string, unknown> {
  if (json.trim() === '') return {};
  const input = parseJsonObject(json);
  if (input === null) throw GatewayError.unexpectedAnswer(`Anthropic streamed a server tool's input that is not a JSON object: ${excerpt(json)}`);
  return input;
}

/**
 * One streamed message's content blocks rebuilt from its events, as Anthropic's SDKs accumulate
 * them: each block as it started, text, thinking and citations appended, a signature set, a tool
 * call's `input_json_delta`s joined and read as its input. Paused: the message ended (`message_stop`)
 * with `pause_turn`; a stream cut before its end is not continued (the fold reports it cut off).
 */
export function createStreamedContent() {
  const blocks: AnthropicResponseBlock[] = [];
  const inputs = new Map<number, string>();
  let stopReason: string | null = null;
  let stopped = false;
  let searches = 0;

  function onDelta(block: AnthropicResponseBlock, index: number, delta: NonNullable<AnthropicStreamEvent['delta']>): void {
    if (delta.type === 'text_delta') block.text = (block.text ?? '') + (delta.text ?? '');
    else if (delta.type === 'thinking_delta') block.thinking = (block.thinking ?? '') + (delta.thinking ?? '');
    else if (delta.type === 'signature_delta') block.signature = delta.signature;
    else if (delta.type === 'citations_delta' && delta.citation) block.citations = [...(block.citations ?? []), delta.citation];
    else if (delta.type === 'input_json_delta') inputs.set(index, (inputs.get(index) ?? '') + (delta.partial_json ?? ''));
  }

  return {
    /** Events that are not JSON objects are left to the stream fold, which reports them. */
    event(event: SseEvent): void {
      const parsed = parseJsonObject(event.data) as AnthropicStreamEvent | null;
      const index = parsed?.index ?? -1;
      const block = blocks[index];
      if (parsed?.type === 'content_block_start' && isRecord(parsed.content_block)) blocks[index] = { ...parsed.content_block };
      else if (parsed?.type === 'content_block_delta' && block !== undefined && parsed.delta) onDelta(block, index, parsed.delta);
      else if (parsed?.type === 'content_block_stop' && block !== undefined && inputs.has(index)) block.input = streamedInput(inputs.get(index)!);
      else if (parsed?.type === 'message_delta') {
        stopReason = parsed.delta?.stop_reason ?? stopReason;
        // The message's count so far: message_delta's usage is cumulative.
        searches = webSearchRequestsOf(parsed.usage) || searches;
      } else if (parsed?.type === 'message_stop') stopped = true;
    },
    get paused(): boolean {
      return stopped && stopReason === PAUSE_TURN;
    },
    /** The web searches the message reported. */
    get searches(): number {
      return searches;
    },
    blocks(): AnthropicResponseBlock[] {
      return blocks.filter((block) => block !== undefined);
    },
  };
}

/**
 * The events of a streamed answer whose paused turn is continued (see above): each call's events in
 * turn, the next call sent once a paused one has ended. `open` requests one stream.
 */
export async function* eventsContinuingPausedTurn(body: Record<string, unknown>, open: (body: Record<string, unknown>) => AsyncIterable<SseEvent>): AsyncGenerator<SseEvent> {
  let paused: AnthropicResponseBlock[] = [];
  let searches = 0;
  for (let call = 0; call <= MAX_PAUSE_CONTINUATIONS; call += 1) {
    const sent = call === 0 ? body : continuationOf(body, paused, searches);
    if (sent === null) return;
    const content = createStreamedContent();
    for await (const event of open(sent)) {
      content.event(event);
      yield event;
    }
    if (!content.paused) return;
    paused = [...paused, ...content.blocks()];
    searches += content.searches;
  }
}
