/**
 * The README's "Writing a provider plugin" example as a plugin author uses it: its package.json,
 * config schema and `src/provider.ts` written out as two packages (CommonJS and an ES module),
 * each compiled by tsc with `strict` against the built llm-gateway, installed beside it in one
 * project, and served by the CLI from a fake Acme model server speaking the protocol the README
 * describes: chat on the MLflow route, a stream through the official openai client, Acme's refusal.
 * A third build follows the README's steps for a gateway run from a checkout: a plugin folder of its
 * own, the checkout linked in as its `llm-gateway` by the README's command, listed by its path.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import OpenAI from 'openai';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { createProject, writeFiles } from '../support/plugin-packages';
import { fencedBlocks } from '../support/readme-yaml';
import { runToExit, startSideBySide } from '../support/side-by-side';

const root = join(__dirname, '..', '..');
const ACME_KEY = 'acme-key-for-the-readme-example';

/** The example's blocks, in the README's order: package.json, config.schema.json, src/provider.ts. */
function readmeExample(): { manifest: Record<string, unknown>; configSchema: object; source: string } {
  const section = readFileSync(join(root, 'README.md'), 'utf8').split('### Writing a provider plugin')[1].split('\n## ')[0];
  const blocks = fencedBlocks(section);
  const [manifest, configSchema] = blocks.filter((block) => block.language === 'json').map((block) => JSON.parse(block.text));
  const source = blocks.find((block) => block.language === 'ts')?.text;
  if (manifest === undefined || configSchema === undefined || source === undefined) throw new Error('the README\'s "Writing a provider plugin" lacks its package.json, schema or ts block');
  return { manifest, configSchema, source };
}

/** Acme's server as the README describes it: `POST /generate`, one answer or JSON lines. */
function answerAsAcme(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { messages: { content: string }[]; stream: boolean };
  const prompt = body.messages.at(-1)!.content;
  if (request.url !== '/generate' || request.headers.authorization !== `Bearer ${ACME_KEY}`) return sendJson(response, 404, { error: 'not found' });
  if (prompt === 'refuse me') return sendJson(response, 400, { error: 'prompt refused' });
  if (!body.stream) return sendJson(response, 200, { text: `Acme says: ${prompt}`, input_tokens: 2, output_tokens: 3 });
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  // The counts' line split across two writes: the example must join a line cut anywhere.
  response.write(`{"text":"Acme "}\n{"text":"says: "}\n{"text":"${prompt}"}\n{"input_tokens":2,`);
  setTimeout(() => response.end('"output_tokens":3}\n'), 10);
}

let project: string;
let upstream: FakeUpstream;
/** The two gateways, each started once what it serves compiled (a test left out still has it started). */
let gateways: { builds: Promise<{ run: CliRun; url: string }>; checkout: Promise<{ run: CliRun; url: string }> };
let compiled: { commonjs: Promise<void>; esm: Promise<void>; checkout: Promise<void> };
/** The checkout layout's folder: the plugin's own folder and the config's, in no project. */
let checkoutLayout: string;

/**
 * Writes the example as package `name` (an ES module package when `esm`) in `node_modules` of the
 * project, or in `directory`, and resolves once tsc built it without an error.
 */
async function buildPackage(name: string, provider: string, esm: boolean, directory = join(project, 'node_modules', name)): Promise<void> {
  const { manifest, configSchema, source } = readmeExample();
  const providers = (manifest.llmGateway as { providers: Record<string, unknown> }).providers;
  const [declared] = Object.values(providers);
  writeFiles(directory, {
    'package.json': { ...manifest, name, version: '1.0.0', ...(esm && { type: 'module' }), llmGateway: { providers: { [provider]: declared } } },
    'config.schema.json': configSchema,
    'src/provider.ts': source,
    // A plugin author's strict Node project: no esModuleInterop, no skipLibCheck. TypeScript's own
    // lib files (lib.es2022) are not checked again: the same in every run, and a declaration clashing
    // with one is reported where it is declared too; checking them took about half of each compile.
    'tsconfig.json': {
      compilerOptions: {
        strict: true,
        skipDefaultLibCheck: true,
        target: 'ES2022',
        module: esm ? 'nodenext' : 'commonjs',
        rootDir: 'src',
        outDir: 'dist',
        types: ['node'],
        typeRoots: [join(root, 'node_modules', '@types')],
      },
      include: ['src'],
    },
  });
  const { code, stdout, stderr } = await runToExit(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', directory]);
  if (code !== 0) throw new Error(`tsc -p ${name} exited ${code}:\n${stdout}${stderr}`);
}

/** The gateway serving both builds, started side by side with the checkout's once both compiled. */
async function startedGateway(): Promise<{ run: CliRun; url: string }> {
  await Promise.all([compiled.commonjs, compiled.esm]);
  const config = `
plugins: [acme-commonjs, acme-esm]
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: acme-llm, name: acme-1, config: { acme_api_key: $ACME_API_KEY, acme_api_base: "${upstream.url}" } }
  - name: chat-esm
    endpoint_type: llm/v1/chat
    model: { provider: acme-esm, name: acme-1, config: { acme_api_key: $ACME_API_KEY, acme_api_base: "${upstream.url}" } }
`;
  const configPath = join(project, 'gateway.yaml');
  writeFileSync(configPath, config);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port)], { ACME_API_KEY: ACME_KEY }, { sideBySide: true });
  await waitForHealth(url, run);
  return { run, url };
}

/**
 * The gateway of a checkout (the CLI from the repository's directory) serving the plugin folder
 * listed by its path, started once that plugin compiled.
 */
async function startedCheckoutGateway(): Promise<{ run: CliRun; url: string }> {
  await compiled.checkout;
  const configPath = join(checkoutLayout, 'config', 'gateway.yaml');
  const pluginPath = relative(join(checkoutLayout, 'config'), join(checkoutLayout, 'acme-plugin'));
  writeFiles(join(checkoutLayout, 'config'), {
    'gateway.yaml': `plugins: [${pluginPath}]
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: acme-checkout, name: acme-1, config: { acme_api_key: $ACME_API_KEY, acme_api_base: "${upstream.url}" } }
`,
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port)], { ACME_API_KEY: ACME_KEY }, { cwd: root, sideBySide: true });
  await waitForHealth(url, run);
  return { run, url };
}

beforeAll(async () => {
  project = createProject('gateway-plugin-readme-');
  // Installed in one project with the gateway, as the README asks: the plugin's GatewayError is the gateway's own.
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(root, join(project, 'node_modules', 'llm-gateway'), 'dir');
  upstream = await startFakeUpstream(answerAsAcme);
  checkoutLayout = createProject('gateway-plugin-checkout-');
  const [commonjs, esm, checkout] = startSideBySide([
    () => buildPackage('acme-commonjs', 'acme-llm', false),
    () => buildPackage('acme-esm', 'acme-esm', true),
    async () => {
      await linkedAsTheReadmeSays(join(checkoutLayout, 'acme-plugin'));
      await buildPackage('acme-checkout', 'acme-checkout', false, join(checkoutLayout, 'acme-plugin'));
    },
  ]);
  compiled = { commonjs, esm, checkout };
  gateways = { builds: startedGateway(), checkout: startedCheckoutGateway() };
  // Each is awaited by its tests: one that fails fails them, with its own message.
  for (const gateway of Object.values(gateways)) gateway.catch(() => undefined);
});

/** Runs, in the plugin's folder, the README's command that links the checkout in as its `llm-gateway`. */
async function linkedAsTheReadmeSays(pluginDirectory: string): Promise<void> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const steps = fencedBlocks(readme.split('**Beside a gateway run from a checkout**')[1]).find((block) => block.language === 'sh');
  const link = steps?.text.split('\n').find((line) => line.includes('ln -s'));
  if (link === undefined) throw new Error("the README's steps for a checkout lack the command linking it into the plugin's node_modules");
  mkdirSync(pluginDirectory, { recursive: true });
  const { code, stdout, stderr } = await runToExit('/bin/sh', ['-c', link.replaceAll('/path/to/llm-gateway', root)], { cwd: pluginDirectory });
  if (code !== 0) throw new Error(`${link} exited ${code}:\n${stdout}${stderr}`);
}

afterAll(async () => {
  await Promise.allSettled(Object.values(compiled ?? {}));
  for (const started of await Promise.allSettled(Object.values(gateways ?? {}))) {
    if (started.status === 'rejected') continue;
    started.value.run.child.kill('SIGTERM');
    await started.value.run.exited;
  }
  await upstream.close();
  rmSync(project, { recursive: true, force: true });
  rmSync(checkoutLayout, { recursive: true, force: true });
});

/** The gateway serving both builds. */
const served = () => gateways.builds;

test('the example compiles with strict tsc as CommonJS, without esModuleInterop', async () => {
  await expect(compiled.commonjs).resolves.toBeUndefined();
}, 120_000);

test('the example compiles with strict tsc as an ES module', async () => {
  await expect(compiled.esm).resolves.toBeUndefined();
}, 120_000);

test('the CommonJS build answers chat on the MLflow route, with the key and messages sent to Acme', async () => {
  const { url } = await served();
  const response = await fetch(`${url}/gateway/chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }) });
  const answer = (await response.json()) as { choices: { message: { content: string } }[]; usage: unknown; model: string };
  expect({ status: response.status, content: answer.choices[0].message.content, usage: answer.usage, model: answer.model }).toEqual({
    status: 200,
    content: 'Acme says: hi',
    usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
    model: 'acme-1',
  });
  expect(upstream.requests.at(-1)!.body).toEqual({ model: 'acme-1', messages: [{ role: 'user', content: 'hi' }], stream: false });
}, 120_000);

test.each(['chat', 'chat-esm'])('the %s build streams to the official openai client through /v1: the whole text, then the usage asked for', async (model) => {
  const { url } = await served();
  const openai = new OpenAI({ baseURL: `${url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const stream = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'streamed' }], stream: true, stream_options: { include_usage: true } });
  let text = '';
  const usages: unknown[] = [];
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    if (chunk.usage) usages.push(chunk.usage);
  }
  expect({ text, usages }).toEqual({ text: 'Acme says: streamed', usages: [{ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 }] });
}, 120_000);

test("Acme's refusal is the example's GatewayError.upstream: a 400 with its message, not a 500", async () => {
  const { url } = await served();
  const response = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chat-esm', messages: [{ role: 'user', content: 'refuse me' }] }) });
  expect({ status: response.status, body: await response.json() }).toEqual({
    status: 400,
    body: { error: { message: 'Acme answered 400', type: 'invalid_request_error', param: null, code: 'upstream_rejected' } },
  });
}, 120_000);

test("a gateway run from a checkout (npm start: the CLI from the repository's directory) serves a plugin folder listed by its path, linked to the checkout as the README says: chat answers, and Acme's refusal is the gateway's own GatewayError, a 400", async () => {
  const { run, url } = await gateways.checkout;
  try {
    const chat = (content: string) =>
      fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chat', messages: [{ role: 'user', content }] }) });
    const answered = await chat('hi');
    expect({ status: answered.status, content: ((await answered.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content }).toEqual({ status: 200, content: 'Acme says: hi' });
    const refused = await chat('refuse me');
    expect({ status: refused.status, body: await refused.json() }).toEqual({
      status: 400,
      body: { error: { message: 'Acme answered 400', type: 'invalid_request_error', param: null, code: 'upstream_rejected' } },
    });
  } finally {
    run.child.kill('SIGTERM');
    await run.exited;
  }
}, 120_000);
