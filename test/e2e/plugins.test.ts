/**
 * Provider plugins as a user installs them: a project directory holding the config file and
 * `node_modules/<package>` (the echo example symlinked in, as `npm install <path>` leaves it; an
 * ES module package written out), the CLI started on it, chat and streams over HTTP.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import OpenAI from 'openai';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { chatAdapterSource, createProject, installEchoExample, installPackage, installProviderPackage } from '../support/plugin-packages';

/** An ES module plugin (`"type": "module"`, `export default`), which `require` refuses on Node 20. */
const ESM_PLUGIN_SOURCE = `
export default {
  displayName: 'Shout',
  endpointTypes: ['llm/v1/completions'],
  createEndpoint(settings) {
    return {
      async completions(request) {
        const text = request.prompt.toUpperCase() + settings.config.suffix;
        return { id: 'shout-1', object: 'text_completion', created: settings.now(), model: settings.modelName ?? 'shout',
          choices: [{ index: 0, text, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
      },
    };
  },
};
`;

const CONFIG = `
plugins:
  - llm-gateway-provider-echo
  - shout-plugin
endpoints:
  - name: talk
    endpoint_type: llm/v1/chat
    model:
      provider: echo
      name: echo-1
      config: { prefix: "Echo: " }
  - name: shout
    endpoint_type: llm/v1/completions
    model:
      provider: shout
      config: { suffix: "!" }
`;

function writeConfig(project: string, text: string): string {
  const path = join(project, 'gateway.yaml');
  writeFileSync(path, text);
  return path;
}

async function startedGateway(): Promise<{ run: CliRun; url: string }> {
  const project = createProject();
  installEchoExample(project);
  installProviderPackage(project, {
    packageName: 'shout-plugin',
    provider: 'shout',
    moduleFile: 'provider.js',
    source: ESM_PLUGIN_SOURCE,
    manifest: { type: 'module' },
    configSchema: { type: 'object', properties: { suffix: { type: 'string' } }, required: ['suffix'] },
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', writeConfig(project, CONFIG), '--port', String(port)]);
  await waitForHealth(url, run);
  return { run, url };
}

describe('a gateway serving plugin providers', () => {
  let gateway: { run: CliRun; url: string };

  beforeAll(async () => {
    gateway = await startedGateway();
  });

  afterAll(async () => {
    gateway.run.child.kill('SIGTERM');
    await gateway.run.exited;
  });

  it('answers chat through the CommonJS echo plugin on the MLflow route', async () => {
    const response = await fetch(`${gateway.url}/endpoints/talk/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hello plugin' }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { model: string; choices: { message: { content: string } }[] };
    expect(body.model).toBe('echo-1');
    expect(body.choices[0].message.content).toBe('Echo: hello plugin');
  });

  it('streams chat through the echo plugin, ending with [DONE]', async () => {
    const response = await fetch(`${gateway.url}/endpoints/talk/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'one two three' }], stream: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean).map((event) => event.replace(/^data: /, ''));
    expect(events[events.length - 1]).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event) as { choices: { delta: { role: string | null; content: string | null }; finish_reason: string | null }[] });
    expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('Echo: one two three');
    // The plugin's role-only first chunk is held and its role put on the first word (README, Writing a provider plugin).
    expect(chunks[0].choices[0].delta).toMatchObject({ role: 'assistant', content: 'Echo: ' });
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('stop');
  });

  it('serves the plugin through /v1 to the official OpenAI client, streamed', async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused' });
    const stream = await client.chat.completions.create({ model: 'talk', messages: [{ role: 'user', content: 'via openai' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Echo: via openai');
  });

  it('loads an ES module plugin', async () => {
    const response = await fetch(`${gateway.url}/endpoints/shout/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'quiet' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { choices: { text: string }[] }).choices[0].text).toBe('QUIET!');
  });

  it('lists plugin endpoints with their provider name', async () => {
    const response = await fetch(`${gateway.url}/api/2.0/endpoints/`);
    const body = (await response.json()) as { endpoints: { name: string; model: { provider: string } }[] };
    expect(body.endpoints.map((endpoint) => [endpoint.name, endpoint.model.provider])).toEqual([
      ['talk', 'echo'],
      ['shout', 'shout'],
    ]);
  });
});

describe('start-up refuses', () => {
  async function startupFailure(prepare: (project: string) => void, config: string): Promise<string> {
    const project = createProject();
    prepare(project);
    const path = writeConfig(project, config);
    const run = runCli(['--config-path', path, '--port', String(await freePort())]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain(`Invalid gateway configuration in ${path}:`);
    return run.output();
  }

  it('a provider no installed package declares, saying how to install and list a plugin', async () => {
    const output = await startupFailure(() => undefined, 'endpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: acme-llm, config: {}}}\n');
    expect(output).toContain(
      "endpoints[0].model.provider: 'acme-llm' is not supported: it is not a built-in provider (openai, anthropic, gemini, bedrock, amazon-bedrock, cohere, mistral, togetherai, huggingface-text-generation-inference, ai21labs, mosaicml, palm, mlflow-model-serving, mock) and no package listed under 'plugins' declares it. To use a provider plugin, install its npm package (npm install <package>) and list the package under 'plugins:' at the top of this file",
    );
  });

  it('a listed package that is not installed', async () => {
    const output = await startupFailure(() => undefined, 'plugins: [acme-gateway-plugin]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: acme-llm}}\n');
    expect(output).toContain("plugins[0]: package 'acme-gateway-plugin' is not installed");
    expect(output).toContain('npm install acme-gateway-plugin');
  });

  it('a package whose module does not implement the provider interface', async () => {
    const output = await startupFailure(
      (project) => installProviderPackage(project, { packageName: 'hollow', provider: 'hollow', source: 'exports.provider = { displayName: "Hollow" };' }),
      'plugins: [hollow]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: hollow}}\n',
    );
    expect(output).toContain(
      "plugins[0]: package 'hollow', provider 'hollow' (./index.js): does not export a provider adapter (default export or named export 'provider'): endpointTypes must be a non-empty list of llm/v1/chat, llm/v1/completions, llm/v1/embeddings; createEndpoint must be a function",
    );
  });

  it('a package not built, at its plugins entry alone: an endpoint using its provider is not told that no package declares it', async () => {
    const output = await startupFailure(
      (project) => installPackage(project, 'acme-unbuilt', { llmGateway: { providers: { 'acme-llm': { module: './dist/provider.js', configSchema: './schema.json' } } } }, { 'schema.json': { type: 'object' } }),
      'plugins: [acme-unbuilt]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: acme-llm}}\n',
    );
    expect(output).toContain("plugins[0]: package 'acme-unbuilt' (");
    expect(output).toContain("provider 'acme-llm': module './dist/provider.js' does not exist (");
    expect(output).not.toContain('endpoints[0]');
  });

  it('a plugin config its schema rejects, at the YAML path', async () => {
    const output = await startupFailure(
      installEchoExample,
      'plugins: [llm-gateway-provider-echo]\nendpoints:\n  - name: a\n    endpoint_type: llm/v1/chat\n    model:\n      provider: echo\n      config: { prefix: 5, colour: red }\n',
    );
    expect(output).toContain('endpoints[0].model.config.colour: is not a known key here');
    expect(output).toContain('endpoints[0].model.config.prefix: must be a string');
  });

  it('a plugin whose async createEndpoint rejects (a missing key), rather than the gateway listening and then dying of the unhandled rejection', async () => {
    const source = chatAdapterSource('x').replace('createEndpoint(settings) {', 'async createEndpoint(settings) {\n    if (!settings.config.acme_api_key) throw new Error("acme_api_key is missing");');
    const output = await startupFailure(
      (project) => installProviderPackage(project, { packageName: 'eager', provider: 'fixed', source }),
      'plugins: [eager]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: fixed}}\n',
    );
    expect(output).toContain("endpoints[0].model: endpoint 'a': package 'eager', provider 'fixed' (./index.js): createEndpoint must return the endpoint itself, not a Promise");
    expect(output).not.toContain('gateway listening');
  });

  it('a plugin provider named like a built-in', async () => {
    const output = await startupFailure(
      (project) => installPackage(project, 'fake-openai', { llmGateway: { providers: { openai: { module: './index.js', configSchema: './schema.json' } } } }, { 'index.js': chatAdapterSource('x'), 'schema.json': { type: 'object' } }),
      'plugins: [fake-openai]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: openai, config: {openai_api_key: k}}}\n',
    );
    expect(output).toContain(
      "plugins[0]: package 'fake-openai' declares provider 'openai', which is a built-in provider name: a plugin cannot replace a built-in provider; rename the plugin provider",
    );
  });
});

test('a plugin a reload could not load (a missing dependency) is loaded by the next reload once the dependency is installed', async () => {
  const project = createProject();
  installProviderPackage(project, { packageName: 'needs-sdk', provider: 'fixed', source: `require('acme-sdk');\n${chatAdapterSource('Fixed answer')}` });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const withPlugin = (comment: string) => `# ${comment}\nplugins: [needs-sdk]\nendpoints:\n  - {name: fixed, endpoint_type: llm/v1/chat, model: {provider: fixed}}\n`;
  const run = runCli(['--config-path', writeConfig(project, 'endpoints:\n  - {name: chat, endpoint_type: llm/v1/chat, model: {provider: mock}}\n'), '--port', String(port)]);
  const until = async (check: () => boolean | Promise<boolean>, what: string) => {
    for (const started = Date.now(); !(await check()); await new Promise((resolve) => setTimeout(resolve, 50))) {
      if (Date.now() - started > 10_000) throw new Error(`${what} did not happen:\n${run.output()}`);
    }
  };
  const fixedStatus = async () =>
    (await fetch(`${url}/endpoints/fixed/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }) })).status;
  try {
    await waitForHealth(url, run);
    writeConfig(project, withPlugin('first try'));
    await until(() => run.output().includes("cannot be loaded: Cannot find module 'acme-sdk'"), 'the refused reload');
    installPackage(project, 'acme-sdk', {}, { 'index.js': 'module.exports = {};' });
    writeConfig(project, withPlugin('after npm install acme-sdk'));
    await until(async () => (await fixedStatus()) === 200, 'the plugin endpoint answering');
  } finally {
    run.child.kill('SIGTERM');
    await run.exited;
  }
}, 40_000);

test("a stream method written as an async function rather than an async generator: its error is the plugin's error (the gateway keeps serving), its stream is served, and anything else is a 502 naming the plugin", async () => {
  const chunk = `{ id: 'cmpl-1', object: 'text_completion_chunk', created: 1, model: 'm', choices: [{ index: 0, text: 'streamed', finish_reason: 'stop' }] }`;
  const source = `module.exports = {
  displayName: 'Acme',
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions'],
  createEndpoint(settings) {
    return {
      async chatStream() { throw new Error('401 from the vendor'); },
      completionsStream(request) {
        if (request.prompt === 'not a stream') return 'data: streamed';
        return (async () => (async function* () { yield ${chunk}; })())();
      },
    };
  },
};
`;
  const project = createProject();
  installProviderPackage(project, { packageName: 'acme', provider: 'acme', source });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = 'plugins: [acme]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: acme}}\n  - {name: c, endpoint_type: llm/v1/completions, model: {provider: acme}}\n';
  const run = runCli(['--config-path', writeConfig(project, config), '--port', String(port)]);
  const post = async (name: string, body: object) => {
    const response = await fetch(`${url}/endpoints/${name}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, stream: true }) });
    return { status: response.status, text: await response.text() };
  };
  try {
    await waitForHealth(url, run);
    expect(await post('a', { messages: [{ role: 'user', content: 'hi' }] })).toEqual({ status: 502, text: JSON.stringify({ detail: "The provider plugin 'acme' of endpoint 'a' failed (its error is in the gateway's log)." }) });
    expect(await post('c', { prompt: 'hi' })).toEqual({ status: 200, text: `data: ${JSON.stringify({ id: 'cmpl-1', object: 'text_completion_chunk', created: 1, model: 'm', choices: [{ index: 0, text: 'streamed', finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n` });
    expect(await post('c', { prompt: 'not a stream' })).toEqual({
      status: 502,
      text: JSON.stringify({
        detail: "Provider plugin 'acme' (Acme) of endpoint 'c': completionsStream returned string, not an async iterable of chunks: write it as an async generator.",
      }),
    });
  } finally {
    run.child.kill('SIGTERM');
    await run.exited;
  }
}, 40_000);
