/**
 * Settings a built-in provider's endpoint may set under `model.config` that only some endpoint types
 * read: set on an endpoint of another type, each is warned about at load (known keys, never read there).
 * - Request parameter defaults (providers/shared/parameter-defaults.ts lists them) apply to chat and
 *   completions requests that do not set them (compile.ts); an embeddings request has none of them.
 * - `cohere_api_v2_base` is where Cohere chat requests with tools, tool history or thinking go;
 *   Cohere's completions and embeddings never call the v2 API.
 * A plugin provider's config is its own (its schema declared the key, and the plugin gets the whole
 * config), so the plugin may well read the key: its endpoints are left alone.
 */
import { isBuiltInProvider } from '../providers';
import { PARAMETER_DEFAULT_KEYS } from '../providers/shared/parameter-defaults';
import type { EndpointType, ProviderName } from '../schema';
import type { ConfigIssue } from './config-error';
import { formatYamlPath, isRecord } from './yaml-path';

/** Keys that only endpoints of the types in `readBy` read (of the providers in `providers`, else of any). */
interface SettingsReadBy {
  keys: readonly string[];
  readBy: readonly EndpointType[];
  providers?: readonly ProviderName[];
  /** The warning, for an endpoint of the type named (`an embeddings`). */
  message: (endpoint: string) => string;
}

const SETTINGS_READ_BY: readonly SettingsReadBy[] = [
  {
    keys: PARAMETER_DEFAULT_KEYS,
    readBy: ['llm/v1/chat', 'llm/v1/completions'],
    message: (endpoint) => `is a chat and completions parameter default; ${endpoint} endpoint never applies it`,
  },
  {
    keys: ['cohere_api_v2_base'],
    readBy: ['llm/v1/chat'],
    providers: ['cohere'],
    message: (endpoint) => `is the base of Cohere's v2 API, which only chat requests go to; ${endpoint} endpoint never reads it`,
  },
];

const ENDPOINT_NAMES: Record<EndpointType, string> = { 'llm/v1/chat': 'a chat', 'llm/v1/completions': 'a completions', 'llm/v1/embeddings': 'an embeddings' };

const isEndpointType = (value: unknown): value is EndpointType => typeof value === 'string' && Object.hasOwn(ENDPOINT_NAMES, value);

/** One warning per setting a built-in provider's endpoint sets that its endpoint type never reads. */
export function unusedSettingWarnings(config: unknown): ConfigIssue[] {
  const endpoints = isRecord(config) && Array.isArray(config.endpoints) ? config.endpoints : [];
  return endpoints.flatMap((endpoint: unknown, index) => {
    if (!isRecord(endpoint) || !isEndpointType(endpoint.endpoint_type) || !isRecord(endpoint.model) || !isRecord(endpoint.model.config)) return [];
    const { provider, config: settings } = endpoint.model;
    if (typeof provider !== 'string' || !isBuiltInProvider(provider)) return [];
    const endpointType = endpoint.endpoint_type;
    const unread = SETTINGS_READ_BY.filter((rule) => !rule.readBy.includes(endpointType) && (rule.providers?.includes(provider) ?? true));
    return unread.flatMap((rule) =>
      rule.keys.filter((key) => settings[key] !== undefined).map((key) => ({ path: formatYamlPath(['endpoints', index, 'model', 'config', key]), message: rule.message(ENDPOINT_NAMES[endpointType]) })),
    );
  });
}
