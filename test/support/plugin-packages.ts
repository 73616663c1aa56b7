/**
 * Temporary projects with provider plugin packages installed the way npm leaves them: a directory
 * holding the config file and `node_modules/<package>` (a real folder, or a symlink to the example).
 */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ECHO_EXAMPLE = join(__dirname, '..', '..', 'examples', 'provider-plugin-echo');

/** Plugin packages kept as test fixtures (see its README). */
export const PLUGIN_FIXTURES = join(__dirname, '..', 'fixtures', 'plugins');

/** A schema accepting any config mapping. */
export const ANY_CONFIG_SCHEMA = { type: 'object' };

export function createProject(prefix = 'gateway-plugins-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Links the echo example in as `node_modules/llm-gateway-provider-echo`. */
export function installEchoExample(project: string): void {
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(ECHO_EXAMPLE, join(project, 'node_modules', 'llm-gateway-provider-echo'), 'dir');
}

/**
 * Copies the plugin fixture `folder` into `node_modules/<its package name>`, with `llm-gateway`
 * beside it resolving to the gateway under test (this source tree, as jest loads it), so that the
 * plugin's GatewayErrors are the gateway's own class, as when both are installed in one project.
 */
export function installPluginFixture(project: string, folder: string, packageName: string): void {
  cpSync(join(PLUGIN_FIXTURES, folder), join(project, 'node_modules', packageName), { recursive: true });
  const gatewaySource = join(__dirname, '..', '..', 'src', 'index.ts');
  installPackage(project, 'llm-gateway', { main: './index.js' }, { 'index.js': `module.exports = require(${JSON.stringify(gatewaySource)});\n` });
}

/**
 * Writes `node_modules/<name>` with a package.json (`manifest` merged over a name and version)
 * and `files` (path relative to the package → text, or an object written as JSON).
 */
export function installPackage(project: string, name: string, manifest: Record<string, unknown>, files: Record<string, string | object> = {}): string {
  const directory = join(project, 'node_modules', name);
  writeFiles(directory, { 'package.json': { name, version: '1.0.0', ...manifest }, ...files });
  return directory;
}

export function writeFiles(directory: string, files: Record<string, string | object>): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(directory, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

/** A package declaring one provider whose module is `source` (CommonJS unless the file ends in .mjs). */
export function installProviderPackage(
  project: string,
  options: { packageName: string; provider: string; source: string; moduleFile?: string; configSchema?: object; manifest?: Record<string, unknown> },
): string {
  const moduleFile = options.moduleFile ?? 'index.js';
  return installPackage(
    project,
    options.packageName,
    { ...options.manifest, llmGateway: { providers: { [options.provider]: { module: `./${moduleFile}`, configSchema: './config.schema.json' } } } },
    { [moduleFile]: options.source, 'config.schema.json': options.configSchema ?? ANY_CONFIG_SCHEMA },
  );
}

/** CommonJS source of a minimal valid chat adapter answering `text`. */
export function chatAdapterSource(text: string, exportStatement = 'module.exports = adapter;'): string {
  return `'use strict';
const adapter = {
  displayName: 'Fixed',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint(settings) {
    return {
      async chat() {
        return {
          id: 'fixed-1', object: 'chat.completion', created: settings.now(), model: settings.modelName ?? 'fixed',
          choices: [{ index: 0, message: { role: 'assistant', content: ${JSON.stringify(text)}, tool_calls: null, refusal: null }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        };
      },
    };
  },
};
${exportStatement}
`;
}
