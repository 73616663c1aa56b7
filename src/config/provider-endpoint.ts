/**
 * Builds one endpoint's provider target: its adapter (built in, or a loaded plugin's), the endpoint
 * type checked against what the adapter serves, and `createEndpoint` with the endpoint's settings.
 * compilePlan uses it to build the plan; the config check (endpointBuildIssues) uses it for the
 * built-in providers, whose `createEndpoint` builds nothing that outlives it (pools and AWS clients
 * are taken at the first call), so that what they refuse is reported with the file's other problems.
 */
import type { Defaults, Endpoint } from '../../generated/config';
import type { PluginAdapters } from '../plugins/modules';
import { adapterFor, isBuiltInProvider } from '../providers';
import { ConfigKeyError } from '../providers/shared/config-key-error';
import { isRefusedParameterDefault } from '../providers/shared/parameter-defaults';
import { environmentProxyUrls } from '../providers/transport/egress-proxy';
import { urlCredentialValues } from '../providers/transport/http';
import type { CallContext, ProviderAdapter, ProviderEndpoint } from '../providers/types';
import { MIN_SECRET_CHARS, redacted } from '../redaction';
import type { Logger } from '../server/logging';
import { resolveCallPolicy, type CallPolicy } from './call-policy';
import type { ConfigIssue } from './config-error';
import { AWS_SECRET_FIELDS, isApiKeyField } from './secrets';
import { compileServerSettings } from './server-settings';
import { mapInSlices, type Steps } from './slices';
import { formatYamlPath, isRecord } from './yaml-path';
import { quoted } from './quoted';

/** What building every endpoint of a config shares. */
export interface ProviderEndpointOptions {
  defaults: Defaults | undefined;
  now: () => number;
  /** `server.max_answer_size` in bytes. */
  maxAnswerBytes: number;
  plugins: PluginAdapters | undefined;
  /** Given to the built-in providers (an Entra ID token server's outage is logged there). */
  logger?: Logger;
}

export interface BuiltProviderEndpoint {
  adapter: ProviderAdapter<unknown, CallContext>;
  target: ProviderEndpoint<CallContext>;
  callPolicy: CallPolicy;
}

/** The endpoint's target, or the issue saying why its provider cannot serve it. */
export function buildProviderEndpoint(endpoint: Endpoint, index: number, options: ProviderEndpointOptions): BuiltProviderEndpoint | ConfigIssue {
  const provider = endpoint.model.provider;
  const adapter = adapterFor(provider, options.plugins);
  if (adapter === undefined) {
    return {
      path: `endpoints[${index}].model.provider`,
      message: `endpoint ${quoted(endpoint.name)}: plugin provider ${quoted(provider)} is not loaded (call loadPlugins(config, configPath) and pass its result to compilePlan)`,
    };
  }
  if (!adapter.endpointTypes.includes(endpoint.endpoint_type)) {
    return {
      path: `endpoints[${index}].endpoint_type`,
      message: `endpoint ${quoted(endpoint.name)}: provider ${quoted(provider)} does not support ${endpoint.endpoint_type} (it supports ${adapter.endpointTypes.join(', ')})`,
    };
  }
  const callPolicy = resolveCallPolicy(options.defaults, endpoint);
  const { connect, firstByte, idle } = callPolicy.timeouts;
  try {
    const target = adapter.createEndpoint({
      name: endpoint.name,
      endpointType: endpoint.endpoint_type,
      modelName: endpoint.model.name ?? null,
      config: endpoint.model.config,
      timeouts: { connect, headers: firstByte, body: idle },
      maxAnswerBytes: options.maxAnswerBytes,
      now: options.now,
      ...(options.logger !== undefined && isBuiltInProvider(provider) && { logger: options.logger }),
    });
    return { adapter, target, callPolicy };
  } catch (error) {
    const path = refusedConfigPath(error, index);
    // A plugin's message may quote the key it refuses; config errors are printed and logged.
    return { path, message: redacted(`endpoint ${quoted(endpoint.name)}: ${(error as Error).message}`, credentialsOf(endpoint.model.config)) };
  }
}

/**
 * Where a provider's refusal points: a parameter default refused as every request carrying it would
 * be (the message a request gets) or a provider setting it refused, at that key; else the model.
 */
function refusedConfigPath(error: unknown, index: number): string {
  const configPath = ['endpoints', index, 'model', 'config'];
  if (isRefusedParameterDefault(error)) return formatYamlPath([...configPath, error.param]);
  if (error instanceof ConfigKeyError) return formatYamlPath([...configPath, ...error.key]);
  return formatYamlPath(['endpoints', index, 'model']);
}

/**
 * What the built-in providers refuse when their endpoints are built (a Bedrock model that cannot serve the endpoint type,
 * credentials in a base URL beside an Authorization header, a bad outbound proxy variable, a
 * parameter default every request would be refused for, …),
 * for the endpoints that have no problem of their own yet: any other would only follow from it.
 * Plugin providers are left to compilePlan: checking them would import their modules, whose
 * code a refused config must not run. `document`: the config with its secrets resolved. Built in slices of endpoints.
 */
export function* endpointBuildIssues(document: Record<string, unknown>, issuesSoFar: readonly ConfigIssue[]): Steps<ConfigIssue[]> {
  if (!Array.isArray(document.endpoints)) return [];
  const isSound = (path: string) => !issuesSoFar.some((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`));
  // Values the checks do not depend on, from sections that may have problems of their own.
  const options: ProviderEndpointOptions = {
    defaults: isSound('defaults') ? (document.defaults as Defaults | undefined) : undefined,
    now: () => 0,
    maxAnswerBytes: compileServerSettings(undefined).plan.maxAnswerBytes,
    plugins: undefined,
  };
  const issues = yield* mapInSlices(document.endpoints as unknown[], (endpoint, index) => {
    if (!isRecord(endpoint) || !isRecord(endpoint.model) || !isBuiltInProvider(String(endpoint.model.provider))) return [];
    if (!isSound(formatYamlPath(['endpoints', index]))) return [];
    const built = buildProviderEndpoint(endpoint as unknown as Endpoint, index, options);
    return 'path' in built ? [built] : [];
  });
  return issues.flat();
}

/**
 * The credential values of a provider config (already resolved), and of the outbound proxy, long
 * enough to find in a message.
 */
export function credentialsOf(config: unknown): string[] {
  const providerConfig = isRecord(config) ? config : {};
  const awsConfig = isRecord(providerConfig.aws_config) ? providerConfig.aws_config : {};
  const values = [
    ...Object.entries(providerConfig).filter(([key]) => isApiKeyField(key)).map(([, value]) => value),
    ...AWS_SECRET_FIELDS.map((field) => awsConfig[field]),
    // A base URL may hold a user and password (`hf_server_url: http://user:password@tgi.internal`) or a
    // token in its query (`openai_api_base: https://fn.example/api?code=…`); so may `aws_endpoint_url`.
    ...[...Object.values(providerConfig), ...Object.values(awsConfig)].flatMap((value) => (typeof value === 'string' ? urlCredentialValues(value) : [])),
    // The outbound proxy's user and password (`HTTPS_PROXY=http://user:password@proxy:3128`).
    ...environmentProxyUrls().flatMap(urlCredentialValues),
  ];
  return values.filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_CHARS).sort((a, b) => b.length - a.length);
}
