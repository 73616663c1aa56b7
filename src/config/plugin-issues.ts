/**
 * Config rules for plugin providers (src/plugins/): a provider name that is not built in must be
 * declared by a package listed under `plugins`, and the endpoint's `config` must pass the JSON
 * Schema that package ships. A misspelt name gets a suggestion.
 */
import { PLUGIN_PROVIDER_NAME, type PluginCatalog } from '../plugins/catalog';
import type { ConfigIssue } from './config-error';
import { azureProviderHint, PROVIDER_NAMES } from './normalise';
import { ajvIssues } from './schema-issues';
import { quotedValue } from './secret-like-keys';
import { closestName } from './spelling';
import { formatYamlPath, isRecord, type YamlPathSegment } from './yaml-path';
import { quoted } from './quoted';

/**
 * Issues for endpoints whose provider is not built in. Reads the document defensively, like the
 * cross-field rules. `resolved` is the document with its secrets resolved: a plugin's schema
 * describes the key its adapter gets, not the `$ENV_VAR` or file path naming it; messages quote
 * only `document`, so a refused key is never shown.
 */
export function pluginProviderIssues(document: Record<string, unknown>, plugins: PluginCatalog, resolved: unknown = document): ConfigIssue[] {
  const endpoints = Array.isArray(document.endpoints) ? document.endpoints : [];
  const resolvedEndpoints: unknown[] = isRecord(resolved) && Array.isArray(resolved.endpoints) ? resolved.endpoints : endpoints;
  return endpoints.flatMap((endpoint: unknown, index) => {
    const model = isRecord(endpoint) ? endpoint.model : undefined;
    if (!isRecord(model) || typeof model.provider !== 'string') return [];
    const name = model.provider;
    // Built-in names are canonical by now; a name the schema refuses has its issue already.
    if ((PROVIDER_NAMES as readonly string[]).includes(name) || !PLUGIN_PROVIDER_NAME.test(name)) return [];
    const provider = plugins.providers.get(name);
    const modelPath: YamlPathSegment[] = ['endpoints', index, 'model'];
    if (provider === undefined) {
      // A declaration with a problem has its issue at the plugins entry: "no package declares it" would mislead.
      if (plugins.declaredWithProblems.has(name)) return [];
      return [{ path: formatYamlPath([...modelPath, 'provider']), message: unknownProviderMessage(name, plugins) }];
    }
    const resolvedModel = isRecord(resolvedEndpoints[index]) ? resolvedEndpoints[index].model : undefined;
    const config = isRecord(resolvedModel) ? resolvedModel.config : model.config;
    if (provider.validateConfig(config ?? {})) return [];
    if (model.config === undefined) {
      return [{ path: formatYamlPath([...modelPath, 'config']), message: `is required for provider ${quoted(name)}` }];
    }
    return ajvIssues(provider.validateConfig.errors ?? [], document, [...modelPath, 'config']);
  });
}

function unknownProviderMessage(name: string, plugins: PluginCatalog): string {
  const declared = [...plugins.providers.keys()];
  const suggestion = closestName(name, [...PROVIDER_NAMES, ...declared]);
  const hint = azureProviderHint(name) ?? (suggestion === undefined ? '' : ` Did you mean ${quoted(suggestion)}?`);
  const listed = declared.length > 0 ? ` (the listed plugins declare: ${declared.join(', ')})` : '';
  return (
    `${quotedValue(name)} is not supported: it is not a built-in provider (${PROVIDER_NAMES.join(', ')}) and no package listed under 'plugins' declares it${listed}.${hint}` +
    " To use a provider plugin, install its npm package (npm install <package>) and list the package under 'plugins:' at the top of this file"
  );
}
