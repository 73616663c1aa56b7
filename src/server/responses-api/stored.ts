/**
 * The Responses API's kept state (src/response-store/): a request's `previous_response_id` and its
 * `item_reference`s resolved to items before it is translated, and its answer kept after. Reference:
 * https://platform.openai.com/docs/api-reference/responses/create (`previous_response_id`, `store`).
 *
 * A request that refers to nothing kept asks the store nothing. A miss is the same whatever its
 * cause (unknown, `store: false`, another client key, another host, dropped for age or room), so a
 * key learns nothing of another's responses: OpenAI's 400 `previous_response_not_found` for the
 * previous response, a 404 for an item.
 */
import type { ResponseStorePlan } from '../../config/response-store-settings';
import { GatewayError, RESPONSE_STORE_UNAVAILABLE_CODE } from '../../errors';
import { responseStoreOfProcess, type KeptResponse, type StoreFindings } from '../../response-store';
import type { ResponsesDeleted, ResponsesInputItem, ResponsesInputItemList, ResponsesRequest, ResponsesResponse } from '../../schema';
import { includesEncryptedContent, withoutEncryptedContents } from './encrypted-thinking';
import { inputItemsPage, inputItemsQueryOf } from './input-items';
import { isLeftOutItem, isReasoningId, STORE_OFF } from './request';
import { quoted } from '../../config/quoted';

/** The store as one request sees it: the config's bounds and the caller's space (client key). */
export interface StoreAccess {
  plan: ResponseStorePlan;
  /** The client key's `storeSpace`, or '' without client keys: all callers share one space. */
  space: string;
}

/** A request's input with what it refers to resolved. */
export interface ResolvedInput {
  /** The conversation of `previous_response_id` (each kept response's input and output items, oldest first). */
  earlier: ResponsesInputItem[];
  /** The request's input, each `item_reference` to a kept item (an output item, or an input item kept with an id) replaced by the item. */
  input: ResponsesRequest['input'];
}

/** The input's references that need a lookup, with their index: a reasoning item's too, for its thinking blocks. */
function referencesOf(input: ResponsesRequest['input']): { index: number; id: string }[] {
  if (typeof input === 'string') return [];
  return input.flatMap((item, index) => (item.type === 'item_reference' && (isReasoningId(item.id) || !isLeftOutItem(item.id)) ? [{ index, id: item.id }] : []));
}

/** What a request refers to, or null when it refers to nothing kept (it then costs nothing). */
function lookupOf(request: ResponsesRequest): { previousId: string | null; references: { index: number; id: string }[] } | null {
  const previousId = request.previous_response_id ?? null;
  const references = referencesOf(request.input);
  return previousId === null && references.length === 0 ? null : { previousId, references };
}

function previousNotFound(id: string): GatewayError {
  return new GatewayError({
    status: 400,
    message: `previous_response_id: Previous response with id ${quoted(id)} not found. The gateway keeps a response not created with store: false for response_store.max_age after it was last used, for the client key that created it, on the gateway host that answered it.`,
    kind: 'invalid_request_error',
    param: 'previous_response_id',
    code: 'previous_response_not_found',
  });
}

function itemNotFound(id: string, index: number): GatewayError {
  return GatewayError.notFound(
    `input[${index}].id: Item with id ${quoted(id)} not found. Items are kept only from responses not created with store: false, for response_store.max_age, for the client key that created them, on the gateway host that answered; send the item itself, or create the response with store true.`,
    `input[${index}].id`,
  );
}

function storeUnavailable(cause: unknown): GatewayError {
  return new GatewayError({ status: 503, message: 'The response store did not answer (the cluster primary keeps it under --workers); try again.', kind: 'server_error', code: RESPONSE_STORE_UNAVAILABLE_CODE, retryable: true, cause });
}

function conversationOf(findings: StoreFindings): ResponsesInputItem[] {
  return (findings.conversation ?? []).flatMap((step) => [...(JSON.parse(step.input) as ResponsesInputItem[]), ...step.output.map((item) => JSON.parse(item) as ResponsesInputItem)]);
}

/**
 * The request's input with its previous response's conversation and its references resolved; the
 * input itself (no lookup) when it refers to nothing kept or the store is off (request.ts refuses
 * references then).
 */
export async function resolveStoredInput(request: ResponsesRequest, access: StoreAccess): Promise<ResolvedInput> {
  const lookup = access.plan.enabled ? lookupOf(request) : null;
  if (lookup === null) return { earlier: [], input: request.input };
  const findings = await askStore(() => responseStoreOfProcess().find({ space: access.space, previousId: lookup.previousId, itemIds: lookup.references.map(({ id }) => id) }, access.plan));
  if (lookup.previousId !== null && findings.conversation === null) throw previousNotFound(lookup.previousId);
  const resolved = new Map<number, ResponsesInputItem>();
  lookup.references.forEach(({ index, id }, position) => {
    const item = findings.items[position];
    // A reasoning item not kept is left out, as it always was (it matters only to Claude).
    if (item === null && isReasoningId(id)) return;
    if (item === null) throw itemNotFound(id, index);
    resolved.set(index, JSON.parse(item) as ResponsesInputItem);
  });
  const input = typeof request.input === 'string' ? request.input : request.input.map((item, index) => resolved.get(index) ?? item);
  return { earlier: conversationOf(findings), input };
}

/** Whether the answer to this request is kept: the store is on and the client did not say `store: false`. */
export function isKept(request: ResponsesRequest, access: StoreAccess): boolean {
  return access.plan.enabled && request.store !== false;
}

/** An input item's id that an `item_reference` may name: a string, and not one left out without a lookup (`rs_…`, `ws_…`). */
function referableId(item: ResponsesInputItem): string | null {
  const { id } = item as { id?: unknown };
  return typeof id === 'string' && item.type !== 'item_reference' && !isLeftOutItem(id) ? id : null;
}

/**
 * The input items as one JSON array (the text `JSON.stringify` writes), with where each item that has
 * an id is in it: the store finds such an item by its id in that text.
 */
export function keptInputOf(input: ResponsesInputItem[]): { input: string; inputIds: KeptResponse['inputIds'] } {
  const texts = input.map((item) => JSON.stringify(item));
  const inputIds: KeptResponse['inputIds'] = [];
  // After the opening bracket, then after each item and its comma.
  let start = 1;
  texts.forEach((text, index) => {
    const id = referableId(input[index]);
    if (id !== null) inputIds.push({ id, start, end: start + text.length });
    start += text.length + 1;
  });
  return { input: `[${texts.join(',')}]`, inputIds };
}

/**
 * Keeps a finished answer (completed or incomplete) with its resolved input, before it is sent:
 * under `--workers` the primary then has it before any follow-up the client sends. One whose text
 * alone exceeds `max_size` is not sent to be kept (the store would not keep it): false then.
 */
export function keepResponse(access: StoreAccess, options: { response: ResponsesResponse; input: ResponsesRequest['input'] }): boolean {
  const { response } = options;
  const input: ResponsesInputItem[] = typeof options.input === 'string' ? [{ role: 'user', content: options.input }] : options.input;
  const kept = {
    space: access.space,
    id: response.id,
    previousId: response.previous_response_id ?? null,
    ...keptInputOf(input),
    output: response.output.map((item) => ({ id: item.id, item: JSON.stringify(item) })),
    response: JSON.stringify({ ...response, output: null }),
  };
  const length = kept.input.length + kept.response.length + kept.output.reduce((sum, { item }) => sum + item.length, 0);
  if (length > access.plan.maxBytes) return false;
  responseStoreOfProcess().keep(kept, access.plan);
  return true;
}

/** A read, list or delete of a response not kept; with the store off, the reason is that and no other. */
function responseNotFound(id: string, plan: ResponseStorePlan): GatewayError {
  const why = plan.enabled
    ? '. The gateway keeps a response not created with store: false for response_store.max_age, for the client key that created it, on the gateway host that answered it.'
    : `: ${STORE_OFF}.`;
  return GatewayError.notFound(`response_id: Response with id ${quoted(id)} not found${why}`, 'response_id');
}

export async function askStore<Result>(question: () => Promise<Result>): Promise<Result> {
  try {
    return await question();
  } catch (error) {
    throw storeUnavailable(error);
  }
}

/**
 * The query's `stream`, refused unless false: OpenAI streams the events of a response made with
 * `background: true`, which the gateway does not serve, and the gateway keeps no events; the openai
 * client would read a JSON answer to `retrieve(id, { stream: true })` as a stream of no events.
 */
function refuseStreamedRead(query: Record<string, unknown>): void {
  if (query.stream === undefined || query.stream === 'false') return;
  throw GatewayError.invalidParam(
    "stream: the gateway keeps a response's answer, not its stream events (OpenAI streams a read only of a response created with background: true, which the gateway does not serve); leave stream out or false",
    'stream',
  );
}

/**
 * `GET /v1/responses/{id}`: the kept Response, as it was answered, its reasoning items' `encrypted_content`
 * shown when the query's `include` asks for it; a 404 for one the caller cannot read.
 */
export async function keptResponseOf(id: string, query: Record<string, unknown>, access: StoreAccess): Promise<ResponsesResponse> {
  refuseStreamedRead(query);
  const kept = access.plan.enabled ? await askStore(() => responseStoreOfProcess().get(access.space, id, access.plan)) : null;
  if (kept === null) throw responseNotFound(id, access.plan);
  const response = JSON.parse(kept.response) as ResponsesResponse;
  // Assigned in place: `output` keeps its place among the fields.
  response.output = kept.output.map((item) => JSON.parse(item) as ResponsesResponse['output'][number]);
  return includesEncryptedContent(query.include ?? query['include[]']) ? response : withoutEncryptedContents(response);
}

/** `DELETE /v1/responses/{id}`: drops the kept response; a 404 for one the caller cannot read. */
export async function deleteKeptResponse(id: string, access: StoreAccess): Promise<ResponsesDeleted> {
  const removed = access.plan.enabled && (await askStore(() => responseStoreOfProcess().remove(access.space, id, access.plan)));
  if (!removed) throw responseNotFound(id, access.plan);
  return { id, object: 'response', deleted: true };
}

/**
 * `POST /v1/responses/{id}/cancel`: OpenAI cancels only a response created with `background: true`,
 * which the gateway never runs (request.ts refuses it), so a kept response, answered before its id was
 * known, gets OpenAI's 400 for a synchronous one; an id the caller cannot read, the same 404 as GET.
 */
export async function refuseCancel(id: string, access: StoreAccess): Promise<never> {
  const kept = access.plan.enabled ? await askStore(() => responseStoreOfProcess().get(access.space, id, access.plan)) : null;
  if (kept === null) throw responseNotFound(id, access.plan);
  throw GatewayError.invalidParam(
    `Cannot cancel a synchronous response. Response ${quoted(id)} was answered when it was created: only a response created with background: true can be cancelled, and the gateway runs none (it answers every request while it waits).`,
    'response_id',
  );
}

/** `GET /v1/responses/{id}/input_items`: a page of the kept response's input items; the same 404 as GET. */
export async function keptInputItemsOf(id: string, query: Record<string, unknown>, access: StoreAccess): Promise<ResponsesInputItemList> {
  const checked = inputItemsQueryOf(query);
  const steps = access.plan.enabled ? await askStore(() => responseStoreOfProcess().inputItems(access.space, id, access.plan)) : null;
  if (steps === null) throw responseNotFound(id, access.plan);
  return inputItemsPage(steps, checked, id);
}
