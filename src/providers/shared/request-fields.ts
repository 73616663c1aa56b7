/**
 * Small request rewrites shared by providers whose wire names differ from the unified ones
 * (Cohere `p`/`k`/`stop_sequences`, Mistral `random_seed`). Pure: each returns a new object.
 */
import { GatewayError } from '../../errors';

/**
 * Sends the unified `from` under the provider's `to` name. A request that already carries `to`
 * keeps it (configs written for MLflow may use the native name), but giving both is a 400:
 * we would otherwise have to drop one silently.
 */
export function renameParameter(request: Readonly<Record<string, unknown>>, from: string, to: string, provider: string): Record<string, unknown> {
  const { [from]: value, ...rest } = request;
  if (value === undefined) return { ...request };
  if (rest[to] !== undefined) {
    throw GatewayError.invalidParam(`Give either '${from}' or '${to}' to ${provider}, not both: they are the same setting.`, from);
  }
  return { ...rest, [to]: value };
}

/** The unified `stop` (a string or a list) as the list that most native APIs require. */
export function stopSequences(stop: unknown): string[] | undefined {
  if (stop === undefined) return undefined;
  return typeof stop === 'string' ? [stop] : (stop as string[]);
}
