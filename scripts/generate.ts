/**
 * Builds everything in generated/ from the hand-written sources of truth:
 *   openapi/gateway.yaml (+ openapi/schemas/*.yaml) -> openapi.json, api.ts, request-validators.js,
 *                                                      first-error-validators.js
 *   config-schema/gateway-config.schema.json       -> config.ts, config-validator.js
 * `--check` writes nothing; it fails and names every generated file that is stale.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundle, createConfig } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { compile as compileJsonSchema } from 'json-schema-to-typescript';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone';

const root = resolve(__dirname, '..');
const outDir = join(root, 'generated');
const specPath = join(root, 'openapi', 'gateway.yaml');
const configSchemaPath = join(root, 'config-schema', 'gateway-config.schema.json');

/** Schemas of the OpenAPI components that get a standalone request/chunk validator. */
const validatedComponents = [
  'ChatRequest',
  'CompletionsRequest',
  'EmbeddingsRequest',
  'ResponsesRequest',
  'ChatResponse',
  'CompletionsResponse',
  'EmbeddingsResponse',
  'ChatChunk',
  'CompletionsChunk',
];

function header(source: string, commentStyle: 'ts' | 'js'): string {
  const text = `Generated from ${source} by scripts/generate.ts. Do not edit; run \`npm run generate\`.`;
  return commentStyle === 'ts' || commentStyle === 'js' ? `/* ${text} */\n` : text;
}

async function bundleSpec(): Promise<Record<string, unknown>> {
  const config = await createConfig({});
  const result = await bundle({ ref: specPath, config, dereference: false });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`openapi bundle failed:\n${errors.map((problem) => `  ${problem.message}`).join('\n')}`);
  }
  const document = result.bundle.parsed as Record<string, unknown>;
  return { 'x-generated': header('openapi/gateway.yaml', 'js').slice(3, -4), ...document };
}

async function apiTypes(spec: Record<string, unknown>): Promise<string> {
  // openapi-typescript annotates the document it is given; give it a copy.
  const ast = await openapiTS(structuredClone(spec) as never, { alphabetize: false, exportType: true });
  return header('openapi/gateway.yaml', 'ts') + astToString(ast);
}

/**
 * Ajv standalone module validating each listed component schema of the bundled spec: reporting
 * every error (request-validators.js), or stopping at the first (first-error-validators.js, which
 * decide validity fast; see src/server/validation.ts). Compiled here, not at start-up, where
 * compiling the second set took about 0.3 s of CPU in every process.
 */
function componentValidators(spec: Record<string, unknown>, allErrors: boolean): string {
  // strictNumbers: a JSON number beyond a 64-bit float (`1e999`) parses as Infinity, which is no
  // number or integer a client can mean (and JSON.stringify would send on as null).
  const ajv = new Ajv2020({ code: { source: true, lines: true }, strict: false, strictNumbers: true, allErrors });
  const components = (spec.components as { schemas: Record<string, unknown> }).schemas;
  ajv.addSchema({ $id: 'spec', components: { schemas: components } });
  const exports: Record<string, string> = {};
  for (const name of validatedComponents) {
    if (!components[name]) throw new Error(`openapi components.schemas has no ${name}`);
    exports[`validate${name}`] = `spec#/components/schemas/${name}`;
  }
  return header('openapi/gateway.yaml', 'js') + standaloneCode(ajv, exports);
}

function validatorDeclarations(names: string[], source: string): string {
  const lines = names.map((name) => `export declare const ${name}: ValidateFunction;`);
  return `${header(source, 'ts')}import type { ValidateFunction } from 'ajv';\n${lines.join('\n')}\n`;
}

async function configTypes(schema: Record<string, unknown>): Promise<string> {
  const text = await compileJsonSchema(schema as never, 'GatewayConfig', {
    bannerComment: header('config-schema/gateway-config.schema.json', 'ts').trimEnd(),
    unreachableDefinitions: true,
    additionalProperties: false,
    style: { singleQuote: true },
  });
  return text;
}

function configValidator(schema: Record<string, unknown>): string {
  // verbose: each error carries the schema node that refused the value (typed-by-schema.ts reads its type).
  const ajv = new Ajv({ code: { source: true, lines: true }, allErrors: true, verbose: true, strict: true, strictTypes: false });
  addFormats(ajv, ['uri']);
  const validate = ajv.compile(schema);
  return header('config-schema/gateway-config.schema.json', 'js') + standaloneCode(ajv, validate);
}

async function generateAll(): Promise<Record<string, string>> {
  const spec = await bundleSpec();
  const configSchema = JSON.parse(readFileSync(configSchemaPath, 'utf8')) as Record<string, unknown>;
  return {
    'openapi.json': `${JSON.stringify(spec, null, 2)}\n`,
    'api.ts': await apiTypes(spec),
    'request-validators.js': componentValidators(spec, true),
    'request-validators.d.ts': validatorDeclarations(
      validatedComponents.map((name) => `validate${name}`),
      'openapi/gateway.yaml',
    ),
    'first-error-validators.js': componentValidators(spec, false),
    'first-error-validators.d.ts': validatorDeclarations(
      validatedComponents.map((name) => `validate${name}`),
      'openapi/gateway.yaml',
    ),
    'config.ts': await configTypes(configSchema),
    'config-validator.js': configValidator(configSchema),
    'config-validator.d.ts': `${header('config-schema/gateway-config.schema.json', 'ts')}import type { ValidateFunction } from 'ajv';\ndeclare const validate: ValidateFunction;\nexport default validate;\n`,
  };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generateAll();
  const stale = Object.entries(files).filter(([name, text]) => {
    const path = join(outDir, name);
    return !existsSync(path) || readFileSync(path, 'utf8') !== text;
  });
  if (check) {
    if (stale.length > 0) {
      console.error(`generated/ is stale: ${stale.map(([name]) => name).join(', ')}. Run \`npm run generate\` and commit.`);
      process.exit(1);
    }
    console.log('generated/ is up to date');
    return;
  }
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of stale) writeFileSync(join(outDir, name), text);
  console.log(stale.length ? `wrote ${stale.map(([name]) => name).join(', ')}` : 'generated/ already up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
