/**
 * Claude's signed thinking for clients that send an answer back rebuilt from OpenAI's fields alone
 * (the openai node client's `runTools()`, the AI SDK's OpenAI chat model, the OpenAI Agents SDK): they
 * drop `thinking_blocks`, and Claude refuses a tool loop's assistant turn without its thinking ("Pass
 * thinking blocks back complete and unmodified",
 * https://platform.claude.com/docs/en/build-with-claude/thinking-tool-workflows).
 *
 * A thinking request's answer from an endpoint with signed thinking (`ProviderEndpoint.signedThinking`)
 * that has thinking blocks and tool calls (the request has `tools`) has its blocks kept in the response store, found by any
 * of its tool call ids, in the caller's space (a stream once it has finished with tool calls); a kept
 * `/v1/responses` answer's ids name the reasoning items of the kept response instead, which hold them. A
 * thinking request to such an endpoint whose last assistant message has tool calls and no
 * `thinking_blocks` gets them back from there, as do the assistant messages of the same tool loop
 * before it; no other request asks the store anything. Claude also refuses a tool loop whose thinking
 * is turned off halfway ("Keep one thinking configuration per assistant turn"), so when the blocks
 * Claude needs are not kept, the request is a 400 naming the message's `thinking_blocks`, before
 * anything is sent. A store that does not answer (the cluster primary under --workers) is a 503 only
 * then: a request Claude takes without the blocks (a user message follows the tool results) goes as sent.
 */
import { GatewayError } from '../errors';
import { hasText } from '../providers/shared/blank-text';
import { isRecord } from '../providers/shared/json';
import { placedWithoutText, withPlace } from '../providers/shared/thinking-places';
import { responseStoreOfProcess } from '../response-store';
import type { ResponsesOutputContent, ResponsesResponse, ThinkingBlock } from '../schema';
import { thinkingBlocksOf } from './responses-api/encrypted-thinking';
import { askStore, type StoreAccess } from './responses-api/stored';

/** One chat request's kept thinking: where it is, and its lookup once made (a route's destinations share it). */
export interface KeptThinking {
  access: StoreAccess;
  found?: Promise<Map<string, KeptBlocks>>;
  /** The 400 for blocks Claude needs and the gateway has not kept, given why, when the route's request is not a chat request (`/v1/responses`). */
  notKept?: (why: string) => GatewayError;
  /**
   * False when the chat answer's thinking is not kept here: `/v1/responses` keeps it with the kept
   * response, by reference (`keepResponseThinking`), and not at all after `store: false`.
   */
  keeps?: boolean;
}

/** The assistant messages whose thinking a request needs back. */
export interface ThinkingRestoration {
  /** Their indexes in `messages`, the last assistant message first, then the tool loop's earlier ones. */
  indexes: number[];
  /** Only tool results follow the last one: Claude refuses the request without its blocks. */
  required: boolean;
}

type Message = Record<string, unknown>;

/** A caller's thinking, apart from its Responses API space (a client key's hex digest, or ''): no response or item id reaches it. */
const spaceOf = (access: StoreAccess): string => `thinking:${access.space}`;

const hasItems = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > 0;

/** Whether the request (with the endpoint's defaults) asks Claude to think: `thinking` enabled or adaptive, or a `reasoning_effort` but `none`. */
export function asksToThink(request: Readonly<Record<string, unknown>>): boolean {
  const { thinking, reasoning_effort: effort } = request;
  if (isRecord(thinking)) return thinking.type === 'enabled' || thinking.type === 'adaptive';
  return typeof effort === 'string' && effort !== 'none';
}

function lacksThinking(message: unknown): message is Message {
  return isRecord(message) && message.role === 'assistant' && hasItems(message.tool_calls) && !hasItems(message.thinking_blocks);
}

/**
 * The assistant messages of a thinking request that need their kept thinking: none (null, no lookup)
 * unless the last assistant message has tool calls and no `thinking_blocks`; then it, and those of
 * its tool loop before it (back to the user's message) that lack theirs too.
 */
export function thinkingRestorationOf(request: Readonly<Record<string, unknown>>): ThinkingRestoration | null {
  const { messages } = request;
  if (!Array.isArray(messages) || !asksToThink(request)) return null;
  let last = messages.length - 1;
  while (last >= 0 && !(isRecord(messages[last]) && messages[last].role === 'assistant')) last -= 1;
  if (last < 0 || !lacksThinking(messages[last])) return null;
  const required = messages.slice(last + 1).every((message) => isRecord(message) && message.role === 'tool');
  const indexes = [last];
  for (let index = last - 1; index >= 0 && !(isRecord(messages[index]) && messages[index].role === 'user'); index -= 1) {
    if (lacksThinking(messages[index])) indexes.push(index);
  }
  return { indexes, required };
}

function toolCallIdsOf(message: Message): string[] {
  return (message.tool_calls as unknown[]).flatMap((call) => (isRecord(call) && typeof call.id === 'string' ? [call.id] : []));
}

/**
 * What a tool call id names in the thinking space: a chat answer's blocks, or the reasoning items of
 * the kept Responses answer that hold them (their `encrypted_content`), in the caller's Responses space;
 * and whether that answer had text (a chat answer's content, a Responses message item; not blank: blank-text.ts), which its blocks' places count.
 */
type KeptText = { blocks: ThinkingBlock[]; text?: true } | { reasoningItems: string[]; text?: true };

/** An answer's kept blocks; `countedText`: their places count the answer's text (a client may send the turn back without it). */
export interface KeptBlocks {
  blocks: ThinkingBlock[];
  countedText: boolean;
}

/** The blocks the reasoning items hold, in their order; null when one of them is no longer kept. */
async function blocksOfReasoningItems(ids: readonly string[], access: StoreAccess): Promise<ThinkingBlock[] | null> {
  const findings = await askStore(() => responseStoreOfProcess().find({ space: access.space, previousId: null, itemIds: [...ids] }, access.plan));
  if (findings.items.some((item) => item === null)) return null;
  return findings.items.flatMap((item, position) => thinkingBlocksOf(JSON.parse(item!) as { encrypted_content?: string }, ids[position]) ?? []);
}

/**
 * The kept blocks by tool call id, for the messages' calls: one question to the store, and one more
 * for each kept Responses answer they name (every call id of an answer names the same text: its
 * reasoning items are asked for once, not once per parallel call).
 */
async function lookUp(messages: Message[], indexes: number[], access: StoreAccess): Promise<Map<string, KeptBlocks>> {
  const itemIds = indexes.flatMap((index) => toolCallIdsOf(messages[index]));
  const findings = await askStore(() => responseStoreOfProcess().find({ space: spaceOf(access), previousId: null, itemIds }, access.plan));
  const found = new Map<string, KeptBlocks>();
  const blocksByText = new Map<string, Promise<KeptBlocks | null>>();
  const blocksOf = async (text: string): Promise<KeptBlocks | null> => {
    const kept = JSON.parse(text) as KeptText;
    if ('blocks' in kept) return { blocks: kept.blocks, countedText: kept.text === true };
    const blocks = await blocksOfReasoningItems(kept.reasoningItems, access);
    return blocks === null ? null : { blocks, countedText: kept.text === true };
  };
  for (const [position, item] of findings.items.entries()) {
    if (item === null) continue;
    if (!blocksByText.has(item)) blocksByText.set(item, blocksOf(item));
    const blocks = await blocksByText.get(item)!;
    if (blocks !== null && blocks.blocks.length > 0) found.set(itemIds[position], blocks);
  }
  return found;
}

/** The kept blocks for the message: placed without the answer's text when the message has none (blank text is none: blank-text.ts). */
function thinkingFor(message: Message, kept: KeptBlocks): ThinkingBlock[] {
  return kept.countedText && !hasText(message.content) ? placedWithoutText(kept.blocks) : kept.blocks;
}

function whyNotKept(access: StoreAccess): string {
  return access.plan.enabled
    ? 'the gateway has none kept for its tool calls (it keeps them for response_store.max_age, for the client key that got the answer, on the gateway host that answered it)'
    : 'the gateway keeps none, as response_store.enabled is false';
}

function notKept(index: number, access: StoreAccess): GatewayError {
  const why = whyNotKept(access);
  const param = `messages[${index}].thinking_blocks`;
  return GatewayError.invalidParam(
    `${param}: is required: with thinking on, Claude needs the assistant message with tool_calls back with the thinking blocks of its answer, and ${why}. Send the answer's message back whole, with its thinking_blocks.`,
    param,
  );
}

/**
 * The kept blocks by tool call id; none when the store is off, or when it does not answer (a 503,
 * `askStore`) and Claude takes the request without them: the answer matters more than the thinking.
 */
async function foundBlocks(messages: Message[], restoration: ThinkingRestoration, kept: KeptThinking): Promise<Map<string, KeptBlocks>> {
  if (!kept.access.plan.enabled) return new Map();
  try {
    return await (kept.found ??= lookUp(messages, restoration.indexes, kept.access));
  } catch (error) {
    if (restoration.required) throw error;
    return new Map();
  }
}

/**
 * The request with the kept thinking blocks on the messages of `restoration` (those not kept are left
 * as they are, but for the last assistant message when Claude requires its blocks: a 400, or the
 * store's 503 when it did not answer).
 */
export async function withKeptThinking(request: Record<string, unknown>, restoration: ThinkingRestoration, kept: KeptThinking): Promise<Record<string, unknown>> {
  const messages = request.messages as Message[];
  const found = await foundBlocks(messages, restoration, kept);
  const restored = messages.slice();
  for (const index of restoration.indexes) {
    const blocks = toolCallIdsOf(messages[index])
      .map((id) => found.get(id))
      .find((item) => item !== undefined);
    if (blocks !== undefined) restored[index] = { ...messages[index], thinking_blocks: thinkingFor(messages[index], blocks) };
    else if (index === restoration.indexes[0] && restoration.required) throw kept.notKept?.(whyNotKept(kept.access)) ?? notKept(index, kept.access);
  }
  return { ...request, messages: restored };
}

/**
 * Where the thinking of this request's answer is kept: nowhere (null) with the store off, after `store: false` (`/v1/responses`), or without
 * `tools`, as only a request with tools is answered with tool calls.
 */
export function answerThinkingKept(request: Readonly<Record<string, unknown>>, kept: KeptThinking | null): KeptThinking | null {
  return kept !== null && kept.access.plan.enabled && kept.keeps !== false && hasItems(request.tools) ? kept : null;
}

/**
 * Keeps what names an answer's thinking under each of its tool call ids; one larger than `max_size` is
 * not kept. `keptWith`: the kept response whose reasoning items it names, whose lifetime it shares.
 */
function keepUnderCallIds(kept: KeptText, toolCallIds: readonly string[], access: StoreAccess, keptWith?: { space: string; id: string }): void {
  const input = JSON.stringify(kept);
  if (input.length > access.plan.maxBytes) return;
  // One copy of the blocks, which every call id names (as the store names an input item by its place in the input's text).
  const inputIds = toolCallIds.map((id) => ({ id, start: 0, end: input.length }));
  responseStoreOfProcess().keep({ space: spaceOf(access), id: toolCallIds[0], previousId: null, input, inputIds, output: [], response: '', ...(keptWith && { keptWith }) }, access.plan);
}

interface AnswerMessage {
  content?: unknown;
  thinking_blocks?: ThinkingBlock[];
  tool_calls?: { id: string }[] | null;
}

/** A Responses message item's text as a request that sends the item back joins it (responses-api/request.ts): a refusal is the assistant's words too. */
function messageTextOf(content: readonly ResponsesOutputContent[]): string {
  return content.map((part) => (part.type === 'output_text' ? part.text : part.refusal)).join('');
}

/**
 * Keeps, under the tool call ids of a kept Responses answer, which of its reasoning items hold its
 * thinking: the blocks are kept once, in the response (their `encrypted_content`), and the record
 * goes with it (renewed when the response is continued, dropped with it for age or room, or deleted).
 * For clients that send the function calls back without the reasoning items.
 */
export function keepResponseThinking(access: StoreAccess, response: ResponsesResponse): void {
  const reasoningItems = response.output.flatMap((item) => (item.type === 'reasoning' && item.encrypted_content !== undefined ? [item.id] : []));
  const toolCallIds = response.output.flatMap((item) => (item.type === 'function_call' ? [item.call_id] : []));
  const text = response.output.some((item) => item.type === 'message' && hasText(messageTextOf(item.content)));
  if (reasoningItems.length > 0 && toolCallIds.length > 0) keepUnderCallIds({ reasoningItems, ...(text && { text }) }, toolCallIds, access, { space: access.space, id: response.id });
}

/** A chat answer's kept blocks, saying whether the answer had text: its blocks' places count it, and a client may send the turn back without it. */
const withText = (kept: { blocks: ThinkingBlock[] }, text: boolean): KeptText => (text ? { ...kept, text } : kept);

/** Keeps the thinking of a chat answer's messages that have thinking blocks and tool calls. */
export function keepAnswerThinking(answer: unknown, kept: KeptThinking): void {
  const choices = isRecord(answer) && Array.isArray(answer.choices) ? (answer.choices as { message?: AnswerMessage }[]) : [];
  for (const { message } of choices) {
    if (!hasItems(message?.thinking_blocks) || !hasItems(message.tool_calls)) continue;
    keepUnderCallIds(withText({ blocks: message.thinking_blocks }, hasText(message.content)), message.tool_calls.map((call) => call.id), kept.access);
  }
}

type BlockPiece = { index: number; type: string; thinking?: string; signature?: string; data?: string; content_index?: number };
type ChunkChoice = { delta?: { content?: string | null; thinking_blocks?: BlockPiece[]; tool_calls?: { index: number; id?: string | null }[] }; finish_reason?: string | null };

/** A stream's thinking blocks and tool call ids, joined from its chunks' pieces as a client joins them, and whether it had text. */
export class StreamedThinking {
  readonly blocks: ThinkingBlock[] = [];
  readonly toolCallIds: string[] = [];
  finishReason: string | null = null;
  text = false;

  add(chunk: unknown): void {
    const choice = isRecord(chunk) && Array.isArray(chunk.choices) ? (chunk.choices[0] as ChunkChoice | undefined) : undefined;
    if (choice === undefined) return;
    for (const piece of choice.delta?.thinking_blocks ?? []) this.addPiece(piece);
    if (hasText(choice.delta?.content)) this.text = true;
    // A call's id comes with its first piece only.
    for (const call of choice.delta?.tool_calls ?? []) if (typeof call.id === 'string') this.toolCallIds[call.index] = call.id;
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
  }

  /** A redacted block comes whole; thinking text joins on its block's index, and the signature closes it. Each piece has the block's place (`content_index`). */
  private addPiece(piece: BlockPiece): void {
    const block = this.blocks[piece.index];
    if (block === undefined) {
      const first: ThinkingBlock = piece.type === 'redacted_thinking' ? { type: 'redacted_thinking', data: piece.data ?? '' } : { type: 'thinking', thinking: piece.thinking ?? '', signature: piece.signature ?? '' };
      this.blocks[piece.index] = withPlace(first, piece.content_index ?? 0);
    } else if (block.type === 'thinking') {
      block.thinking += piece.thinking ?? '';
      if (piece.signature !== undefined) block.signature = piece.signature;
    }
  }
}

/** The stream, its thinking kept once it has finished with tool calls (before the client sees its end). */
export async function* keepingStreamThinking<Chunk>(chunks: AsyncIterable<Chunk>, kept: KeptThinking): AsyncIterable<Chunk> {
  const streamed = new StreamedThinking();
  for await (const chunk of chunks) {
    streamed.add(chunk);
    yield chunk;
  }
  // Arrays filled by index: filter() leaves out any index no piece came for.
  const toolCallIds = streamed.toolCallIds.filter(() => true);
  if (streamed.finishReason === 'tool_calls' && streamed.blocks.length > 0 && toolCallIds.length > 0) keepUnderCallIds(withText({ blocks: streamed.blocks.filter(() => true) }, streamed.text), toolCallIds, kept.access);
}
