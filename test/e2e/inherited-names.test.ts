/**
 * Names that every JavaScript object inherits (`constructor`, `toString`, `__proto__`), sent by a
 * client as a role, a media type, a parameter or a parameter's value, or by a vendor as an error
 * type, are read as the strings they are. Looked up in a plain object table, they found
 * Object.prototype's members: an Anthropic message with role `constructor` became a 502 blaming
 * Anthropic (nothing was sent), a parameter `constructor` went to PaLM, TGI and AI21 as
 * `"function Object() { [native code] }"`, and a vendor error of type `constructor` had the status
 * `function Object() { [native code] }` in its message. A `"__proto__"` key of the body is a key
 * like any other: copies of the body (without its nulls, with parameters renamed) made it the copy's
 * prototype, so the checks saw its fields and the providers did not get them.
 */
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startFakeBedrock, type BedrockCall, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { startGateway, type RunningGateway } from '../support/gateway';

const INHERITED = ['constructor', 'toString', '__proto__'];

const config = (vendorUrl: string, bedrockUrl: string) => `
defaults:
  retries: { max_attempts: 1 }
endpoints:
  - name: openai
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: k, openai_api_base: "${vendorUrl}/v1" } }
  - name: anthropic
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${vendorUrl}/v1" } }
  - name: palm
    endpoint_type: llm/v1/completions
    model: { provider: palm, name: text-bison-001, config: { palm_api_key: k, palm_api_base: "${vendorUrl}/v1beta3" } }
  - name: tgi
    endpoint_type: llm/v1/completions
    model: { provider: huggingface-text-generation-inference, name: tgi, config: { hf_server_url: "${vendorUrl}" } }
  - name: ai21
    endpoint_type: llm/v1/completions
    model: { provider: ai21labs, name: j2-ultra, config: { ai21labs_api_key: k, ai21labs_api_base: "${vendorUrl}/studio/v1" } }
  - name: bedrock-claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-3-5-sonnet-20241022-v2:0, config: { aws_config: ${fakeAwsConfig(bedrockUrl)} } }
  - name: bedrock-cohere-v4
    endpoint_type: llm/v1/embeddings
    model: { provider: bedrock, name: cohere.embed-v4:0, config: { aws_config: ${fakeAwsConfig(bedrockUrl)} } }
`;

let vendors: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;

/** Cohere Embed v4's native answer on Bedrock (embeddings by type). */
function serveBedrock(call: BedrockCall): BedrockReply {
  const { texts } = call.body as { texts: string[] };
  return { json: { id: 'e', texts, embeddings: { float: texts.map(() => [0.5]) }, response_type: 'embeddings_by_type' } };
}

beforeAll(async () => {
  vendors = await startFakeUpstream((_request, response) => sendJson(response, 500, { error: { message: 'not needed' } }));
  bedrock = await startFakeBedrock(serveBedrock);
  gateway = await startGateway(config(vendors.url, bedrock.url));
});
afterAll(async () => {
  await gateway.close();
  await vendors.close();
  await bedrock.close();
});
beforeEach(() => {
  vendors.requests.length = 0;
  bedrock.calls.length = 0;
});

async function post(name: string, body: unknown) {
  const response = await fetch(`${gateway.url}/endpoints/${name}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { detail: string } };
}

test.each(INHERITED)("an Anthropic message with role '%s' is the 400 of an unknown role, and nothing is sent", async (role) => {
  const answer = await post('anthropic', { messages: [{ role, content: 'hi' }] });
  expect(answer).toEqual({ status: 400, body: { detail: `messages[0].role: the role '${role}' is not supported by Anthropic (use system, developer, user, assistant or tool).` } });
  expect(vendors.requests).toEqual([]);
});

test('extra parameters named constructor or toString reach PaLM, TGI and AI21 under their own names, as any other extra does', async () => {
  for (const name of ['palm', 'tgi', 'ai21']) await post(name, { prompt: 'hi', constructor: 1, toString: 2 });
  const [palm, tgi, ai21] = vendors.requests.map((request) => request.body as Record<string, unknown>);
  expect(palm).toEqual({ prompt: { text: 'hi' }, constructor: 1, toString: 2 });
  expect(tgi.parameters).toMatchObject({ constructor: 1, toString: 2 });
  expect(Object.keys(tgi.parameters as object)).not.toContain('function Object() { [native code] }');
  expect(ai21).toEqual({ prompt: 'hi', constructor: 1, toString: 2 });
});

test('an Anthropic stream error event of an unknown type such as constructor is the 502 of an api_error (status 500)', async () => {
  vendors.setHandler((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(
      'event: message_start\ndata: {"type":"message_start","message":{"id":"m","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":0}}}\n\n' +
        'event: error\ndata: {"type":"error","error":{"type":"constructor","message":"boom"}}\n\n',
    );
  });
  const answer = await post('anthropic', { messages: [{ role: 'user', content: 'hi' }], stream: true });
  expect(answer).toEqual({ status: 502, body: { detail: "Upstream error from endpoint 'anthropic' (status 500): boom" } });
});

test.each(INHERITED)("Bedrock Converse: an image of media type '%s' is the 400 of an unsupported format, and nothing is sent", async (mediaType) => {
  const image = { type: 'image_url', image_url: { url: `data:${mediaType};base64,iVBORw0KGgo=` } };
  const answer = await post('bedrock-claude', { messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this?' }, image] }] });
  expect(answer).toEqual({ status: 400, body: { detail: `messages[0].content[1].image_url.url: Amazon Bedrock accepts png, jpeg, gif or webp images, not '${mediaType}'.` } });
  expect(bedrock.calls).toEqual([]);
});

test.each(INHERITED)("Bedrock Cohere Embed v4: truncate '%s' is sent as given (only START and END are renamed)", async (truncate) => {
  await post('bedrock-cohere-v4', { input: ['hi'], truncate });
  expect((bedrock.calls[0].body as { truncate: unknown }).truncate).toBe(truncate);
});

const QUESTION = [{ role: 'user', content: 'hi' }];

async function postOpenAI(body: string) {
  const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, body: (await response.json()) as { error: { message: string } } };
}

test('a "__proto__" key is a key whether or not the body has a null: its fields are not the request\'s', async () => {
  const hidden = `"__proto__": {"messages": ${JSON.stringify(QUESTION)}}`;
  for (const body of [`{"model": "openai", ${hidden}}`, `{"model": "openai", ${hidden}, "temperature": null}`]) {
    const answer = await postOpenAI(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('messages: is required');
  }
  expect(vendors.requests).toEqual([]);
});

test('a "__proto__" extra parameter is passed on as it came, whether or not the body has a null', async () => {
  await postOpenAI(`{"model": "openai", "messages": ${JSON.stringify(QUESTION)}, "__proto__": {"a": 1}}`);
  await postOpenAI(`{"model": "openai", "messages": ${JSON.stringify(QUESTION)}, "__proto__": {"a": 1}, "user": null}`);
  for (const name of ['palm', 'ai21']) {
    await fetch(`${gateway.url}/endpoints/${name}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt": "hi", "__proto__": {"a": 1}}' });
  }
  const sent = vendors.requests.map((request) => request.body as Record<string, unknown>);
  expect(sent.map((body) => Object.hasOwn(body, '__proto__') && body['__proto__'])).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }, { a: 1 }]);
});
