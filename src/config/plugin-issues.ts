/**
 * Config rules for plugin providers (src/plugins/): a provider name that is not built in must be
 * declared by a package listed under `plugins`, and the endpoint's `config` must pass the JSON
 * Schema that package ships. A misspelt name gets a suggestion.
 */
import { PLUGIN_PROVIDER_NAME, type PluginCatalog } from '../plugins/catalog';
import type { ConfigIssue } from './config-error';
import { PROVIDER_NAMES } from './normalise';
import { ajvIssues } from './schema-issues';
import { formatYamlPath, isRecord, type YamlPathSegment } from './yaml-path';

/** Issues for endpoints whose provider is not built in. Reads the document defensively, like the cross-field rules. */
export function pluginProviderIssues(document: Record<string, unknown>, plugins: PluginCatalog): ConfigIssue[] {
  const endpoints = Array.isArray(document.endpoints) ? document.endpoints : [];
  return endpoints.flatMap((endpoint: unknown, index) => {
    const model = isRecord(endpoint) ? endpoint.model : undefined;
    if (!isRecord(model) || typeof model.provider !== 'string') return [];
    const name = model.provider;
    // Built-in names are canonical by now; a name the schema refuses has its issue already.
    if ((PROVIDER_NAMES as readonly string[]).includes(name) || !PLUGIN_PROVIDER_NAME.test(name)) return [];
    const provider = plugins.providers.get(name);
    const modelPath: YamlPathSegment[] = ['endpoints', index, 'model'];
    if (provider === undefined) {
      return [{ path: formatYamlPath([...modelPath, 'provider']), message: unknownProviderMessage(name, plugins) }];
    }
    if (provider.validateConfig(model.config ?? {})) return [];
    if (model.config === undefined) {
      return [{ path: formatYamlPath([...modelPath, 'config']), message: `is required for provider '${name}'` }];
    }
    return ajvIssues(provider.validateConfig.errors ?? [], document, [...modelPath, 'config']);
  });
}

function unknownProviderMessage(name: string, plugins: PluginCatalog): string {
  const declared = [...plugins.providers.keys()];
  const suggestion = closestName(name, [...PROVIDER_NAMES, ...declared]);
  const hint = suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
  const listed = declared.length > 0 ? ` (the listed plugins declare: ${declared.join(', ')})` : '';
  return (
    `'${name}' is not supported: it is not a built-in provider (${PROVIDER_NAMES.join(', ')}) and no package listed under 'plugins' declares it${listed}.${hint}` +
    " To use a provider plugin, install its npm package (npm install <package>) and list the package under 'plugins:' at the top of this file"
  );
}

/** The candidate within a small edit distance of `name` (a typo), if there is one. */
function closestName(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.floor(name.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
