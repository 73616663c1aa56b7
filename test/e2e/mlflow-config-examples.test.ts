/**
 * MLflow's own published gateway configs (test/fixtures/mlflow-configs/, sources in its README),
 * loaded as a user would copy them: each loads with its `$VARS` set to dummy values, lists its
 * endpoints on /api/2.0/endpoints/ (and its routes on /api/3.0/gateway/route/) as MLflow lists
 * them, and answers the REST calls MLflow's docs show on every endpoint and route, reaching a fake
 * upstream on 127.0.0.1 in the provider's wire format. The base URL of each endpoint is pointed at
 * the fakes (the key the example has, or the gateway's `<provider>_api_base`); everything else in
 * the file is as published. The examples MLflow refuses too are refused, with a message that says
 * what to write instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { parseConfigText } from '../../src/config/load';
import type { RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { closeFakes, pointedAtFakes, startFakes, WIRES, type EndpointType, type ExampleConfig, type ExampleEndpoint, type Fakes } from '../support/mlflow-example-upstreams';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const FIXTURES = join(__dirname, '..', 'fixtures', 'mlflow-configs');

/** Every `$NAME` the examples use resolves to `dummy-<NAME>`. */
const DUMMY_ENV: NodeJS.ProcessEnv = new Proxy({}, { get: (_target, name) => `dummy-${String(name)}`, has: () => true });

/** The examples MLflow refuses too, with what the gateway says instead. */
const REFUSED: Record<string, RegExp> = {
  // MLflow's docs show `provider: azuread`; MLflow has no such provider.
  'docs-azure-provider-azuread.yaml': /'azuread' is not supported.*provider: openai.*openai_api_type: azuread/s,
  'docs-mosaicai.yaml': /'mosaicai' is not supported.*Did you mean 'mosaicml'/s,
  // A Python entry point; the gateway's plugins are npm packages listed under `plugins:`.
  'rst-plugin.yaml': /'my_llm' is not supported.*plugins:/s,
  // MLflow 2.x layout (`routes:` of endpoint definitions with `route_type`).
  'legacy-gateway-openai.yaml': /MLflow 2\.x layout is not supported/,
  // A provider of an MLflow branch that never shipped.
  'unsupported-anyscale.yaml': /'anyscale' is not supported/,
  // The Azure examples keep `{your_resource_name}` in openai_api_base for the user to fill in.
  'example-azure-openai.yaml': /openai_api_base: still holds the placeholder '\{your_resource_name\}'/,
  'example-deployments-server-azure-openai.yaml': /openai_api_base: still holds the placeholder '\{your_resource_name\}'/,
  'rst-azure-openai.yaml': /openai_api_base: still holds the placeholder '\{your_resource_name\}'/,
};

/** The Azure examples, once the user has put their resource name in the URL. */
const FILLED_IN = ['example-azure-openai.yaml', 'example-deployments-server-azure-openai.yaml', 'rst-azure-openai.yaml'];

const fillIn = (text: string): string => text.replaceAll('{your_resource_name}', 'contoso');
const readExample = (file: string): string => {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  return FILLED_IN.includes(file) ? fillIn(text) : text;
};
const examples = readdirSync(FIXTURES).filter((file) => file.endsWith('.yaml'));
const served = [...examples.filter((file) => !(file in REFUSED)), ...FILLED_IN];

/** The request bodies of the REST API section of MLflow's deployments docs (index.rst). */
const BODIES: Record<EndpointType, Record<string, unknown>> = {
  'llm/v1/chat': { messages: [{ role: 'user', content: 'Can you write a limerick about orange flavored popsicles?' }] },
  'llm/v1/completions': { prompt: 'Describe the probability distribution of the decay chain of U-235' },
  'llm/v1/embeddings': { input: ['I would like to return my shipment of beanie babies, please', 'Can I please speak to a human now?'] },
};
/** Together AI completions need `max_tokens` (in MLflow too): the text-completions body of legacy/usage.mdx has one. */
const COMPLETIONS_WITH_MAX_TOKENS = { prompt: 'The future of AI is', max_tokens: 100 };
const bodyFor = (endpoint: ExampleEndpoint): Record<string, unknown> =>
  endpoint.model.provider === 'togetherai' && endpoint.endpoint_type === 'llm/v1/completions' ? COMPLETIONS_WITH_MAX_TOKENS : BODIES[endpoint.endpoint_type];

/** The Endpoint object MLflow lists for an example's endpoint. */
const listed = (endpoint: ExampleEndpoint) => ({
  name: endpoint.name,
  endpoint_type: endpoint.endpoint_type,
  model: { name: endpoint.model.name ?? null, provider: endpoint.model.provider },
  endpoint_url: `/gateway/${endpoint.name}/invocations`,
  limit: endpoint.limit ? { calls: endpoint.limit.calls, key: null, renewal_period: endpoint.limit.renewal_period } : null,
  // The gateway's own field (README, Differences from MLflow); null without `limit.tokens`.
  token_limit: null,
});

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

let fakes = {} as Fakes;
beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(() => closeFakes(fakes));

describe.each(Object.keys(REFUSED))('%s', (file) => {
  test('is refused at load with a message that says what to write', () => {
    const path = join(FIXTURES, file);
    expect(() => parseConfigText(readFileSync(path, 'utf8'), path, { env: DUMMY_ENV })).toThrow(REFUSED[file]);
  });
});

describe.each(served)('%s', (file) => {
  const text = readExample(file);
  const config = parseYaml(text) as ExampleConfig;
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(pointedAtFakes(config, fakes), { env: DUMMY_ENV });
  });
  afterAll(() => gateway?.close());
  beforeEach(() => {
    for (const fake of Object.values(fakes.http)) fake.requests.length = 0;
    fakes.bedrock.calls.length = 0;
  });

  test('loads unchanged', () => {
    const path = join(FIXTURES, file);
    expect(() => parseConfigText(text, path, { env: DUMMY_ENV })).not.toThrow();
  });

  test('lists its endpoints as MLflow does, on every page a client asks for', async () => {
    const expected = { endpoints: config.endpoints.map(listed), next_page_token: null };
    expect(await getJson(`${gateway.url}/api/2.0/endpoints/`)).toEqual({ status: 200, body: expected });
    // The first page again, by the token MLflow would give for it (base64 of {"index": 0}).
    expect(await getJson(`${gateway.url}/api/2.0/endpoints/?page_token=eyJpbmRleCI6IDB9`)).toEqual({ status: 200, body: expected });
    for (const endpoint of config.endpoints) {
      expect(await getJson(`${gateway.url}/api/2.0/endpoints/${endpoint.name}`)).toEqual({ status: 200, body: listed(endpoint) });
    }
  });

  const routes = config.routes ?? [];
  const eachRoute = routes.length > 0 ? test.each(routes) : () => () => undefined;

  eachRoute('lists route $name as MLflow does', async (route) => {
    expect(await getJson(`${gateway.url}/api/3.0/gateway/route/${route.name}`)).toEqual({
      status: 200,
      body: { name: route.name, task_type: route.task_type, destinations: route.destinations, routing_strategy: 'TRAFFIC_SPLIT' },
    });
  });

  test.each(config.endpoints)('POST /endpoints/$name/invocations reaches the upstream in its wire format', async (endpoint) => {
    const answer = await postJson(`${gateway.url}/endpoints/${endpoint.name}/invocations`, bodyFor(endpoint));
    expect(answer).toMatchObject({ status: 200 });
    const provider = endpoint.model.provider;
    if (provider === 'bedrock' || provider === 'amazon-bedrock') {
      expect(fakes.bedrock.calls).toHaveLength(1);
      // Claude chat through Converse; Titan completions through InvokeModel in Titan's native body.
      const expected = endpoint.endpoint_type === 'llm/v1/chat' ? { operation: 'converse' } : { operation: 'invoke', body: { inputText: expect.any(String) } };
      expect(fakes.bedrock.calls[0]).toMatchObject({ modelId: endpoint.model.name, ...expected });
      return;
    }
    const wire = WIRES[provider](endpoint);
    const requests: RecordedRequest[] = fakes.http[wire.fake].requests;
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toMatch(wire.path(endpoint));
    for (const [header, value] of Object.entries(wire.auth(endpoint))) {
      if (typeof value === 'string') expect(requests[0].headers[header]).toBe(value);
      else expect(requests[0].headers[header]).toMatch(value);
    }
  });

  eachRoute('POST /gateway/$name/invocations reaches one of its destinations', async (route) => {
    const answer = await postJson(`${gateway.url}/gateway/${route.name}/invocations`, BODIES[route.task_type]);
    expect(answer).toMatchObject({ status: 200 });
    const models = route.destinations.map((destination) => config.endpoints.find((endpoint) => endpoint.name === destination.name)?.model.name);
    expect(models).toContain((fakes.http.openai.requests[0].body as { model: string }).model);
  });
});

describe('the OpenAI client on the OpenAI compatibility example (rst-openai-compatibility.yaml)', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const config = parseYaml(readExample('rst-openai-compatibility.yaml')) as ExampleConfig;
    gateway = await startGateway(pointedAtFakes(config, fakes), { env: DUMMY_ENV });
  });
  afterAll(() => gateway?.close());

  test('chat.completions.create with model my-chat', async () => {
    const completion = await openaiClientFor(gateway).chat.completions.create({ model: 'my-chat', messages: [{ role: 'user', content: 'Hello' }] });
    expect(typeof completion.choices[0].message.content).toBe('string');
  });
});

describe("the request bodies of MLflow's usage docs (legacy/usage.mdx) on its multiple-endpoints setup (docs-setup-multiple.yaml)", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const config = parseYaml(readExample('docs-setup-multiple.yaml')) as ExampleConfig;
    gateway = await startGateway(pointedAtFakes(config, fakes), { env: DUMMY_ENV });
  });
  afterAll(() => gateway?.close());
  beforeEach(() => {
    fakes.http.openai.requests.length = 0;
  });

  const chat = {
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'What is machine learning?' },
    ],
    temperature: 0.7,
    max_tokens: 150,
    top_p: 0.9,
    frequency_penalty: 0.0,
    presence_penalty: 0.0,
    stop: ['\n\n'],
    stream: false,
  };
  const completions = { prompt: 'Once upon a time', temperature: 0.8, max_tokens: 100, top_p: 1.0, frequency_penalty: 0.0, presence_penalty: 0.0, stop: ['.', '!'], stream: false };
  const embeddings = { input: ['Text to embed', 'Another text'], encoding_format: 'float' };

  test.each([
    ['chat', chat],
    ['completions', completions],
    ['embeddings', embeddings],
  ])('/gateway/%s/invocations passes every parameter on as sent, and nothing else', async (name, body) => {
    const answer = await postJson(`${gateway.url}/gateway/${name}/invocations`, body);
    expect(answer).toMatchObject({ status: 200 });
    const model = { chat: 'gpt-3.5-turbo', completions: 'gpt-3.5-turbo-instruct', embeddings: 'text-embedding-ada-002' }[name];
    // `stream: false` is the non-streamed call itself, not a parameter.
    const { stream: _stream, ...parameters } = body as Record<string, unknown>;
    expect(fakes.http.openai.requests[0].body).toEqual({ ...parameters, model });
  });

  test('a chat stream ("stream": true) is OpenAI chunks ending with [DONE]', async () => {
    const response = await fetch(`${gateway.url}/gateway/chat/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Write a story' }], stream: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await response.text()).split('\n\n').filter((event) => event.trim() !== '');
    expect(events.at(-1)).toBe('data: [DONE]');
    expect(JSON.parse(events[0].slice('data: '.length))).toMatchObject({ object: 'chat.completion.chunk' });
  });
});

test('Together AI completions without max_tokens get MLflow’s 422 (the REST docs’ completions body on example-togetherai.yaml)', async () => {
  const config = parseYaml(readExample('example-togetherai.yaml')) as ExampleConfig;
  const gateway = await startGateway(pointedAtFakes(config, fakes), { env: DUMMY_ENV });
  try {
    const answer = await postJson(`${gateway.url}/endpoints/completions/invocations`, BODIES['llm/v1/completions']);
    expect(answer).toEqual({ status: 422, body: { detail: 'max_tokens is not present in payload.It is a required parameter for TogetherAI completions.' } });
  } finally {
    await gateway.close();
  }
});
