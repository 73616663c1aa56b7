/**
 * Provider plugins, found the npm way (MLflow uses Python entry points; reference §7.4). Each
 * package listed under `plugins:` in the config declares its providers in its package.json:
 *
 *   "llmGateway": { "providers": { "acme-llm": { "module": "./dist/provider.js", "configSchema": "./config.schema.json" } } }
 *
 * This file finds those packages, reads the declarations and compiles each provider's config
 * schema, synchronously, while the config is loaded (so its problems are reported with every other
 * config problem). src/plugins/modules.ts imports the modules before the plan is compiled.
 * Only listed packages are read: scanning a large node_modules at start-up would be slow.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import type AjvCore from 'ajv/dist/core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import configSchema from '../../config-schema/gateway-config.schema.json';
import type { ConfigIssue } from '../config/config-error';
import { canonicalProviderName, PROVIDER_NAMES } from '../config/normalise';
import { formatYamlPath, isRecord } from '../config/yaml-path';
import { quoted } from '../config/quoted';

/** The names a package may declare; the same rule the config schema applies to `model.provider`. */
export const PLUGIN_PROVIDER_NAME = new RegExp(configSchema.definitions.PluginProviderName.pattern, 'u');

/** One provider declared by a listed package, ready to be imported and to validate configs. */
export interface PluginProvider {
  name: string;
  /** The `plugins` entry as written in the config. */
  packageName: string;
  /** Position in the config's `plugins` list, for issue paths. */
  listIndex: number;
  /** `module` as declared, for messages. */
  module: string;
  /** Absolute path of the module file. */
  modulePath: string;
  /** Validates an endpoint's `model.config` against the schema the package ships. */
  validateConfig: ValidateFunction;
}

export interface PluginCatalog {
  /** Declared providers by name. */
  providers: ReadonlyMap<string, PluginProvider>;
  /** Problems with the listed packages, located at `plugins[i]`. */
  issues: ConfigIssue[];
  /**
   * Names a listed package declares with a problem reported in `issues` (a module not built, a
   * schema that is not JSON): an endpoint using one is not also told that no package declares it.
   */
  declaredWithProblems: ReadonlySet<string>;
}

/** What one package declares, independent of where it is listed. */
interface PackageDeclarations {
  providers: Omit<PluginProvider, 'packageName' | 'listIndex'>[];
  problems: string[];
  /** The names of the declarations `problems` are about. */
  namesWithProblems: string[];
}

/** Packages that read without a problem, by real directory: read once per process, reused on reload. */
const packageCache = new Map<string, PackageDeclarations>();

/**
 * Reads the packages listed under `plugins` (read defensively: the schema reports a malformed list).
 * `configPath` decides where names are looked up; `workingDirectory` is the second place.
 */
export function discoverPlugins(list: unknown, configPath: string, workingDirectory = process.cwd()): PluginCatalog {
  const providers = new Map<string, PluginProvider>();
  const issues: ConfigIssue[] = [];
  const declaredWithProblems = new Set<string>();
  const configDirectory = dirname(resolve(configPath));
  const seen = new Set<unknown>();
  (Array.isArray(list) ? list : []).forEach((entry: unknown, listIndex) => {
    if (typeof entry !== 'string' || entry === '' || seen.has(entry)) return;
    seen.add(entry);
    const path = formatYamlPath(['plugins', listIndex]);
    const directory = findPackage(entry, configDirectory, workingDirectory);
    if (directory === undefined) {
      issues.push({ path, message: notFoundMessage(entry, configDirectory, workingDirectory) });
      return;
    }
    const declarations = readPackage(directory);
    issues.push(...declarations.problems.map((problem) => ({ path, message: `package ${quoted(entry)} (${directory}): ${problem}` })));
    for (const name of declarations.namesWithProblems) declaredWithProblems.add(name);
    for (const provider of declarations.providers) {
      const problem = nameProblem(provider.name, providers);
      if (problem !== undefined) issues.push({ path, message: `package ${quoted(entry)} declares provider '${provider.name}', ${problem}` });
      else providers.set(provider.name, { ...provider, packageName: entry, listIndex });
    }
  });
  return { providers, issues, declaredWithProblems };
}

/** Why a declared name cannot be used, or undefined when it can. */
function nameProblem(name: string, declared: ReadonlyMap<string, PluginProvider>): string | undefined {
  if ((PROVIDER_NAMES as readonly string[]).includes(canonicalProviderName(name))) {
    return 'which is a built-in provider name: a plugin cannot replace a built-in provider; rename the plugin provider';
  }
  const earlier = declared.get(name);
  if (earlier !== undefined) {
    return `which package '${earlier.packageName}' (${formatYamlPath(['plugins', earlier.listIndex])}) declares already: provider names must be unique`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Finding a package: a path (relative to the config file) or a name looked up like `require`
// does, in the node_modules folders from the config file's directory upwards, then from the
// working directory upwards. package.json is read directly, so packages whose `exports` hide it work.

function isPathEntry(entry: string): boolean {
  return entry.startsWith('.') || isAbsolute(entry);
}

/**
 * Whether `path` is a file. A path no file can be at is none either: one through a file
 * (`./README.md/x`, ENOTDIR), one too long (ENAMETOOLONG), one holding a NUL character.
 */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

function isPackageDirectory(directory: string): boolean {
  return isFile(join(directory, 'package.json'));
}

function findPackage(entry: string, configDirectory: string, workingDirectory: string): string | undefined {
  if (isPathEntry(entry)) {
    const directory = resolve(configDirectory, entry);
    return isPackageDirectory(directory) ? directory : undefined;
  }
  for (const base of new Set([configDirectory, workingDirectory])) {
    const folders = createRequire(join(base, 'config.js')).resolve.paths(entry) ?? [];
    const found = folders.map((folder) => join(folder, entry)).find(isPackageDirectory);
    if (found !== undefined) return found;
  }
  return undefined;
}

function notFoundMessage(entry: string, configDirectory: string, workingDirectory: string): string {
  if (isPathEntry(entry)) return `no package directory (with a package.json) at ${resolve(configDirectory, entry)}`;
  const places = configDirectory === workingDirectory ? configDirectory : `${configDirectory} or ${workingDirectory}`;
  return `package ${quoted(entry)} is not installed: no node_modules folder from ${places} upwards holds it. Install it next to the config file (cd ${configDirectory} && npm install ${entry}), or list the path of its directory instead`;
}

// ---------------------------------------------------------------------------------------------
// Reading a package's declarations.

function readPackage(directory: string): PackageDeclarations {
  const key = realpathSync(directory);
  const cached = packageCache.get(key);
  if (cached !== undefined) return cached;
  const declarations = readDeclarations(directory);
  if (declarations.problems.length === 0) packageCache.set(key, declarations);
  return declarations;
}

function readDeclarations(directory: string): PackageDeclarations {
  const manifest = readJson(join(directory, 'package.json'));
  if (!manifest.ok) return { providers: [], problems: [`package.json ${manifest.problem}`], namesWithProblems: [] };
  const { value } = manifest;
  const declared = isRecord(value) && isRecord(value.llmGateway) ? value.llmGateway.providers : undefined;
  if (!isRecord(declared) || Object.keys(declared).length === 0) {
    return {
      providers: [],
      problems: [
        'declares no provider: its package.json needs "llmGateway": {"providers": {"<name>": {"module": "<file>", "configSchema": "<file>"}}}',
      ],
      namesWithProblems: [],
    };
  }
  const providers: PackageDeclarations['providers'] = [];
  const problems: string[] = [];
  const namesWithProblems: string[] = [];
  for (const [name, declaration] of Object.entries(declared)) {
    const provider = readDeclaration(directory, name, declaration);
    if (typeof provider === 'string') {
      problems.push(`provider '${name}': ${provider}`);
      namesWithProblems.push(name);
    } else providers.push(provider);
  }
  return { providers, problems, namesWithProblems };
}

function readDeclaration(directory: string, name: string, declaration: unknown): PackageDeclarations['providers'][number] | string {
  if (!PLUGIN_PROVIDER_NAME.test(name)) {
    return "the name may contain only lowercase letters, digits, '.', '_' and '-' (optionally scoped: @scope/name)";
  }
  if (!isRecord(declaration) || typeof declaration.module !== 'string' || typeof declaration.configSchema !== 'string') {
    return 'needs "module" (the file exporting the provider adapter) and "configSchema" (the JSON Schema file of its config), both paths relative to the package';
  }
  const modulePath = resolve(directory, declaration.module);
  if (!isFile(modulePath)) {
    return `module '${declaration.module}' does not exist (${modulePath}); is the package built?`;
  }
  const validateConfig = compileConfigSchema(resolve(directory, declaration.configSchema), declaration.configSchema);
  if (typeof validateConfig === 'string') return validateConfig;
  return { name, module: declaration.module, modulePath, validateConfig };
}

function readJson(path: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (!existsSync(path)) return { ok: false, problem: 'does not exist' };
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message})` };
  }
}

/** A validator for the config schema a package ships, or a string saying why there is none. */
function compileConfigSchema(path: string, declared: string): ValidateFunction | string {
  const file = readJson(path);
  if (!file.ok) return `configSchema '${declared}' ${file.problem}`;
  const schema = file.value;
  if (!isRecord(schema)) return `configSchema '${declared}' must hold a JSON Schema object`;
  try {
    return validatorFor(schema.$schema).compile(schema);
  } catch (error) {
    return `configSchema '${declared}' is not a valid JSON Schema: ${(error as Error).message}`;
  }
}

/**
 * A fresh Ajv per schema, so two plugins may use the same `$id`. Draft-07 unless the schema says
 * 2019-09 or 2020-12. `verbose`: each error carries the schema node that refused the value, whose
 * type says where a number or boolean is read from text (config/typed-by-schema.ts).
 */
function validatorFor(dialect: unknown): AjvCore {
  const options = { allErrors: true, verbose: true, strict: false };
  const version = typeof dialect === 'string' ? dialect : '';
  const ajv = version.includes('2020-12') ? new Ajv2020(options) : version.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv);
  return ajv;
}
