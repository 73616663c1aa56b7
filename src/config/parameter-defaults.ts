/**
 * Request parameter defaults an endpoint may set under `model.config` (beside its provider settings):
 * applied to chat and completions requests that do not set them (compile.ts), and checked by the
 * built-in providers when their endpoints are built (providers/shared/parameter-defaults.ts, which
 * also lists them). An embeddings request has none of these parameters, so an embeddings endpoint
 * of a built-in provider that sets one is warned about at load. A plugin provider's config is its own (its schema declared the key, and the
 * plugin gets the whole config), so the plugin may well read the key: its endpoints are left alone.
 */
import { isBuiltInProvider } from '../providers';
import { PARAMETER_DEFAULT_KEYS } from '../providers/shared/parameter-defaults';
import type { ConfigIssue } from './config-error';
import { formatYamlPath, isRecord } from './yaml-path';

/** One warning per parameter default set on a built-in provider's embeddings endpoint, which never applies it. */
export function unusedParameterDefaultWarnings(config: unknown): ConfigIssue[] {
  const endpoints = isRecord(config) && Array.isArray(config.endpoints) ? config.endpoints : [];
  return endpoints.flatMap((endpoint: unknown, index) => {
    if (!isRecord(endpoint) || endpoint.endpoint_type !== 'llm/v1/embeddings' || !isRecord(endpoint.model) || !isRecord(endpoint.model.config)) return [];
    if (typeof endpoint.model.provider !== 'string' || !isBuiltInProvider(endpoint.model.provider)) return [];
    const settings = endpoint.model.config;
    return PARAMETER_DEFAULT_KEYS.filter((key) => settings[key] !== undefined).map((key) => ({
      path: formatYamlPath(['endpoints', index, 'model', 'config', key]),
      message: 'is a chat and completions parameter default; an embeddings endpoint never applies it',
    }));
  });
}
