/**
 * The SDK used the way another TypeScript project uses it: `import … from 'llm-gateway/client'`
 * from an installed package (the built dist/), type-checked by tsc with Node16 resolution, run
 * against a live gateway.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type RunningGateway } from '../support/gateway';
import { runToExit, startSideBySide } from '../support/side-by-side';

const root = join(__dirname, '..', '..');
let project: string;
let gateway: RunningGateway;
/** The consumer project's three compiles (each its own tsconfig), run side by side. */
let compiled: { node16: Promise<void>; node10: Promise<void>; readme: Promise<void> };

/**
 * In each compile, TypeScript's own lib files (lib.es2022, lib.dom) are not checked again: they are
 * the same in every run, and a declaration clashing with one is reported where it is declared too.
 * Everything else, the package's declarations included, is checked (no skipLibCheck); those lib
 * files took about half of the compiles' time.
 */
const OWN_LIB_UNCHECKED = { skipDefaultLibCheck: true };

/** Resolves once `tsc -p <tsconfig>` has compiled without an error; rejects with what tsc printed. */
async function compile(tsconfig: string): Promise<void> {
  const { code, stdout, stderr } = await runToExit(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(project, tsconfig)]);
  if (code !== 0) throw new Error(`tsc -p ${tsconfig} exited ${code}:\n${stdout}${stderr}`);
}

beforeAll(async () => {
  gateway = await startGateway('endpoints:\n  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock } }\n');
  project = mkdtempSync(join(tmpdir(), 'gateway-sdk-consumer-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'llm-gateway'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'ES2022', strict: true, outDir: 'out', types: [], lib: ['ES2022', 'DOM'], ...OWN_LIB_UNCHECKED }, files: ['main.ts', 'types.ts'] }),
  );
  writeFileSync(
    join(project, 'main.ts'),
    `import { createGatewayClient, GatewayClientError, type ChatResponse } from 'llm-gateway/client';
const gateway = createGatewayClient({ baseUrl: process.argv[2] });
/** The failure's fields as its types give them: ErrorResponse's detail, or a stream's StreamError. */
async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
    return null;
  } catch (error) {
    if (!(error instanceof GatewayClientError) || error.body === undefined) throw error;
    if ('error' in error.body) return { status: error.status, code: error.body.error.code };
    const detail = error.body.detail;
    return { status: error.status, loc: Array.isArray(detail) ? detail[0].loc : null, detail: typeof detail === 'string' ? detail : null };
  }
}
async function main(): Promise<void> {
  const answer: ChatResponse = await gateway.chat('chat', { messages: [{ role: 'user', content: 'from a consumer' }] });
  // An answer's message goes back into the next request as it is (its tool_calls is null).
  const again = await gateway.chat('chat', { messages: [{ role: 'user', content: 'from a consumer' }, answer.choices[0].message, { role: 'user', content: 'again' }] });
  const endpoints = await gateway.listEndpoints();
  const invalid = await failureOf(() => gateway.chat('chat', { messages: [] }));
  const missing = await failureOf(async () => {
    for await (const chunk of gateway.streamChat('nope', { messages: [{ role: 'user', content: 'x' }] })) console.log(chunk.id);
  });
  console.log(JSON.stringify({ content: answer.choices[0].message.content, again: again.choices[0].message.content, endpoints: endpoints.map((endpoint) => endpoint.name), invalid, missing }));
}
declare const process: { argv: string[] };
main();
`,
  );
  // Type-level checks, compiled with the rest: a wrong type is a compile error naming the line.
  writeFileSync(
    join(project, 'types.ts'),
    `import { createGatewayClient, GatewayClientError, GatewayConnectionError, type ChatChunk, type ChatResponse, type ErrorResponse, type GatewayCallOptions, type GatewayErrorBody } from 'llm-gateway/client';
// Exactly the same type (an \`any\` anywhere inside differs).
type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Each assignable to the other, neither \`any\` (openapi-fetch wraps answers in mapped types).
type IsAny<T> = 0 extends 1 & T ? true : false;
type Same<A, B> = IsAny<A> extends true ? false : IsAny<B> extends true ? false : [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function same<T extends true>(): void {}
declare const gateway: ReturnType<typeof createGatewayClient>;
// Streams yield chunks and return nothing: no \`any\` from next() or its argument.
same<Exactly<Awaited<ReturnType<ReturnType<typeof gateway.streamChat>['next']>>, IteratorResult<ChatChunk, void>>>();
same<Exactly<Parameters<ReturnType<typeof gateway.streamChat>['next']>, [] | [undefined]>>();
same<Exactly<GatewayClientError['body'], GatewayErrorBody | undefined>>();
same<Exactly<GatewayConnectionError['cause'], unknown>>();
// Call options, last on every helper: an AbortSignal alone, or signal, headers and timeout.
export const callOptions: GatewayCallOptions = { signal: AbortSignal.timeout(1000), headers: { traceparent: 't' }, timeout: 1000 };
export const calls = () => [gateway.chat('chat', { messages: [] }, callOptions), gateway.listEndpoints(AbortSignal.timeout(1000)), gateway.streamChat('chat', { messages: [] }, { timeout: 5 })];
// Optional fields sent as null (as OpenAI's and Python clients do) count as absent; a required field or a list item may not be null.
export const nulls = () => [
  gateway.chat('chat', { messages: [{ role: 'user', content: 'x', name: null }], temperature: null, top_p: null, n: null, stop: null, max_tokens: null, stream_options: null, tools: null, tool_choice: null }),
  gateway.completions('completions', { prompt: 'x', temperature: null, stop: null, max_tokens: null, stream: null }),
  // @ts-expect-error messages is required
  gateway.chat('chat', { messages: null }),
  // @ts-expect-error a stop sequence is a string
  gateway.chat('chat', { messages: [], stop: ['END', null] }),
];
export async function raw(): Promise<void> {
  // The raw client's JSON answers: a chat completion, never a stream chunk.
  const chat = await gateway.raw.POST('/v1/chat/completions', { body: { model: 'chat', messages: [{ role: 'user', content: 'x' }] } });
  same<Same<NonNullable<typeof chat.data>, ChatResponse>>();
  // With stream: true and parseAs: 'stream', the answer's event stream.
  const streamed = await gateway.raw.POST('/v1/chat/completions', { body: { model: 'chat', messages: [{ role: 'user', content: 'x' }], stream: true }, parseAs: 'stream' });
  same<Same<typeof streamed.data, Response['body'] | undefined>>();
  // Every route's failures have a type, 401 included.
  const metrics = await gateway.raw.GET('/metrics', { parseAs: 'text' });
  same<Same<NonNullable<typeof metrics.error>, ErrorResponse>>();
  const endpoint = await gateway.raw.GET('/api/2.0/endpoints/{name}', { params: { path: { name: 'chat' } } });
  same<Same<NonNullable<typeof endpoint.error>, ErrorResponse>>();
}
`,
  );
  // The README's SDK example as written there, against this gateway.
  const section = readFileSync(join(root, 'README.md'), 'utf8').split('## Typed client SDK')[1];
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (example === undefined) throw new Error("README's Typed client SDK section has no ts example");
  writeFileSync(join(project, 'readme.mts'), example.replace('http://127.0.0.1:5000', gateway.url));
  // A plugin's use of the main entry: its types, whose declarations must not need esModuleInterop.
  writeFileSync(
    join(project, 'plugin.ts'),
    `import type { ProviderAdapter } from 'llm-gateway';
export const adapter: ProviderAdapter<{ prefix: string }> = { displayName: 'Plugin', endpointTypes: ['llm/v1/chat'], createEndpoint: () => ({}) };
`,
  );
  // TypeScript's node10 resolution (a `module: commonjs` project, without esModuleInterop), which ignores `exports`.
  const node10Options = { module: 'commonjs', target: 'ES2022', strict: true, noEmit: true, types: [], lib: ['ES2022', 'DOM'], ...OWN_LIB_UNCHECKED };
  writeFileSync(join(project, 'tsconfig.node10.json'), JSON.stringify({ compilerOptions: node10Options, files: ['main.ts', 'types.ts', 'plugin.ts'] }));
  // A consumer with Node's types (the example writes to process.stdout).
  const readmeOptions = { module: 'node16', target: 'ES2022', strict: true, outDir: 'out', lib: ['ES2022', 'DOM'], types: ['node'], typeRoots: [join(root, 'node_modules', '@types')], ...OWN_LIB_UNCHECKED };
  writeFileSync(join(project, 'tsconfig.readme.json'), JSON.stringify({ compilerOptions: readmeOptions, files: ['readme.mts'] }));
  const [node16, node10, readme] = startSideBySide(['tsconfig.json', 'tsconfig.node10.json', 'tsconfig.readme.json'].map((tsconfig) => () => compile(tsconfig)));
  compiled = { node16, node10, readme };
});
afterAll(async () => {
  // A test left out (jest -t) leaves its compile running: it must not write into a removed folder.
  await Promise.allSettled(Object.values(compiled ?? {}));
  await gateway.close();
  rmSync(project, { recursive: true, force: true });
});

test('a consumer project type-checks against llm-gateway/client (typed answers, chunks and errors) and calls the gateway', async () => {
  await compiled.node16;
  // Asynchronously: the gateway answering it runs in this process.
  const { stdout } = await promisify(execFile)(process.execPath, [join(project, 'out', 'main.js'), gateway.url], { encoding: 'utf8' });
  expect(JSON.parse(stdout)).toEqual({
    content: 'Echo: from a consumer',
    again: 'Echo: again',
    endpoints: ['chat'],
    invalid: { status: 422, loc: ['body', 'messages'], detail: null },
    missing: { status: 404, loc: null, detail: "The endpoint 'nope' is not present or active on the server. Please verify the endpoint name." },
  });
}, 60_000);

test("the subpath's and the main entry's types also resolve for a `module: commonjs` project without esModuleInterop (TypeScript's node10 resolution, which ignores `exports`)", async () => {
  await expect(compiled.node10).resolves.toBeUndefined();
}, 60_000);

test("the README's SDK example, as written there, compiles with strict tsc in an ES module and runs", async () => {
  await compiled.readme;
  const { stdout } = await promisify(execFile)(process.execPath, [join(project, 'out', 'readme.mjs')], { encoding: 'utf8' });
  expect(stdout).toBe('Echo: Hello\nEcho: Hi');
}, 60_000);
