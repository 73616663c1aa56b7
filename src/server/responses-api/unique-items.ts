/**
 * An item id names one item: a conversation continued by `previous_response_id` whose request also
 * names one of its items (`item_reference`), or sends one again with its id, holds it twice. The
 * model is given it once, and `input_items` lists it once, at the first place it appears.
 */

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
