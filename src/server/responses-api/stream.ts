/**
 * The unified chat stream as Responses API stream events: a stateful fold, `chunk(c) → events[]`,
 * `end() → events[]`, `failed(error) → event`, no I/O.
 * Reference: https://platform.openai.com/docs/api-reference/responses-streaming
 *
 * response.created and response.in_progress come with the first chunk. Each output item opens with
 * response.output_item.added and closes with response.output_item.done, in between: reasoning text
 * as one summary part (response.reasoning_summary_part.added, .reasoning_summary_text.delta / .done,
 * .reasoning_summary_part.done), its signed thinking blocks (Claude's) joined into its `encrypted_content`
 * once it is done, when asked for (encrypted-thinking.ts); text and refusal as the message's content parts
 * (response.content_part.added, .output_text.delta / .done or .refusal.delta / .done,
 * .content_part.done; a chunk's text tokens, when the provider sent them, on its .output_text.delta, all
 * of them on .done and as the part's `logprobs`: logprobs.ts), the answer's url citations as its output_text part's annotations
 * (.output_text.annotation.added, then in the part's and item's .done and the last Response; those
 * that come after a function call closed the message are added to it, and show in the last Response);
 * a tool call as a function_call item (.function_call_arguments.delta / .done); to a request with the
 * web search tool, an answer's citations as a web_search_call item (.web_search_call.in_progress /
 * .searching / .completed) once the answer is complete, as the chat stream names no search before them.
 * As in OpenAI's stream, an item closes once it is complete: when the next item opens, or on the
 * chunk with the finish reason (before the usage chunk that may follow it); function calls, whose
 * pieces a provider may interleave, close together on the finish reason or when text follows them.
 * A piece of a call already closed cannot be sent: the stream fails. The last event is
 * response.completed or response.incomplete with the whole Response, usage included (an incomplete
 * one's last item is too).
 */
import { GatewayError } from '../../errors';
import type { ChatChunk, ResponsesOutputContent, ResponsesOutputItem, ResponsesResponse, ResponsesStreamEvent, ResponsesUrlCitation, ToolCallDelta, UrlCitation, Usage } from '../../schema';
import { StreamedThinking } from '../kept-thinking';
import { endingOf, newId, responseObject, responsesCitationOf, responsesUsageOf, type ResponseSettings } from './answer';
import { encryptedContentOf } from './encrypted-thinking';
import { responsesLogprobsOf, streamedLogprobsOf, type ResponsesLogprob } from './logprobs';
import { webSearchCallOf, type WebSearchReport } from './web-search';

type PartKind = 'output_text' | 'refusal';

interface ReasoningItem {
  kind: 'reasoning';
  outputIndex: number;
  id: string;
  /** The summary's text, once a piece has come (a redacted thinking block comes without any). */
  text: string | null;
  /** Its signed thinking blocks (Claude's), joined from their pieces. */
  thinking: StreamedThinking;
  done: boolean;
}

/** A content part of a message item; `annotations` are an output_text part's citations, `logprobs` its tokens (none yet: `[]`, as OpenAI's). */
interface MessagePart {
  kind: PartKind;
  text: string;
  annotations: ResponsesUrlCitation[];
  logprobs: ResponsesLogprob[];
}

interface MessageItem {
  kind: 'message';
  outputIndex: number;
  id: string;
  parts: MessagePart[];
  done: boolean;
}

interface CallItem {
  kind: 'call';
  outputIndex: number;
  id: string;
  /** The tool call's `index` in the chat stream, on which its pieces join. */
  chatIndex: number;
  callId: string;
  name: string;
  arguments: string;
  done: boolean;
}

/** The search the answer's citations show, reported once the answer is complete. */
interface SearchItem {
  kind: 'search';
  outputIndex: number;
  id: string;
  citations: ResponsesUrlCitation[];
  report: WebSearchReport;
  done: boolean;
}

type StreamItem = ReasoningItem | MessageItem | CallItem | SearchItem;

/** The part as it stands (its lists copied: an event is written after the rest of its chunk's events are made). */
function partOf(part: MessagePart): ResponsesOutputContent {
  if (part.kind === 'refusal') return { type: 'refusal', refusal: part.text };
  return { type: 'output_text', text: part.text, annotations: [...part.annotations], logprobs: [...part.logprobs] };
}

/** A closed reasoning item's thinking blocks, as its `encrypted_content`. */
function encryptedContentField(item: ReasoningItem): { encrypted_content?: string } {
  const blocks = item.thinking.blocks.filter(() => true);
  return item.done && blocks.length > 0 ? { encrypted_content: encryptedContentOf(blocks) } : {};
}

/**
 * An item as it stands; `shell` is the item as output_item.added gives it, before its content, a
 * `cut` item the last one of an incomplete answer, and `encryptedContent` whether a reasoning item
 * shows its thinking blocks.
 */
function outputItemOf(item: StreamItem, options: { shell?: boolean; cut?: boolean; encryptedContent?: boolean } = {}): ResponsesOutputItem {
  const { shell = false, cut = false, encryptedContent = false } = options;
  const status = !item.done ? 'in_progress' : cut ? 'incomplete' : 'completed';
  switch (item.kind) {
    case 'reasoning':
      return { type: 'reasoning', id: item.id, summary: shell || item.text === null ? [] : [{ type: 'summary_text', text: item.text }], ...(encryptedContent ? encryptedContentField(item) : {}), status };
    case 'message':
      return { type: 'message', id: item.id, status, role: 'assistant', content: shell ? [] : item.parts.map(partOf) };
    case 'call':
      return { type: 'function_call', id: item.id, call_id: item.callId, name: item.name, arguments: shell ? '' : item.arguments, status };
    case 'search':
      return webSearchCallOf({ id: item.id, status: item.done ? 'completed' : 'in_progress', citations: item.citations, report: item.report });
    default: {
      const unreachable: never = item;
      return unreachable;
    }
  }
}

/** One Responses stream, folded from the chat chunks of one answer (its first choice). */
export class ResponsesStreamFold {
  private sequence = 0;
  private readonly id = newId('resp');
  private started = false;
  private createdAt = Math.floor(Date.now() / 1000);
  private model = '';
  private readonly items: StreamItem[] = [];
  private finishReason: string | null = null;
  private usage: Usage | null = null;
  /** The last item of an answer cut short (at the token limit, by a content filter): `incomplete`, as OpenAI's. */
  private cutItem: StreamItem | undefined;

  /** `webSearch` when the request had the web search tool; `showsEncryptedContent` when its `include` asks for reasoning items' `encrypted_content`. */
  constructor(
    private readonly settings: ResponseSettings,
    private readonly webSearch?: WebSearchReport,
    private readonly showsEncryptedContent = false,
  ) {}

  chunk(chunk: ChatChunk): ResponsesStreamEvent[] {
    const events = this.start(chunk);
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices.find((candidate) => candidate.index === 0);
    if (choice === undefined) return events;
    const { delta } = choice;
    if (delta.reasoning_content) events.push(...this.reasoningDelta(delta.reasoning_content));
    if (delta.thinking_blocks?.length) this.reasoningItem(events).thinking.add(chunk);
    if (delta.content) events.push(...this.textDelta('output_text', delta.content, responsesLogprobsOf(choice.logprobs)));
    if (delta.refusal) events.push(...this.textDelta('refusal', delta.refusal));
    if (delta.annotations?.length) events.push(...this.citations(delta.annotations));
    for (const piece of delta.tool_calls ?? []) events.push(...this.callDelta(piece));
    if (choice.finish_reason) events.push(...this.finish(choice.finish_reason));
    return events;
  }

  end(): ResponsesStreamEvent[] {
    const events = [...this.start(null), ...this.closeOpenItems(), ...this.reportSearch()];
    const ending = endingOf(this.finishReason);
    events.push(this.event(ending.status === 'completed' ? 'response.completed' : 'response.incomplete', { response: this.response(ending) }));
    return events;
  }

  /**
   * The finished Response to keep, from the one the last event showed: with its reasoning items'
   * `encrypted_content` even when not shown, for previous_response_id and item_reference.
   */
  keptResponse(shown: ResponsesResponse): ResponsesResponse {
    const hidesBlocks = !this.showsEncryptedContent && this.items.some((item) => item.kind === 'reasoning' && item.thinking.blocks.length > 0);
    return hidesBlocks ? { ...shown, output: this.items.map((item) => outputItemOf(item, { cut: item === this.cutItem, encryptedContent: true })) } : shown;
  }

  /**
   * The events that open the stream when no chunk has yet (`response.created`, `response.in_progress`),
   * none once one has: a failure before the first chunk, after a keep-alive sent the headers, still
   * opens the Response before it fails, as OpenAI's streams do and its SDK's stream helper requires.
   */
  opening(): ResponsesStreamEvent[] {
    return this.start(null);
  }

  /** The event that ends a stream after a failure: the Response so far, with the error. */
  failed(error: { code: string | null; message: string }): ResponsesStreamEvent {
    return this.event('response.failed', { response: this.response({ status: 'failed', incomplete_details: null }, error) });
  }

  private event(type: string, fields: Record<string, unknown>): ResponsesStreamEvent {
    const event = { type, sequence_number: this.sequence, ...fields };
    this.sequence += 1;
    return event;
  }

  private response(ending: Parameters<typeof responseObject>[0]['ending'], error?: ResponsesResponse['error']): ResponsesResponse {
    const output = this.items.map((item) => this.itemNow(item));
    return responseObject({ id: this.id, createdAt: this.createdAt, model: this.model, ending, output, usage: responsesUsageOf(this.usage), settings: this.settings, error });
  }

  private start(chunk: ChatChunk | null): ResponsesStreamEvent[] {
    if (this.started) return [];
    this.started = true;
    if (chunk) {
      this.createdAt = chunk.created;
      this.model = chunk.model;
    }
    const inProgress = { status: 'in_progress', incomplete_details: null } as const;
    return [this.event('response.created', { response: this.response(inProgress) }), this.event('response.in_progress', { response: this.response(inProgress) })];
  }

  /** The answer is complete: its last item is cut if the answer was, and every item closes. */
  private finish(finishReason: string): ResponsesStreamEvent[] {
    this.finishReason = finishReason;
    const last = this.items.at(-1);
    if (endingOf(finishReason).status === 'incomplete' && last?.done === false) this.cutItem = last;
    return [...this.closeOpenItems(), ...this.reportSearch()];
  }

  /** The web search the answer's citations show, once, after the items they are in. */
  private reportSearch(): ResponsesStreamEvent[] {
    if (this.webSearch === undefined || this.items.some((item) => item.kind === 'search')) return [];
    const citations = this.items.flatMap((item) => (item.kind === 'message' ? item.parts.flatMap((part) => part.annotations) : []));
    if (citations.length === 0) return [];
    const events: ResponsesStreamEvent[] = [];
    const item = this.open({ kind: 'search', outputIndex: this.items.length, id: newId('ws'), citations, report: this.webSearch, done: false }, events);
    const where = { item_id: item.id, output_index: item.outputIndex };
    for (const stage of ['in_progress', 'searching', 'completed']) events.push(this.event(`response.web_search_call.${stage}`, where));
    return [...events, ...this.close(item)];
  }

  private closeOpenItems(): ResponsesStreamEvent[] {
    return this.items.filter((item) => !item.done).flatMap((item) => this.close(item));
  }

  /**
   * Adds an item and announces it, closing the items before it, which are complete; but a function
   * call leaves the calls before it open until the finish reason, as a provider may interleave the
   * pieces of parallel calls.
   */
  private open<Item extends StreamItem>(item: Item, events: ResponsesStreamEvent[]): Item {
    const complete = this.items.filter((open) => !open.done && !(open.kind === 'call' && item.kind === 'call'));
    events.push(...complete.flatMap((open) => this.close(open)));
    this.items.push(item);
    events.push(this.event('response.output_item.added', { output_index: item.outputIndex, item: outputItemOf(item, { shell: true }) }));
    return item;
  }

  private openItem<Kind extends StreamItem['kind']>(kind: Kind): Extract<StreamItem, { kind: Kind }> | undefined {
    const last = this.items.at(-1);
    return last?.kind === kind && !last.done ? (last as Extract<StreamItem, { kind: Kind }>) : undefined;
  }

  /** The open reasoning item, else a new one. */
  private reasoningItem(events: ResponsesStreamEvent[]): ReasoningItem {
    return this.openItem('reasoning') ?? this.open({ kind: 'reasoning', outputIndex: this.items.length, id: newId('rs'), text: null, thinking: new StreamedThinking(), done: false }, events);
  }

  private reasoningDelta(text: string): ResponsesStreamEvent[] {
    const events: ResponsesStreamEvent[] = [];
    const item = this.reasoningItem(events);
    if (item.text === null) {
      item.text = '';
      events.push(this.event('response.reasoning_summary_part.added', { item_id: item.id, output_index: item.outputIndex, summary_index: 0, part: { type: 'summary_text', text: '' } }));
    }
    item.text += text;
    events.push(this.event('response.reasoning_summary_text.delta', { item_id: item.id, output_index: item.outputIndex, summary_index: 0, delta: text }));
    return events;
  }

  /** The message item's last part when it is of `kind`; else a new one (and a new message item when none is open). */
  private openPart(kind: PartKind, events: ResponsesStreamEvent[]): { item: MessageItem; part: MessagePart; where: { item_id: string; output_index: number; content_index: number } } {
    const item = this.openItem('message') ?? this.open({ kind: 'message', outputIndex: this.items.length, id: newId('msg'), parts: [], done: false }, events);
    let part = item.parts.at(-1);
    if (part?.kind !== kind) {
      if (part) events.push(...this.closePart(item));
      part = { kind, text: '', annotations: [], logprobs: [] };
      item.parts.push(part);
      events.push(this.event('response.content_part.added', { item_id: item.id, output_index: item.outputIndex, content_index: item.parts.length - 1, part: partOf(part) }));
    }
    return { item, part, where: { item_id: item.id, output_index: item.outputIndex, content_index: item.parts.length - 1 } };
  }

  /** `logprobs`: the chunk's text tokens, when the provider sent them. */
  private textDelta(kind: PartKind, text: string, logprobs?: ResponsesLogprob[]): ResponsesStreamEvent[] {
    const events: ResponsesStreamEvent[] = [];
    const { part, where } = this.openPart(kind, events);
    part.text += text;
    if (kind === 'refusal') return [...events, this.event('response.refusal.delta', { ...where, delta: text })];
    if (logprobs !== undefined) part.logprobs = [...part.logprobs, ...logprobs];
    return [...events, this.event('response.output_text.delta', { ...where, delta: text, logprobs: streamedLogprobsOf(logprobs ?? []) })];
  }

  /**
   * The text part a citation cites: the open message's, else the last text part of a message a
   * function call closed (Anthropic cites at the answer's end, Gemini on its finishing event, both
   * possibly after a call), else a new one.
   */
  private citedPart(events: ResponsesStreamEvent[]): { part: MessagePart; where: { item_id: string; output_index: number; content_index: number } } {
    const closed = this.openItem('message') === undefined ? this.items.filter((item): item is MessageItem => item.kind === 'message').at(-1) : undefined;
    const index = closed === undefined ? -1 : closed.parts.map((part) => part.kind).lastIndexOf('output_text');
    if (closed === undefined || index < 0) return this.openPart('output_text', events);
    return { part: closed.parts[index], where: { item_id: closed.id, output_index: closed.outputIndex, content_index: index } };
  }

  /** The answer's url citations, each announced on the output_text part they cite (they follow their text). */
  private citations(citations: readonly UrlCitation[]): ResponsesStreamEvent[] {
    const events: ResponsesStreamEvent[] = [];
    const { part, where } = this.citedPart(events);
    for (const citation of citations) {
      const annotation = responsesCitationOf(citation);
      events.push(this.event('response.output_text.annotation.added', { ...where, annotation_index: part.annotations.length, annotation }));
      part.annotations.push(annotation);
    }
    return events;
  }

  private callDelta(piece: ToolCallDelta): ResponsesStreamEvent[] {
    const events: ResponsesStreamEvent[] = [];
    const found = this.items.find((item): item is CallItem => item.kind === 'call' && item.chatIndex === piece.index);
    if (found?.done) {
      throw GatewayError.unexpectedAnswer(`The provider sent more of tool call ${piece.index} after the answer's text or its finish reason; a Responses stream cannot reopen a closed function_call item.`);
    }
    const item =
      found ??
      this.open({ kind: 'call', outputIndex: this.items.length, id: newId('fc'), chatIndex: piece.index, callId: piece.id ?? newId('call'), name: piece.function.name ?? '', arguments: '', done: false }, events);
    if (piece.function.name && item.name === '') item.name = piece.function.name;
    const { arguments: text } = piece.function;
    if (text) {
      item.arguments += text;
      events.push(this.event('response.function_call_arguments.delta', { item_id: item.id, output_index: item.outputIndex, delta: text }));
    }
    return events;
  }

  private closePart(item: MessageItem): ResponsesStreamEvent[] {
    const index = item.parts.length - 1;
    const part = item.parts[index];
    const where = { item_id: item.id, output_index: item.outputIndex, content_index: index };
    const done = part.kind === 'output_text' ? this.event('response.output_text.done', { ...where, text: part.text, logprobs: streamedLogprobsOf(part.logprobs) }) : this.event('response.refusal.done', { ...where, refusal: part.text });
    return [done, this.event('response.content_part.done', { ...where, part: partOf(part) })];
  }

  private close(item: StreamItem): ResponsesStreamEvent[] {
    const events: ResponsesStreamEvent[] = [];
    const where = { item_id: item.id, output_index: item.outputIndex };
    if (item.kind === 'reasoning' && item.text !== null) {
      const part = { type: 'summary_text', text: item.text };
      events.push(this.event('response.reasoning_summary_text.done', { ...where, summary_index: 0, text: item.text }), this.event('response.reasoning_summary_part.done', { ...where, summary_index: 0, part }));
    } else if (item.kind === 'message') {
      if (item.parts.length > 0) events.push(...this.closePart(item));
    } else if (item.kind === 'call') {
      events.push(this.event('response.function_call_arguments.done', { ...where, name: item.name, arguments: item.arguments }));
    }
    item.done = true;
    events.push(this.event('response.output_item.done', { output_index: item.outputIndex, item: this.itemNow(item) }));
    return events;
  }

  private itemNow(item: StreamItem): ResponsesOutputItem {
    return outputItemOf(item, { cut: item === this.cutItem, encryptedContent: this.showsEncryptedContent });
  }
}
