/**
 * Plugin modules before the plan is compiled: imported once, checked against the ProviderAdapter
 * contract, and compiled into the same CompiledEndpoint as built-in providers.
 */
import { join } from 'node:path';
import { compilePlan } from '../../../src/config/compile';
import { ConfigError } from '../../../src/config/config-error';
import { parseConfigText } from '../../../src/config/load';
import { adapterProblems, endpointProblems, loadPlugins } from '../../../src/plugins/modules';
import { chatAdapterSource, createProject, installEchoExample, installProviderPackage } from '../../support/plugin-packages';
import { CallAbort } from '../../../src/providers/abort';
import { callContext } from '../../support/call-context';

async function loadPlan(project: string, yaml: string) {
  const configPath = join(project, 'gateway.yaml');
  const config = parseConfigText(yaml, configPath, { env: {} });
  return compilePlan(config, configPath, { now: () => 42, plugins: await loadPlugins(config, configPath) });
}

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

const context = callContext();

const ECHO_CONFIG = `
plugins: [llm-gateway-provider-echo]
endpoints:
  - name: talk
    endpoint_type: llm/v1/chat
    model: {provider: echo, name: echo-1, config: {prefix: "Echo: "}}
  - name: write
    endpoint_type: llm/v1/completions
    model: {provider: echo, config: {prefix: "", uppercase: true}, }
  - name: builtin
    endpoint_type: llm/v1/chat
    model: {provider: mock}
`;

describe('the echo example, installed in node_modules', () => {
  it('compiles into endpoints like a built-in provider', async () => {
    const project = createProject();
    installEchoExample(project);
    const plan = await loadPlan(project, ECHO_CONFIG);
    const talk = plan.endpoints.get('talk')!;
    expect(talk).toMatchObject({ name: 'talk', endpointType: 'llm/v1/chat', provider: 'echo', providerDisplayName: 'Echo', defaults: {} });
    expect(talk.view.model).toEqual({ name: 'echo-1', provider: 'echo' });
    const answer = await talk.target.chat!({ messages: [{ role: 'user', content: 'hi' }] }, context);
    expect(answer.choices[0].message.content).toBe('Echo: hi');
    expect(answer.created).toBe(42);
    const written = await plan.endpoints.get('write')!.target.completions!({ prompt: 'loud' }, context);
    expect(written.choices[0].text).toBe('LOUD');
    expect(plan.endpoints.get('builtin')!.providerDisplayName).toBe('Mock');
  });

  it('refuses an endpoint type the plugin does not declare, naming endpoint, provider and type', async () => {
    const project = createProject();
    installEchoExample(project);
    const error = await configErrorOf(
      loadPlan(project, 'plugins: [llm-gateway-provider-echo]\nendpoints:\n  - {name: vectors, endpoint_type: llm/v1/embeddings, model: {provider: echo, config: {prefix: ""}}}\n'),
    );
    expect(error.issues).toEqual([
      {
        path: 'endpoints[0].endpoint_type',
        message: "endpoint 'vectors': provider 'echo' does not support llm/v1/embeddings (it supports llm/v1/chat, llm/v1/completions)",
      },
    ]);
  });

  it('needs loadPlugins before compilePlan', () => {
    const project = createProject();
    installEchoExample(project);
    const configPath = join(project, 'gateway.yaml');
    const config = parseConfigText(ECHO_CONFIG, configPath, { env: {} });
    let error: unknown;
    try {
      compilePlan(config, configPath);
    } catch (thrown) {
      error = thrown;
    }
    expect((error as ConfigError).issues[0]).toEqual({
      path: 'endpoints[0].model.provider',
      message: "endpoint 'talk': plugin provider 'echo' is not loaded (call loadPlugins(config, configPath) and pass its result to compilePlan)",
    });
  });
});

describe('what a plugin module exports', () => {
  const useFixed = (packageName: string) => `plugins: [${packageName}]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: fixed}}\n`;

  it.each([
    ['module.exports = adapter', 'module.exports = adapter;'],
    ['a default export', 'exports.default = adapter;'],
    ["a named export 'provider'", 'exports.provider = adapter;'],
  ])('%s is found', async (_label, exportStatement) => {
    const project = createProject();
    installProviderPackage(project, { packageName: 'fixed', provider: 'fixed', source: chatAdapterSource('fixed answer', exportStatement) });
    const plan = await loadPlan(project, useFixed('fixed'));
    const answer = await plan.endpoints.get('a')!.target.chat!({ messages: [{ role: 'user', content: 'x' }] }, context);
    expect(answer.choices[0].message.content).toBe('fixed answer');
  });

  it("a plugin's method gets a plain { signal } with a real AbortSignal that follows the call's abort", async () => {
    const project = createProject();
    const source = chatAdapterSource('seen').replace('async chat() {', 'async chat(request, context) {\n        globalThis.__pluginContext = context;');
    installProviderPackage(project, { packageName: 'fixed', provider: 'fixed', source });
    const plan = await loadPlan(project, useFixed('fixed'));
    const abort = new CallAbort();
    const lazyContext = {
      abort,
      get signal() {
        return abort.signal;
      },
    };
    await plan.endpoints.get('a')!.target.chat!({ messages: [{ role: 'user', content: 'x' }] }, lazyContext);
    const seen = (globalThis as { __pluginContext?: { signal: AbortSignal } }).__pluginContext!;
    expect(Object.keys(seen)).toEqual(['signal']);
    expect(seen.signal).toBeInstanceOf(AbortSignal);
    abort.abort(new Error('client gone'));
    expect(seen.signal.aborted).toBe(true);
    expect(seen.signal.reason).toEqual(new Error('client gone'));
  });

  it('an endpoint without config gets {} (its schema accepts that)', async () => {
    const project = createProject();
    const source = chatAdapterSource('x').replace('createEndpoint(settings) {', 'createEndpoint(settings) {\n    if (JSON.stringify(settings.config) !== "{}") throw new Error("config is " + JSON.stringify(settings.config));');
    installProviderPackage(project, { packageName: 'fixed', provider: 'fixed', source });
    await expect(loadPlan(project, useFixed('fixed'))).resolves.toBeDefined();
  });

  it('is imported once per process and reused on reload', async () => {
    const project = createProject();
    const source = `globalThis.fixedPluginLoads = (globalThis.fixedPluginLoads ?? 0) + 1;\n${chatAdapterSource('x')}`;
    installProviderPackage(project, { packageName: 'counted', provider: 'fixed', source });
    const first = await loadPlan(project, useFixed('counted'));
    const reloaded = await loadPlan(project, useFixed('counted'));
    expect((globalThis as { fixedPluginLoads?: number }).fixedPluginLoads).toBe(1);
    expect(reloaded.endpoints.get('a')!.providerDisplayName).toBe(first.endpoints.get('a')!.providerDisplayName);
  });

  it('something that is not an adapter is refused at its plugins entry, naming package, provider and what is missing', async () => {
    const project = createProject();
    installProviderPackage(project, {
      packageName: 'not-an-adapter',
      provider: 'fixed',
      source: "module.exports = { displayName: '', endpointTypes: ['llm/v1/chat', 'llm/v1/images'], chat() {} };",
    });
    const error = await configErrorOf(loadPlan(project, useFixed('not-an-adapter')));
    expect(error.issues).toEqual([
      {
        path: 'plugins[0]',
        message:
          "package 'not-an-adapter', provider 'fixed' (./index.js): does not export a provider adapter (default export or named export 'provider'): displayName must be a non-empty string; endpointTypes must be a non-empty list of llm/v1/chat, llm/v1/completions, llm/v1/embeddings; createEndpoint must be a function",
      },
    ]);
    expect(error.message).toContain(join(project, 'gateway.yaml'));
  });

  it('a module that throws while loading is refused with its message', async () => {
    const project = createProject();
    installProviderPackage(project, { packageName: 'throws', provider: 'fixed', source: "throw new Error('missing dependency acme-sdk');" });
    const error = await configErrorOf(loadPlan(project, useFixed('throws')));
    expect(error.issues).toEqual([
      { path: 'plugins[0]', message: "package 'throws', provider 'fixed' (./index.js): cannot be loaded: missing dependency acme-sdk" },
    ]);
  });

  it('createEndpoint returning something unusable is refused at load, at the endpoint', async () => {
    const project = createProject();
    const source = chatAdapterSource('x').replace('return {\n      async chat()', 'return { chatStream: "soon", async chat()');
    installProviderPackage(project, { packageName: 'half', provider: 'fixed', source });
    const error = await configErrorOf(loadPlan(project, useFixed('half')));
    expect(error.issues).toEqual([{ path: 'endpoints[0].model', message: "endpoint 'a': package 'half', provider 'fixed' (./index.js): chatStream must be a function" }]);
  });

  it('createEndpoint throwing (a bad setting) is reported at the endpoint', async () => {
    const project = createProject();
    const source = chatAdapterSource('x').replace('createEndpoint(settings) {', 'createEndpoint(settings) {\n    throw new Error("region eu-north-9 does not exist");');
    installProviderPackage(project, { packageName: 'picky', provider: 'fixed', source });
    const error = await configErrorOf(loadPlan(project, useFixed('picky')));
    expect(error.issues).toEqual([{ path: 'endpoints[0].model', message: "endpoint 'a': region eu-north-9 does not exist" }]);
  });

  it("createEndpoint's message has the endpoint's key redacted (a plugin quoting the key it refuses): config errors are printed and logged", async () => {
    const project = createProject();
    const source = chatAdapterSource('x').replace('createEndpoint(settings) {', 'createEndpoint(settings) {\n    throw new Error(`key ${settings.config.acme_api_key} is not valid in region eu`);');
    installProviderPackage(project, { packageName: 'quoting', provider: 'fixed', source });
    const yaml = useFixed('quoting').replace('provider: fixed', 'provider: fixed, config: {acme_api_key: acme-KEY-0123456789}');
    const error = await configErrorOf(loadPlan(project, yaml));
    expect(error.issues).toEqual([{ path: 'endpoints[0].model', message: "endpoint 'a': key [redacted] is not valid in region eu" }]);
  });

  it('an async createEndpoint is refused at load, at the endpoint (it would otherwise serve none of its methods: every call a 501)', async () => {
    const project = createProject();
    installProviderPackage(project, { packageName: 'eager', provider: 'fixed', source: chatAdapterSource('x').replace('createEndpoint(settings) {', 'async createEndpoint(settings) {') });
    const error = await configErrorOf(loadPlan(project, useFixed('eager')));
    expect(error.issues).toEqual([
      {
        path: 'endpoints[0].model',
        message:
          "endpoint 'a': package 'eager', provider 'fixed' (./index.js): createEndpoint must return the endpoint itself, not a Promise (it is called synchronously when the config is loaded: do asynchronous set-up in the endpoint's methods)",
      },
    ]);
  });

  it('only providers an endpoint uses are imported', async () => {
    const project = createProject();
    installProviderPackage(project, { packageName: 'unused', provider: 'unused', source: "throw new Error('must not be imported');" });
    const plan = await loadPlan(project, 'plugins: [unused]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: mock}}\n');
    expect([...plan.endpoints.keys()]).toEqual(['a']);
  });
});

describe('adapterProblems and endpointProblems', () => {
  it.each([
    [null, ['expected an object with displayName, endpointTypes and createEndpoint, got null']],
    [() => undefined, ['expected an object with displayName, endpointTypes and createEndpoint, got function']],
    [{ displayName: 'A', endpointTypes: [], createEndpoint: () => ({}) }, ['endpointTypes must be a non-empty list of llm/v1/chat, llm/v1/completions, llm/v1/embeddings']],
    [{ displayName: 'A', endpointTypes: ['llm/v1/chat'], createEndpoint: () => ({}) }, []],
  ])('adapter %p', (value, problems) => {
    expect(adapterProblems(value)).toEqual(problems);
  });

  it.each([
    [undefined, ['createEndpoint must return an object with chat, chatStream, completions, completionsStream, embeddings methods, got undefined']],
    [[], ['createEndpoint must return an object with chat, chatStream, completions, completionsStream, embeddings methods, got a list']],
    [{ chat: 'x', embeddings: 1 }, ['chat must be a function', 'embeddings must be a function']],
    [{}, []],
  ])('endpoint %p', (value, problems) => {
    expect(endpointProblems(value)).toEqual(problems);
  });
});
