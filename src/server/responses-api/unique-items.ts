/**
 * An item id names one item: a conversation continued by `previous_response_id` whose request also
 * names one of its items (`item_reference`), or sends one again with its id, holds it twice. The
 * model is given it once, and `input_items` lists it once, at the first place it appears. A request
 * item that has an earlier item's id but other content is refused (OpenAI's API refuses every
 * repeated id with a 400, "Duplicate item found with id …"): the gateway would otherwise drop it.
 */
import { isDeepStrictEqual } from 'node:util';
import { GatewayError } from '../../errors';
import { quoted } from '../../config/quoted';

/** A filter, for one list read in order, that passes an item unless an earlier one had its id; items without an id always pass. */
export function firstOfEachId(): (item: unknown) => boolean {
  const seen = new Set<string>();
  return (item) => {
    const { id } = item as { id?: unknown };
    if (typeof id !== 'string') return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}

/** Where an item is: its path in the request, and whether it is the client's (the request's input) rather than kept history. */
export interface ItemPlace {
  path: string;
  sentNow: boolean;
}

type Item = { type?: unknown; encrypted_content?: unknown };

/**
 * Whether `item` is `first` as the client was shown it: a kept reasoning item keeps its
 * `encrypted_content`, which the answer and GET show only when `include` asks (encrypted-thinking.ts).
 */
function isShownCopy(item: Item, first: Item): boolean {
  if (item.type !== 'reasoning' || item.encrypted_content !== undefined || first.encrypted_content === undefined) return false;
  const { encrypted_content: _hidden, ...shown } = first;
  return isDeepStrictEqual(item, shown);
}

/** Whether `item` repeats `first`: the same JSON (as the client was shown it), or an item_reference (which names an item, whatever it is) on either side. */
function isSameItem(item: Item, first: Item): boolean {
  const isReference = (value: Item) => value.type === 'item_reference';
  return isReference(item) || isReference(first) || isDeepStrictEqual(item, first) || isShownCopy(item, first);
}

/**
 * `firstOfEachId` for the conversation given to the model: an item sent now whose id came before with
 * other content is a 400 naming `<path>.id`. Items are compared only when an id repeats; kept history
 * is never refused (it was accepted when it was kept).
 */
export function firstOfEachSameId(): (item: unknown, place: ItemPlace) => boolean {
  const firsts = new Map<string, { item: unknown; path: string }>();
  return (item, place) => {
    const { id } = item as { id?: unknown };
    if (typeof id !== 'string') return true;
    const first = firsts.get(id);
    if (first === undefined) {
      firsts.set(id, { item, path: place.path });
      return true;
    }
    if (place.sentNow && !isSameItem(item as Item, first.item as Item)) {
      throw GatewayError.invalidParam(
        `${place.path}.id: Duplicate item found with id ${quoted(id)}, with other content than the item with that id at ${first.path}. An id names one item: send that item unchanged, an item_reference to it, or this one without the id`,
        `${place.path}.id`,
      );
    }
    return false;
  };
}
