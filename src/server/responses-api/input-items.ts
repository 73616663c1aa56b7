/**
 * `GET /v1/responses/{response_id}/input_items`: a kept response's input items, a page at a time, as
 * OpenAI's API lists them (the openai client's `responses.inputItems.list`). Reference:
 * https://platform.openai.com/docs/api-reference/responses/input-items
 *
 * OpenAI lists the items a response was generated from; with `previous_response_id` those are the
 * conversation before the request's input too, so this lists the input and output items of the
 * responses it continued (those still kept), then the request's input as kept (references resolved),
 * each item once.
 */
import { GatewayError } from '../../errors';
import type { InputStep } from '../../response-store';
import type { ResponsesInputItemList, ResponsesListedItem, ResponsesOutputItem } from '../../schema';
import { includesEncryptedContent, withoutEncryptedContent } from './encrypted-thinking';
import { firstOfEachId } from './unique-items';
import { quoted } from '../../config/quoted';

/** The query, checked: of `include`, only `reasoning.encrypted_content` counts (the items are kept whole). */
export interface InputItemsQuery {
  limit: number;
  order: 'asc' | 'desc';
  after: string | null;
  /** Reasoning items show their `encrypted_content`. */
  encryptedContent: boolean;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** One value of a query parameter: a repeated one (an array) is refused like a wrong one. */
function oneValue(query: Record<string, unknown>, name: string, rule: string): string | null {
  const value = query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string') throw GatewayError.invalidParam(`${name}: ${rule} (given once)`, name);
  return value;
}

/** The query parameters, each checked against OpenAI's rules; a bad one is a 400 naming it. */
export function inputItemsQueryOf(query: Record<string, unknown>): InputItemsQuery {
  const limitRule = `must be an integer from 1 to ${MAX_LIMIT}`;
  const limitText = oneValue(query, 'limit', limitRule);
  const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
  if (limitText !== null && (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_LIMIT)) throw GatewayError.invalidParam(`limit: ${limitRule}, not ${quoted(limitText)}`, 'limit');
  const order = oneValue(query, 'order', 'must be asc or desc') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw GatewayError.invalidParam(`order: must be asc or desc, not ${quoted(order)}`, 'order');
  const after = oneValue(query, 'after', "must be an item's id");
  // The openai client sends `include[]=…` (Express's simple query parser keeps the brackets), curl users `include=…`.
  let encryptedContent = false;
  for (const name of ['include', 'include[]']) {
    const include = query[name];
    if (include !== undefined && ![include].flat().every((value) => typeof value === 'string')) throw GatewayError.invalidParam('include: must be a list of strings', 'include');
    encryptedContent ||= includesEncryptedContent(include);
  }
  return { limit, order, after, encryptedContent };
}

const ID_PREFIXES: Record<string, string> = { message: 'msg', function_call: 'fc', function_call_output: 'fco' };

/** A message's text as one part: `output_text` in an assistant's message, `input_text` in any other. */
function contentOf(role: unknown, content: unknown): unknown {
  if (typeof content !== 'string') return content;
  return [role === 'assistant' ? { type: 'output_text', text: content, annotations: [] } : { type: 'input_text', text: content }];
}

/**
 * One item as listed: with an id (its own, or one made from the response's id and its place, the same
 * on every call) and a type (`message` for a message sent without one).
 */
function listedItem(item: Record<string, unknown>, responseId: string, index: number): ResponsesListedItem {
  const type = typeof item.type === 'string' ? item.type : 'message';
  const id = typeof item.id === 'string' ? item.id : `${ID_PREFIXES[type] ?? 'item'}_${responseId.replace(/^resp_/, '')}_${index}`;
  // In OpenAI's order (id, type, then the item's fields); assigned after, `type` keeps its place.
  const listed: ResponsesListedItem = { id, type, ...item };
  listed.type = type;
  if (type === 'message') listed.content = contentOf(item.role, item.content);
  return listed;
}

/**
 * Every item, oldest first: each earlier response's input then output, then the response's own input;
 * an item whose id came before (a reference to an item of the conversation) is listed there only.
 */
function itemsOf(steps: readonly InputStep[]): ResponsesListedItem[] {
  const isFirst = firstOfEachId();
  return steps.flatMap((step) => [
    ...(JSON.parse(step.input) as Record<string, unknown>[]).flatMap((item, index) => (isFirst(item) ? [listedItem(item, step.id, index)] : [])),
    ...step.output.map((item) => JSON.parse(item) as ResponsesListedItem).filter(isFirst),
  ]);
}

/** The page the query asks for; an `after` that is not one of the items is a 400 naming it. */
export function inputItemsPage(steps: readonly InputStep[], query: InputItemsQuery, responseId: string): ResponsesInputItemList {
  const oldestFirst = itemsOf(steps);
  const items = query.order === 'asc' ? oldestFirst : oldestFirst.reverse();
  let start = 0;
  if (query.after !== null) {
    const index = items.findIndex((item) => item.id === query.after);
    if (index === -1) throw GatewayError.invalidParam(`after: ${quoted(query.after)} is not the id of an input item of response ${quoted(responseId)}`, 'after');
    start = index + 1;
  }
  const page = items.slice(start, start + query.limit);
  const data = query.encryptedContent ? page : page.map((item) => withoutEncryptedContent(item as ResponsesOutputItem) as ResponsesListedItem);
  return { object: 'list', data, first_id: data.at(0)?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + query.limit < items.length };
}
