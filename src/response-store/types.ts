/**
 * What the Responses API keeps (`POST /v1/responses` without `store: false`): each response's input
 * items (as resolved) and output items, as JSON text, under the caller's space, so that a later
 * request may continue it (`previous_response_id`) or name one of its items (`item_reference`): an
 * output item, or an input item the client sent with an `id`.
 */

/** A response to keep. Items are JSON text: they cross the cluster IPC as such and are kept as such. */
export interface KeptResponse {
  /** Whose it is: the client key's digest (hex), or '' without client keys. Another space never sees it. */
  space: string;
  /** Its `resp_` id. */
  id: string;
  /** The response it continued (`previous_response_id`), whose conversation comes before its input. */
  previousId: string | null;
  /** Its input items, as resolved (references replaced by their items), as a JSON array. */
  input: string;
  /**
   * Its input items that have an `id`, which an `item_reference` may name: each one's id and where its
   * JSON is in `input` (`input.slice(start, end)`), so that it is not kept a second time.
   */
  inputIds: { id: string; start: number; end: number }[];
  /** Its output items: each one's id and JSON. */
  output: { id: string; item: string }[];
  /** The Response object without its output (`output: null`), as JSON: what `GET /v1/responses/{id}` shows around the items. */
  response: string;
  /**
   * A kept response this record goes with (the record of which of its reasoning items hold a
   * Responses answer's thinking): renewed with it, dropped with it, and not kept when it is gone.
   */
  keptWith?: { space: string; id: string };
}

/** The store's bounds, from the config of the request that calls it (a reload applies them at once). */
export interface StoreBounds {
  maxBytes: number;
  maxAgeMs: number;
}

export interface StoreLookup {
  space: string;
  /** The response to continue, if any. */
  previousId: string | null;
  /** Items named by `item_reference`: output items, and input items kept with an id. */
  itemIds: string[];
}

/** One kept response's items in the conversation: its input (a JSON array) and each output item's JSON. */
export interface ConversationStep {
  input: string;
  output: string[];
}

export interface StoreFindings {
  /** The conversation up to `previousId`, oldest response first; null when it, or one it continued, is not kept. */
  conversation: ConversationStep[] | null;
  /** Each named item's JSON, in the order asked; null for one not kept. */
  items: (string | null)[];
}

/** A kept response as `GET /v1/responses/{id}` shows it: the Response without its output, and each output item, as JSON. */
export interface KeptResponseText {
  response: string;
  output: string[];
}

/** One kept response's part of the input items `GET /v1/responses/{id}/input_items` lists. */
export interface InputStep {
  /** The response's `resp_` id (the ids of its input items that have none are made from it). */
  id: string;
  /** Its input items, as kept (a JSON array). */
  input: string;
  /** Its output items' JSON: those of the responses it continued; none for the response listed. */
  output: string[];
}

/** What the store counted since it was created, read when the metrics are. */
export interface StoreStatistics {
  responses: number;
  bytes: number;
  /** Responses and items asked for by id (a conversation counts one), found or not. */
  hits: number;
  misses: number;
  /** Responses dropped for `max_age` or `max_size` (not those deleted). */
  evictions: number;
}

/** Where this process keeps responses, or asks the process that does (the cluster primary). */
export interface ResponseStore {
  /** Never fails: a response that cannot be kept is simply not found later. */
  keep(response: KeptResponse, bounds: StoreBounds): void;
  find(lookup: StoreLookup, bounds: StoreBounds): Promise<StoreFindings>;
  /** The kept response, or null. */
  get(space: string, id: string, bounds: StoreBounds): Promise<KeptResponseText | null>;
  /**
   * The input items of the response: those of the responses it continued (still kept, oldest first,
   * each with its output), then its own; null when it is not kept.
   */
  inputItems(space: string, id: string, bounds: StoreBounds): Promise<InputStep[] | null>;
  /** Drops the kept response (those that continued it can no longer be continued); false when none was kept. */
  remove(space: string, id: string, bounds: StoreBounds): Promise<boolean>;
}
