/** Everything an async iterable gives, and the error that ended it, if one did. */
export async function collectUntilError<T>(stream: AsyncIterable<T>): Promise<{ values: T[]; error?: unknown }> {
  const values: T[] = [];
  try {
    for await (const value of stream) values.push(value);
  } catch (error) {
    return { values, error };
  }
  return { values };
}
