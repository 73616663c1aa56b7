/**
 * `npm run generate -- --check` (the first step of `npm test`) fails and names the stale files
 * when a schema changed without regenerating. Runs the real script on a copy of the sources.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
let copy: string;

function check(): { code: number; output: string } {
  try {
    const output = execFileSync(join(root, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', 'scripts/generate.ts', '--check'], { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const failure = error as { status: number; stderr: string; stdout: string };
    return { code: failure.status, output: failure.stdout + failure.stderr };
  }
}

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'gateway-generate-'));
  for (const folder of ['openapi', 'config-schema', 'generated', 'scripts']) cpSync(join(root, folder), join(copy, folder), { recursive: true });
  cpSync(join(root, 'tsconfig.json'), join(copy, 'tsconfig.json'));
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

test('an unchanged copy is up to date', () => {
  expect(check()).toEqual({ code: 0, output: 'generated/ is up to date\n' });
}, 60_000);

test('an OpenAPI schema change without regenerating fails, naming the stale files', () => {
  const path = join(copy, 'openapi', 'schemas', 'chat.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('    stream: { type: [boolean, "null"] }\n', '    stream: { type: [boolean, "null"] }\n    logit_bias: { type: object }\n'));
  const result = check();
  expect(result.code).toBe(1);
  expect(result.output).toContain('generated/ is stale: openapi.json, api.ts, request-validators.js, first-error-validators.js');
}, 60_000);

test('a config schema change without regenerating fails, naming the stale files', () => {
  const path = join(copy, 'config-schema', 'gateway-config.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as { definitions: { Limit: { properties: Record<string, unknown> } } };
  schema.definitions.Limit.properties.burst = { type: 'integer' };
  writeFileSync(path, JSON.stringify(schema, null, 2));
  const result = check();
  expect(result.code).toBe(1);
  expect(result.output).toContain('config.ts, config-validator.js');
}, 60_000);
