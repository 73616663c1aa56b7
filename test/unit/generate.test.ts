/**
 * `npm run generate -- --check` (the first step of `npm test`) fails and names the stale files
 * when a schema changed without regenerating. Runs the real script on a copy of the sources, one
 * copy per case, the three side by side.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToExit, startSideBySide } from '../support/side-by-side';

const root = join(__dirname, '..', '..');

/** An OpenAPI schema change: a request field added. */
function addChatField(copy: string): void {
  const path = join(copy, 'openapi', 'schemas', 'chat.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('    stream: { type: [boolean, "null"] }\n', '    stream: { type: [boolean, "null"] }\n    logit_bias: { type: object }\n'));
}

/** A config schema change: a limit setting added. */
function addLimitSetting(copy: string): void {
  const path = join(copy, 'config-schema', 'gateway-config.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as { definitions: { Limit: { properties: Record<string, unknown> } } };
  schema.definitions.Limit.properties.burst = { type: 'integer' };
  writeFileSync(path, JSON.stringify(schema, null, 2));
}

/** The check's exit code and all it printed. */
interface CheckResult {
  code: number | null;
  output: string;
}

/** The check run on a fresh copy of the sources changed by `edit`. */
async function checkCopy(edit: (copy: string) => void): Promise<CheckResult> {
  const copy = mkdtempSync(join(tmpdir(), 'gateway-generate-'));
  try {
    for (const folder of ['openapi', 'config-schema', 'generated', 'scripts']) cpSync(join(root, folder), join(copy, folder), { recursive: true });
    cpSync(join(root, 'tsconfig.json'), join(copy, 'tsconfig.json'));
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    edit(copy);
    const { code, stdout, stderr } = await runToExit(join(root, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', 'scripts/generate.ts', '--check'], { cwd: copy });
    return { code, output: stdout + stderr };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

let checks: { unchanged: Promise<CheckResult>; openapi: Promise<CheckResult>; config: Promise<CheckResult> };
beforeAll(() => {
  const [unchanged, openapi, config] = startSideBySide([() => checkCopy(() => undefined), () => checkCopy(addChatField), () => checkCopy(addLimitSetting)]);
  checks = { unchanged, openapi, config };
});
// A test left out (jest -t) leaves its check running: its copy is removed when it ends.
afterAll(() => Promise.allSettled(Object.values(checks)));

test('an unchanged copy is up to date', async () => {
  expect(await checks.unchanged).toEqual({ code: 0, output: 'generated/ is up to date\n' });
}, 60_000);

test('an OpenAPI schema change without regenerating fails, naming the stale files', async () => {
  const result = await checks.openapi;
  expect(result.code).toBe(1);
  expect(result.output).toContain('generated/ is stale: openapi.json, api.ts, request-validators.js, first-error-validators.js');
}, 60_000);

test('a config schema change without regenerating fails, naming the stale files', async () => {
  const result = await checks.config;
  expect(result.code).toBe(1);
  expect(result.output).toContain('config.ts, config-validator.js');
}, 60_000);
