/**
 * The SDK used the way another TypeScript project uses it: `import … from 'llm-gateway/client'`
 * from an installed package (the built dist/), type-checked by tsc with Node16 resolution, run
 * against a live gateway.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type RunningGateway } from '../support/gateway';

const root = join(__dirname, '..', '..');
let project: string;
let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway('endpoints:\n  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock } }\n');
  project = mkdtempSync(join(tmpdir(), 'gateway-sdk-consumer-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'llm-gateway'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'ES2022', strict: true, outDir: 'out', types: [], lib: ['ES2022', 'DOM'] } }),
  );
  writeFileSync(
    join(project, 'main.ts'),
    `import { createGatewayClient, type ChatResponse } from 'llm-gateway/client';
const gateway = createGatewayClient({ baseUrl: process.argv[2] });
async function main(): Promise<void> {
  const answer: ChatResponse = await gateway.chat('chat', { messages: [{ role: 'user', content: 'from a consumer' }] });
  const endpoints = await gateway.listEndpoints();
  console.log(JSON.stringify({ content: answer.choices[0].message.content, endpoints: endpoints.map((endpoint) => endpoint.name) }));
}
declare const process: { argv: string[] };
main();
`,
  );
});
afterAll(async () => {
  await gateway.close();
  rmSync(project, { recursive: true, force: true });
});

test('a consumer project type-checks against llm-gateway/client and calls the gateway', async () => {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf8' });
  // Asynchronously: the gateway answering it runs in this process.
  const { stdout } = await promisify(execFile)(process.execPath, [join(project, 'out', 'main.js'), gateway.url], { encoding: 'utf8' });
  expect(JSON.parse(stdout)).toEqual({ content: 'Echo: from a consumer', endpoints: ['chat'] });
}, 60_000);

test("the subpath's types also resolve for a `module: commonjs` project (TypeScript's node10 resolution, which ignores `exports`)", () => {
  const compilerOptions = { module: 'commonjs', target: 'ES2022', strict: true, noEmit: true, types: [], lib: ['ES2022', 'DOM'] };
  writeFileSync(join(project, 'tsconfig.node10.json'), JSON.stringify({ compilerOptions, files: ['main.ts'] }));
  expect(() => execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(project, 'tsconfig.node10.json')], { encoding: 'utf8' })).not.toThrow();
}, 60_000);
