/**
 * Imports the modules of the plugin providers a config uses and checks that each exports a
 * ProviderAdapter. Runs once before the plan is compiled (importing may be asynchronous: ES module
 * plugins); compiling stays synchronous and reads the adapters from the map returned here.
 * A module is imported once per process and reused when the config is reloaded.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, type ConfigIssue } from '../config/config-error';
import { ENDPOINT_TYPES } from '../config/normalise';
import { formatYamlPath, isRecord } from '../config/yaml-path';
import { GatewayError } from '../errors';
import { encodeEmbedding } from '../providers/shared/embeddings';
import type { CallContext, ProviderAdapter, ProviderEndpoint, RequestContext } from '../providers/types';
import type { EmbeddingsRequest, GatewayConfig } from '../schema';
import { discoverPlugins, type PluginProvider } from './catalog';
import { filledAnswer, filledChunks } from './answer-fill';
import { withRoleOnFirstContent } from './leading-role';

/** Plugin adapters by provider name, as compilePlan takes them. */
export type PluginAdapters = ReadonlyMap<string, ProviderAdapter<unknown, CallContext>>;

type LoadResult = { ok: true; adapter: ProviderAdapter<unknown> } | { ok: false; problem: string };

/** Modules already imported (or being imported), by absolute path. */
const loaded = new Map<string, Promise<LoadResult>>();

const ENDPOINT_METHODS = ['chat', 'chatStream', 'completions', 'completionsStream', 'embeddings'] as const;

/**
 * Imports every plugin provider that an endpoint of `config` uses. Throws ConfigError naming the
 * package, the provider and what is wrong, at the `plugins[i]` entry that declares it.
 */
export async function loadPlugins(config: GatewayConfig, configPath: string): Promise<PluginAdapters> {
  const catalog = discoverPlugins(config.plugins, configPath);
  if (catalog.issues.length > 0) throw new ConfigError(configPath, catalog.issues);
  const used = new Set(config.endpoints.map((endpoint) => endpoint.model.provider));
  const adapters = new Map<string, ProviderAdapter<unknown>>();
  const issues: ConfigIssue[] = [];
  for (const provider of catalog.providers.values()) {
    if (!used.has(provider.name)) continue;
    const result = await loadModule(provider.modulePath);
    if (result.ok) adapters.set(provider.name, checkedAdapter(result.adapter, provider));
    else issues.push({ path: formatYamlPath(['plugins', provider.listIndex]), message: `${origin(provider)} ${result.problem}` });
  }
  if (issues.length > 0) throw new ConfigError(configPath, issues);
  return adapters;
}

function origin(provider: PluginProvider): string {
  return `package '${provider.packageName}', provider '${provider.name}' (${provider.module}):`;
}

function loadModule(modulePath: string): Promise<LoadResult> {
  let result = loaded.get(modulePath);
  if (result === undefined) {
    result = importModule(modulePath).then(adapterFromModule, (error: unknown) => {
      // Not kept: the next reload tries again (say, once a missing dependency is installed).
      loaded.delete(modulePath);
      return { ok: false as const, problem: `cannot be loaded: ${error instanceof Error ? error.message : String(error)}` };
    });
    loaded.set(modulePath, result);
  }
  return result;
}

// TypeScript compiles `import()` to `require()` for CommonJS output; this keeps a real dynamic import.
const dynamicImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** CommonJS through `require`; ES modules (which `require` refuses on Node 20) through `import()`. */
async function importModule(modulePath: string): Promise<unknown> {
  try {
    return require(modulePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
  }
  return dynamicImport(pathToFileURL(modulePath).href);
}

/** The default export, else the named export `provider`, else (CommonJS `module.exports = …`) the module itself. */
function adapterFromModule(exports: unknown): LoadResult {
  const candidate = isRecord(exports) && exports.default !== undefined ? exports.default : isRecord(exports) && exports.provider !== undefined ? exports.provider : exports;
  const problems = adapterProblems(candidate);
  if (problems.length > 0) return { ok: false, problem: `does not export a provider adapter (default export or named export 'provider'): ${problems.join('; ')}` };
  return { ok: true, adapter: candidate as ProviderAdapter<unknown> };
}

/** What is missing for `value` to be a ProviderAdapter; empty when nothing is. */
export function adapterProblems(value: unknown): string[] {
  if (!isRecord(value)) return [`expected an object with displayName, endpointTypes and createEndpoint, got ${kindOf(value)}`];
  const problems: string[] = [];
  if (typeof value.displayName !== 'string' || value.displayName.trim() === '') problems.push('displayName must be a non-empty string');
  const types = value.endpointTypes;
  const known = ENDPOINT_TYPES as readonly unknown[];
  if (!Array.isArray(types) || types.length === 0 || !types.every((type) => known.includes(type))) {
    problems.push(`endpointTypes must be a non-empty list of ${ENDPOINT_TYPES.join(', ')}`);
  }
  if (typeof value.createEndpoint !== 'function') problems.push('createEndpoint must be a function');
  return problems;
}

/** What is wrong with what `createEndpoint` returned; empty when nothing is. */
export function endpointProblems(value: unknown): string[] {
  if (isThenable(value)) {
    return ["createEndpoint must return the endpoint itself, not a Promise (it is called synchronously when the config is loaded: do asynchronous set-up in the endpoint's methods)"];
  }
  if (!isRecord(value)) return [`createEndpoint must return an object with ${ENDPOINT_METHODS.join(', ')} methods, got ${kindOf(value)}`];
  return ENDPOINT_METHODS.filter((method) => value[method] !== undefined && typeof value[method] !== 'function').map(
    (method) => `${method} must be a function`,
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return isRecord(value) && typeof value.then === 'function';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

/**
 * The plugin's adapter as compilePlan uses it: `config` is `{}` when the endpoint has none (the
 * config schema has already accepted that), and what `createEndpoint` returns is checked at config
 * load rather than on the first request.
 */
function checkedAdapter(adapter: ProviderAdapter<unknown>, provider: PluginProvider): ProviderAdapter<unknown, CallContext> {
  return {
    displayName: adapter.displayName,
    endpointTypes: adapter.endpointTypes,
    createEndpoint(settings): ProviderEndpoint<CallContext> {
      const endpoint: unknown = adapter.createEndpoint({ ...settings, config: settings.config ?? {} });
      // An async createEndpoint is refused below; its rejection must not also stop the process as unhandled.
      if (isThenable(endpoint)) endpoint.then(undefined, () => undefined);
      const problems = endpointProblems(endpoint);
      if (problems.length > 0) throw new Error(`${origin(provider)} ${problems.join('; ')}`);
      return withPlainContext(endpoint as ProviderEndpoint, { displayName: adapter.displayName, endpoint: settings.name, provider: provider.name });
    },
  };
}

type AnyMethod = (request: unknown, context: RequestContext) => unknown;

/** Who answered, for the 502 of a stream method that returned no stream. */
interface PluginEndpointName {
  displayName: string;
  endpoint: string;
  /** The plugin's provider name. */
  provider: string;
}

/**
 * A plugin's methods get the documented RequestContext: a plain object whose own `signal` is a real
 * AbortSignal. (The gateway's CallContext makes that signal only when read, from a prototype getter,
 * which a plugin spreading or storing its context would not expect.) Its chat streams have their
 * leading role-only chunks held (see leading-role.ts), so that a failure right after one is retried.
 * Its answers and chunks get what answer-fill.ts completes (absent nullable chat fields, a usage's missing total), drops (a choice's chunks after its finish) and splits (a finish on a chunk with tool calls).
 */
function withPlainContext(endpoint: ProviderEndpoint, name: PluginEndpointName): ProviderEndpoint<CallContext> {
  // A plugin sends its usage unasked (the contract): the gateway adds no `stream_options` its vendor might refuse.
  const wrapped: Record<string, unknown> = { streamUsageWhenAsked: false };
  for (const method of ENDPOINT_METHODS) {
    const call = endpoint[method] as AnyMethod | undefined;
    if (call === undefined) continue;
    const plain = (request: unknown, context: CallContext) => call.call(endpoint, request, { signal: context.signal });
    const stream = (request: unknown, context: CallContext) => filledChunks(streamOfChunks({ result: plain(request, context), method, ...name }));
    // A method written without `async` may return its answer itself: the gateway awaits a Promise.
    const answer = (request: unknown, context: CallContext) => Promise.resolve(plain(request, context)).then(filledAnswer);
    switch (method) {
      case 'chatStream':
        wrapped[method] = (request: unknown, context: CallContext) => withRoleOnFirstContent(stream(request, context));
        break;
      case 'completionsStream':
        wrapped[method] = stream;
        break;
      case 'embeddings':
        wrapped[method] = (request: EmbeddingsRequest, context: CallContext) => answer(request, context).then((response) => withVectorsEncoded(response, request));
        break;
      default:
        wrapped[method] = answer;
    }
  }
  return wrapped as ProviderEndpoint<CallContext>;
}

/**
 * OpenAI's clients ask for `encoding_format: "base64"` by default (and decode what comes back): the
 * float vectors of a plugin that ignores the option are encoded here, as for built-in providers.
 * Vectors already strings (a plugin that honours it) and other formats are the plugin's.
 */
function withVectorsEncoded(response: unknown, request: EmbeddingsRequest): unknown {
  if (request.encoding_format !== 'base64' || !isRecord(response) || !Array.isArray(response.data)) return response;
  const isVector = (value: unknown): value is number[] => Array.isArray(value) && value.every((item) => typeof item === 'number');
  const data = response.data.map((item: unknown) => (isRecord(item) && isVector(item.embedding) ? { ...item, embedding: encodeEmbedding(item.embedding, 'base64') } : item));
  return { ...response, data };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

/**
 * What a plugin's stream method returned, as the chunks the gateway reads. The contract is an async
 * generator. An async function returning one (a Promise of it) is read too, so that its rejection is
 * the plugin's error, as a generator's throw is: unread, it was an unhandled rejection, which stops
 * the gateway. Anything else fails, when read, with a 502 naming the plugin.
 */
function streamOfChunks(options: { result: unknown; method: string } & PluginEndpointName): AsyncIterable<unknown> {
  const { result, method, displayName, endpoint, provider } = options;
  if (isAsyncIterable(result)) return result;
  const refusal = (what: string) =>
    GatewayError.invalidPluginAnswer({ displayName, endpoint, provider }, `${method} returned ${what}, not an async iterable of chunks: write it as an async generator`);
  if (!isThenable(result)) {
    return {
      [Symbol.asyncIterator]: () => {
        throw refusal(kindOf(result));
      },
    };
  }
  const settled = Promise.resolve(result);
  // Read when the gateway asks for the first chunk; until then a rejection must not count as unhandled.
  settled.catch(() => undefined);
  return (async function* awaitedStream() {
    const source: unknown = await settled;
    if (!isAsyncIterable(source)) throw refusal(`a Promise of ${kindOf(source)}`);
    yield* source;
  })();
}
