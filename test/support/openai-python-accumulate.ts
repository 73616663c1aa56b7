/**
 * How openai-python's stream helpers (`client.chat.completions.stream(...)`, `ChatCompletionStreamState`)
 * join a chat stream's deltas into the final message: `accumulate_delta` in
 * https://github.com/openai/openai-python/blob/main/src/openai/lib/streaming/chat/_completions.py ,
 * ported line for line. Strings are concatenated, `index` and `type` replaced, and a list of objects
 * is joined entry by entry on each entry's `index`: a list entry without one raises
 * "Expected list delta entry to have an `index` key".
 */
type Json = Record<string, unknown>;

const isDict = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function accumulateDelta(acc: Json, delta: Json): Json {
  for (const [key, deltaValue] of Object.entries(delta)) {
    if (!(key in acc)) {
      acc[key] = deltaValue;
      continue;
    }
    let accValue = acc[key];
    if (accValue === null || accValue === undefined) {
      acc[key] = deltaValue;
      continue;
    }
    if (key === 'index' || key === 'type') {
      acc[key] = deltaValue;
      continue;
    }
    if (typeof accValue === 'string' && typeof deltaValue === 'string') accValue += deltaValue;
    else if (typeof accValue === 'number' && typeof deltaValue === 'number') accValue += deltaValue;
    else if (isDict(accValue) && isDict(deltaValue)) accValue = accumulateDelta(accValue, deltaValue);
    else if (Array.isArray(accValue) && Array.isArray(deltaValue)) {
      if (accValue.every((item) => ['string', 'number'].includes(typeof item))) {
        accValue.push(...deltaValue);
        continue;
      }
      for (const deltaEntry of deltaValue) {
        if (!isDict(deltaEntry)) throw new TypeError(`Unexpected list delta entry is not a dictionary: ${JSON.stringify(deltaEntry)}`);
        if (!('index' in deltaEntry)) throw new Error(`Expected list delta entry to have an \`index\` key; ${JSON.stringify(deltaEntry)}`);
        const index = deltaEntry.index;
        if (typeof index !== 'number' || !Number.isInteger(index)) throw new TypeError(`Unexpected, list delta entry \`index\` value is not an integer; ${String(index)}`);
        const accEntry = accValue[index];
        if (accEntry === undefined) accValue.splice(index, 0, deltaEntry);
        else {
          if (!isDict(accEntry)) throw new TypeError('not handled yet');
          accValue[index] = accumulateDelta(accEntry, deltaEntry);
        }
      }
    }
    acc[key] = accValue;
  }
  return acc;
}

/** The assistant message an openai-python stream helper ends up with (choice 0). */
export async function pythonStreamMessage(stream: AsyncIterable<{ choices: { delta?: unknown }[] }>): Promise<Json> {
  const message: Json = {};
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta;
    if (isDict(delta)) accumulateDelta(message, structuredClone(delta));
  }
  return message;
}
