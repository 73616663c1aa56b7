/**
 * The `bedrock` provider end to end: the official OpenAI client (through /v1) and plain HTTP
 * (through the MLflow routes) against the gateway, which calls a fake Bedrock runtime on 127.0.0.1
 * through the real AWS SDK: SigV4-signed requests (the fake re-computes the signature), JSON
 * answers, and event streams in the real binary encoding cut into 7-byte TCP writes.
 */
import OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { converseEvent, exceptionEvent, startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { converseEvents, serveBedrockFixtures } from '../support/fixture-upstreams';
import { FIXED_NOW, parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const REGION = 'eu-west-3';
const KEY_PAIR = { accessKeyId: 'AKIAKEYPAIREXAMPLE', secretAccessKey: 'literal-secret-NEVER-SHOWN', region: REGION };
const ENV_PAIR = { accessKeyId: 'AKIAFROMENVEXAMPLE', secretAccessKey: 'env-secret-NEVER-SHOWN', region: REGION };
const MASTER_PAIR = { accessKeyId: 'AKIAMASTEREXAMPLE', secretAccessKey: 'master-secret-NEVER-SHOWN', region: REGION };
const CHAIN_PAIR = { accessKeyId: 'AKIADEFAULTCHAIN', secretAccessKey: 'chain-secret-NEVER-SHOWN', region: REGION };

const config = (fakeUrl: string) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-3-5-sonnet-20241022-v2:0
      config:
        temperature: 0.3
        aws_config:
          aws_region: ${REGION}
          aws_endpoint_url: ${fakeUrl}
          aws_access_key_id: ${KEY_PAIR.accessKeyId}
          aws_secret_access_key: ${KEY_PAIR.secretAccessKey}
  - name: llama-env
    endpoint_type: llm/v1/chat
    model:
      provider: amazon-bedrock
      name: meta.llama3-1-70b-instruct-v1:0
      config:
        aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: $BEDROCK_KEY_ID, aws_secret_access_key: $BEDROCK_SECRET }
  - name: claude-role
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-haiku-20240307-v1:0
      config:
        aws_config:
          aws_region: ${REGION}
          aws_endpoint_url: ${fakeUrl}
          aws_role_arn: arn:aws:iam::123456789012:role/gateway-bedrock
          session_length_seconds: 1800
          aws_access_key_id: ${MASTER_PAIR.accessKeyId}
          aws_secret_access_key: ${MASTER_PAIR.secretAccessKey}
  - name: mistral-role-short
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: mistral.mistral-large-2407-v1:0
      config:
        aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_role_arn: "arn:aws:iam::123456789012:role/short" }
  - name: claude-role-too-long
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-haiku-20240307-v1:0
      config:
        aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_role_arn: "arn:aws:iam::123456789012:role/one-hour", session_length_seconds: 43200 }
  - name: claude-default-chain
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: eu.anthropic.claude-3-7-sonnet-20250219-v1:0
      config:
        aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}" }
  - name: titan
    endpoint_type: llm/v1/completions
    model:
      provider: bedrock
      name: amazon.titan-text-express-v1
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: $BEDROCK_KEY_ID, aws_secret_access_key: $BEDROCK_SECRET } }
  - name: cohere-command
    endpoint_type: llm/v1/completions
    model:
      provider: bedrock
      name: cohere.command-text-v14
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: $BEDROCK_KEY_ID, aws_secret_access_key: $BEDROCK_SECRET } }
  - name: jurassic
    endpoint_type: llm/v1/completions
    model:
      provider: bedrock
      name: ai21.j2-ultra-v1
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: $BEDROCK_KEY_ID, aws_secret_access_key: $BEDROCK_SECRET } }
  - name: titan-embed
    endpoint_type: llm/v1/embeddings
    model:
      provider: bedrock
      name: amazon.titan-embed-text-v2:0
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: $BEDROCK_KEY_ID, aws_secret_access_key: $BEDROCK_SECRET } }
  - name: titan-embed-image
    endpoint_type: llm/v1/embeddings
    model:
      provider: bedrock
      name: amazon.titan-embed-image-v1
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: $BEDROCK_KEY_ID, aws_secret_access_key: $BEDROCK_SECRET } }
  - name: cohere-embed
    endpoint_type: llm/v1/embeddings
    model:
      provider: bedrock
      name: cohere.embed-multilingual-v3
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: $BEDROCK_KEY_ID, aws_secret_access_key: $BEDROCK_SECRET } }
  - name: nova-embed
    endpoint_type: llm/v1/embeddings
    model:
      provider: bedrock
      name: us.amazon.nova-2-multimodal-embeddings-v1:0
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: $BEDROCK_KEY_ID, aws_secret_access_key: $BEDROCK_SECRET } }
`;

const savedEnv = { ...process.env };
let fake: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  fake = await startFakeBedrock(serveBedrockFixtures);
  // The SDK's STS client honours the standard per-service endpoint override; the default chain reads these keys.
  process.env.AWS_ENDPOINT_URL_STS = fake.url;
  process.env.AWS_ACCESS_KEY_ID = CHAIN_PAIR.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = CHAIN_PAIR.secretAccessKey;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  gateway = await startGateway(config(fake.url), { env: { BEDROCK_KEY_ID: ENV_PAIR.accessKeyId, BEDROCK_SECRET: ENV_PAIR.secretAccessKey } });
  openai = openaiClientFor(gateway);
});
beforeEach(() => {
  fake.calls.length = 0;
  fake.closed.length = 0;
  fake.stsCalls.length = 0;
  fake.setHandler(serveBedrockFixtures);
  fake.expectCredential(null);
});
afterAll(async () => {
  process.env = savedEnv;
  await gateway.close();
  await fake.close();
});

const lastCall = () => fake.calls[fake.calls.length - 1];
/** A JSON answer body, loosely typed for assertions. */
const jsonOf = async (response: Response): Promise<any> => response.json();
const post = (path: string, body: unknown) => fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('credentials and signing', () => {
  test('key pair from the config: signed for the key and region, Converse body with the scaled endpoint temperature', async () => {
    fake.expectCredential(KEY_PAIR);
    const completion = await openai.chat.completions.create({ model: 'claude', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Salut' }] });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.usage).toEqual({ prompt_tokens: 21, completion_tokens: 16, total_tokens: 37 });
    expect(completion.id).toBe('fake-request-id');
    expect(completion.created).toBe(FIXED_NOW);
    expect(completion.model).toBe('us.anthropic.claude-3-5-sonnet-20241022-v2:0');
    const call = lastCall();
    expect(call.operation).toBe('converse');
    expect(call.modelId).toBe('us.anthropic.claude-3-5-sonnet-20241022-v2:0');
    expect(call.signer).toEqual({ accessKeyId: KEY_PAIR.accessKeyId, region: REGION, service: 'bedrock', sessionToken: null });
    expect(call.body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Salut' }] }],
      system: [{ text: 'Be brief.' }],
      inferenceConfig: { temperature: 0.15 },
    });
  });

  test('key pair from $ENV_VAR references: the resolved secret signs the request', async () => {
    fake.expectCredential(ENV_PAIR);
    const completion = await openai.chat.completions.create({ model: 'llama-env', messages: [{ role: 'user', content: 'Salut' }], max_tokens: 64 });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    expect(lastCall().signer.accessKeyId).toBe(ENV_PAIR.accessKeyId);
    expect(lastCall().body).toEqual({ messages: [{ role: 'user', content: [{ text: 'Salut' }] }], inferenceConfig: { maxTokens: 64 } });
  });

  test('role: AssumeRole signed with the configured keys, the Bedrock call signed with the assumed-role session, which is reused', async () => {
    fake.setAssumedRole({ accessKeyId: 'ASIAASSUMEDROLE', secretAccessKey: 'role-secret', sessionToken: 'role-session', lifetimeSeconds: 3600 });
    fake.expectCredential({ accessKeyId: 'ASIAASSUMEDROLE', secretAccessKey: 'role-secret', sessionToken: 'role-session-1', region: REGION });
    await openai.chat.completions.create({ model: 'claude-role', messages: [{ role: 'user', content: 'Salut' }] });
    await openai.chat.completions.create({ model: 'claude-role', messages: [{ role: 'user', content: 'Encore' }] });
    expect(fake.stsCalls).toHaveLength(1);
    expect(fake.stsCalls[0].signer).toEqual({ accessKeyId: MASTER_PAIR.accessKeyId, region: REGION, service: 'sts', sessionToken: null });
    expect(fake.stsCalls[0].form).toMatchObject({
      Action: 'AssumeRole',
      RoleArn: 'arn:aws:iam::123456789012:role/gateway-bedrock',
      RoleSessionName: 'ai-gateway-bedrock',
      DurationSeconds: '1800',
    });
    expect(fake.calls.map((call) => call.signer)).toEqual([
      { accessKeyId: 'ASIAASSUMEDROLE', region: REGION, service: 'bedrock', sessionToken: 'role-session-1' },
      { accessKeyId: 'ASIAASSUMEDROLE', region: REGION, service: 'bedrock', sessionToken: 'role-session-1' },
    ]);
  });

  test('role without keys: AssumeRole signed by the default chain; the session is renewed before it expires', async () => {
    fake.setAssumedRole({ accessKeyId: 'ASIASHORTROLE', secretAccessKey: 'short-secret', sessionToken: 'short', lifetimeSeconds: 900 });
    await openai.chat.completions.create({ model: 'mistral-role-short', messages: [{ role: 'user', content: 'Un' }] });
    // Eleven minutes later, four are left on the 15-minute session: inside the SDK's five-minute renewal window.
    const later = Date.now() + 11 * 60_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => later);
    try {
      await openai.chat.completions.create({ model: 'mistral-role-short', messages: [{ role: 'user', content: 'Deux' }] });
    } finally {
      clock.mockRestore();
    }
    expect(fake.stsCalls.map((call) => [call.signer.accessKeyId, call.form.DurationSeconds])).toEqual([
      [CHAIN_PAIR.accessKeyId, '900'],
      [CHAIN_PAIR.accessKeyId, '900'],
    ]);
    expect(fake.calls.map((call) => call.signer.sessionToken)).toEqual(['short-1', 'short-2']);
  });

  test("STS refusing the role's settings (session_length_seconds above the role's maximum) is a 502 for the operator, not the client's 400", async () => {
    // STS's documented answer: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (DurationSeconds)
    fake.refuseAssumeRole({ status: 400, code: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });
    try {
      const refused = await post('/endpoints/claude-role-too-long/invocations', { messages: [{ role: 'user', content: 'x' }] });
      expect(refused.status).toBe(502);
      expect((await jsonOf(refused)).detail).toBe(
        "AWS STS refused to assume the role of endpoint 'claude-role-too-long' (ValidationError): The requested DurationSeconds exceeds the MaxSessionDuration set for this role. Ask the gateway operator to check the endpoint's aws_config (aws_role_arn, session_length_seconds).",
      );
      const viaOpenai = await openai.chat.completions.create({ model: 'claude-role-too-long', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
      expect(viaOpenai).toBeInstanceOf(OpenAI.APIError);
      expect((viaOpenai as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
      expect((viaOpenai as InstanceType<typeof OpenAI.APIError>).code).toBe('upstream_auth_failed');
      // Not retried: the same settings would be refused again.
      expect(fake.stsCalls).toHaveLength(2);
      expect(fake.calls).toHaveLength(0);
    } finally {
      fake.refuseAssumeRole(null);
    }
  });

  test("STS refusing to let the gateway's credentials assume the role (AccessDenied) is a 502 naming STS and the role, not Bedrock, without AWS's text", async () => {
    fake.refuseAssumeRole({ status: 403, code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/gw is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/one-hour' });
    try {
      const refused = await openai.chat.completions.create({ model: 'claude-role-too-long', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
      expect((refused as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
        message:
          "AWS STS refused to assume the role of endpoint 'claude-role-too-long' (AccessDenied). Ask the gateway operator to check the endpoint's aws_role_arn and that the gateway's AWS credentials may assume that role (sts:AssumeRole, the role's trust policy).",
      });
      expect(fake.calls).toHaveLength(0);
    } finally {
      fake.refuseAssumeRole(null);
    }
  });

  test("an STS failing AssumeRole is called once per gateway attempt: the SDK's own retries are off for STS as for Bedrock", async () => {
    fake.refuseAssumeRole({ status: 500, code: 'InternalFailure', message: 'An internal error occurred.' });
    try {
      const failed = await post('/endpoints/claude-role-too-long/invocations', { messages: [{ role: 'user', content: 'x' }] });
      expect(failed.status).toBe(502);
      expect((await jsonOf(failed)).detail).toBe("AWS STS failed for endpoint 'claude-role-too-long' (InternalFailure, status 500).");
      // The gateway's three attempts (retries.max_attempts' default), one AssumeRole each.
      expect(fake.stsCalls).toHaveLength(3);
    } finally {
      fake.refuseAssumeRole(null);
    }
  });

  test('no credentials in aws_config: the default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY of the gateway) signs', async () => {
    fake.expectCredential(CHAIN_PAIR);
    const completion = await openai.chat.completions.create({ model: 'claude-default-chain', messages: [{ role: 'user', content: 'Salut' }] });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    expect(lastCall().modelId).toBe('eu.anthropic.claude-3-7-sonnet-20250219-v1:0');
  });

  test('a refused signature (or AccessDenied) is a 502 naming the endpoint, never the secret', async () => {
    fake.expectCredential({ ...KEY_PAIR, secretAccessKey: 'some-other-secret' });
    const refused = await post('/endpoints/claude/invocations', { messages: [{ role: 'user', content: 'x' }] });
    expect(refused.status).toBe(502);
    const text = await refused.text();
    expect(JSON.parse(text).detail).toContain("endpoint 'claude'");
    expect(JSON.parse(text).detail).toContain('UnrecognizedClientException');

    fake.expectCredential(null);
    fake.setHandler(() => ({ error: { status: 403, type: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/gw is not authorized to perform: bedrock:InvokeModel' } }));
    const denied = await openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(OpenAI.APIError);
    expect((denied as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    const message = (denied as Error).message;
    expect(message).toContain("endpoint 'claude'");
    expect(message).toContain('AccessDeniedException');
    for (const secret of [KEY_PAIR.secretAccessKey, ENV_PAIR.secretAccessKey, 'some-other-secret']) {
      expect(text).not.toContain(secret);
      expect(message).not.toContain(secret);
    }
  });
});

describe('chat through Converse', () => {
  const weatherTool = {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      description: 'Weather now',
      parameters: { type: 'object', properties: { location: { type: 'string', minLength: 2 }, units: { enum: ['c', 'f'] } }, required: ['location'] },
    },
  };

  test('tools: full JSON Schema sent as toolConfig, tool calls returned with finish_reason tool_calls', async () => {
    const completion = await openai.chat.completions.create({
      model: 'claude',
      messages: [{ role: 'user', content: 'Weather in Paris and São Paulo?' }],
      tools: [weatherTool],
      tool_choice: 'auto',
    });
    expect((lastCall().body as { toolConfig: unknown }).toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'get_weather', description: 'Weather now', inputSchema: { json: weatherTool.function.parameters } } }],
      toolChoice: { auto: {} },
    });
    const choice = completion.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBe("I'll look up the weather in both cities.");
    expect(choice.message.tool_calls).toEqual([
      { id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
      { id: 'tooluse_u3xQ2bTnS9KXo1f0cRz7Ag', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil","units":"c"}' } },
    ]);
  });

  test('a tool round trip: assistant tool calls and tool results become toolUse and one user turn of toolResults', async () => {
    await openai.chat.completions.create({
      model: 'claude',
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'tooluse_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'tooluse_1', content: '18°C, sunny' },
      ],
    });
    expect((lastCall().body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris?' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { location: 'Paris' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: '18°C, sunny' }] } }] },
    ]);
  });

  test('a tool result with empty content (a tool that returned nothing) goes as one empty text block, not an empty list some models refuse', async () => {
    await openai.chat.completions.create({
      model: 'llama-env',
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'tooluse_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'tooluse_1', content: '' },
      ],
    });
    expect((lastCall().body as { messages: unknown[] }).messages[2]).toEqual({ role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: '' }] } }] });
  });

  test('streamed text over ConverseStream: reassembled exactly from 7-byte pieces, usage on the last chunk', async () => {
    const stream = await openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    let finish: string | null = null;
    let usage: unknown = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(finish).toBe('stop');
    expect(usage).toEqual({ prompt_tokens: 18, completion_tokens: 11, total_tokens: 29 });
    expect(lastCall().operation).toBe('converse-stream');
  });

  test('streamed tool calls: the OpenAI client assembles names and arguments', async () => {
    const stream = openai.chat.completions.stream({ model: 'claude', messages: [{ role: 'user', content: 'Weather?' }], tools: [weatherTool] });
    const final = await stream.finalChatCompletion();
    const calls = (final.choices[0].message.tool_calls ?? []).map((call) => (call.type === 'function' ? [call.id, call.function.name, JSON.parse(call.function.arguments)] : null));
    expect(calls).toEqual([
      ['tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', 'get_weather', { location: 'Paris, France' }],
      ['tooluse_u3xQ2bTnS9KXo1f0cRz7Ag', 'get_weather', { location: 'São Paulo, Brazil' }],
    ]);
    expect(final.choices[0].message.content).toBe('Let me check both cities.');
    expect(final.choices[0].finish_reason).toBe('tool_calls');
  });

  test('a client that disconnects mid-stream aborts the Bedrock call', async () => {
    // About 150 pieces, 40 ms apart: the stream would take six seconds to finish.
    fake.setHandler(() => ({ events: converseEvents('converse-chat.events.json'), pauseMs: 40 }));
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude', messages: [{ role: 'user', content: 'x' }], stream: true }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    const started = Date.now();
    controller.abort();
    expect(await fake.closed[0]).toEqual({ complete: false });
    // Before the stream's end, with room for a machine stalling for seconds.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("structured outputs: response_format json_schema is Converse's outputConfig.textFormat, and the client's parse() reads the answer", async () => {
    fake.setHandler(() => ({ json: readJsonFixture('bedrock', 'converse-structured-output.response.json') }));
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, email: { type: 'string' }, plan_interest: { type: 'string' }, demo_requested: { type: 'boolean' } },
      required: ['name', 'email', 'plan_interest', 'demo_requested'],
      additionalProperties: false,
    };
    const completion = await openai.chat.completions.parse({
      model: 'llama-env',
      messages: [{ role: 'user', content: 'Extract: Zoë Martin (zoe@example.com) wants Enterprise and a demo.' }],
      response_format: { type: 'json_schema', json_schema: { name: 'contact', description: 'A sales lead', strict: true, schema } },
    });
    expect(completion.choices[0].message.parsed).toEqual({ name: 'Zoë Martin', email: 'zoe@example.com', plan_interest: 'Enterprise', demo_requested: true });
    const { outputConfig } = lastCall().body as { outputConfig: { textFormat: { structure: { jsonSchema: { schema: string } } } } };
    expect(outputConfig).toEqual({ textFormat: { type: 'json_schema', structure: { jsonSchema: { name: 'contact', description: 'A sales lead', schema: expect.any(String) } } } });
    // Converse takes the schema as a JSON text.
    expect(JSON.parse(outputConfig.textFormat.structure.jsonSchema.schema)).toEqual(schema);
  });

  test("response_format json_object (Converse's structured outputs need a schema) is a 400 naming response_format.type, before any upstream call", async () => {
    const response = await post('/v1/chat/completions', { model: 'claude', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } });
    expect(response.status).toBe(400);
    expect((await jsonOf(response)).error).toMatchObject({ param: 'response_format.type' });
    expect(fake.calls).toHaveLength(0);
  });

  test("an assistant message with empty content and no tool calls (a turn Converse refuses as empty) is a 400 naming its content, before any upstream call", async () => {
    const refused = openai.chat.completions.create({
      model: 'claude',
      messages: [
        { role: 'user', content: 'Salut' },
        { role: 'assistant', content: '' },
        { role: 'user', content: 'Tu es là ?' },
      ],
    });
    await expect(refused).rejects.toMatchObject({ status: 400, param: 'messages[1].content', message: expect.stringContaining('an assistant message needs text other than whitespace, or tool_calls') });
    expect(fake.calls).toHaveLength(0);
  });

  test("blank text (Converse refuses it, naming a place in its own turns) is left out: the whitespace beside an assistant's tool calls, a blank part, a blank system message", async () => {
    const completion = await openai.chat.completions.create({
      model: 'claude',
      tools: [weatherTool],
      messages: [
        { role: 'system', content: ' ' },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }, { type: 'text', text: '\n' }] },
        { role: 'assistant', content: '\n\n', tool_calls: [{ id: 'tooluse_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'tooluse_1', content: '18°C, sunny' },
      ],
    });
    expect(completion.choices[0].message.tool_calls).toHaveLength(2);
    const body = lastCall().body as { system?: unknown; messages: unknown };
    expect(body.system).toBeUndefined();
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris?' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { location: 'Paris' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: '18°C, sunny' }] } }] },
    ]);
  });

  test('a user message of blank text alone in its turn is a 400 naming its content in the client\'s list, before any upstream call', async () => {
    const refused = openai.chat.completions.create({
      model: 'claude',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Salut' },
        { role: 'assistant', content: 'Bonjour !' },
        { role: 'user', content: '  ' },
      ],
    });
    await expect(refused).rejects.toMatchObject({ status: 400, param: 'messages[3].content', message: expect.stringContaining('a user message needs text other than whitespace, or another part') });
    expect(fake.calls).toHaveLength(0);
  });

  test('an unsupported parameter is a 400 naming it and the family, before any upstream call', async () => {
    const response = await post('/v1/chat/completions', { model: 'claude', messages: [{ role: 'user', content: 'x' }], presence_penalty: 0.5 });
    expect(response.status).toBe(400);
    expect((await jsonOf(response)).error).toMatchObject({ param: 'presence_penalty', message: "The parameter 'presence_penalty' is not supported by Amazon Bedrock (Anthropic Claude)." });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('completions and embeddings through native bodies', () => {
  test("LangChain's OpenAI LLM defaults (penalties at 0, which change nothing) are served without sending them", async () => {
    await openai.completions.create({ model: 'titan', prompt: 'Offer me a drink:', temperature: 0.7, top_p: 1, frequency_penalty: 0, presence_penalty: 0, n: 1, max_tokens: 256 });
    expect(lastCall().body).toEqual({ inputText: 'Offer me a drink:', textGenerationConfig: { temperature: 0.35, topP: 1, maxTokenCount: 256 } });
  });

  test('Titan text: completion, and a stream of chunk events', async () => {
    const completion = await openai.completions.create({ model: 'titan', prompt: 'Offer me a drink:', temperature: 1, stop: ['User:'] });
    expect(completion.choices[0]).toMatchObject({ text: '\nVoilà un café 🙂 Bonne journée à vous.', finish_reason: 'stop' });
    expect(completion.usage).toEqual({ prompt_tokens: 9, completion_tokens: 14, total_tokens: 23 });
    expect(lastCall()).toMatchObject({
      operation: 'invoke',
      modelId: 'amazon.titan-text-express-v1',
      body: { inputText: 'Offer me a drink:', textGenerationConfig: { temperature: 0.5, stopSequences: ['User:'] } },
    });

    const stream = await openai.completions.create({ model: 'titan', prompt: 'Offer me a drink:', stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('\nVoilà un café 🙂 Bonne journée.');
    expect(lastCall().operation).toBe('invoke-with-response-stream');
  });

  test('Cohere Command: several generations, temperature × 2.5, and a stream (which the body must ask for)', async () => {
    const response = await post('/endpoints/cohere-command/invocations', { prompt: 'Offer me a drink:', n: 2, temperature: 0.4 });
    expect(response.status).toBe(200);
    expect((await jsonOf(response)).choices).toEqual([
      { index: 0, text: ' Voilà un café 🙂', finish_reason: 'stop' },
      { index: 1, text: ' Un thé, peut-être', finish_reason: 'length' },
    ]);
    expect(lastCall().body).toEqual({ prompt: 'Offer me a drink:', num_generations: 2, temperature: 1 });

    const streamed = await post('/endpoints/cohere-command/invocations', { prompt: 'Offer me a drink:', stream: true });
    const events = parseSse(await streamed.text());
    const chunks = events.filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data));
    expect(chunks.map((chunk) => chunk.choices[0].text ?? '').join('')).toBe(' Voilà un café 🙂');
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('stop');
    expect(events[events.length - 1].data).toBe('[DONE]');
    expect(lastCall().body).toEqual({ prompt: 'Offer me a drink:', stream: true });
  });

  test('AI21 Jurassic-2: completions; a stream request is a 501 naming the model', async () => {
    const completion = await openai.completions.create({ model: 'jurassic', prompt: 'Offer me a drink:', max_tokens: 20 });
    expect(completion.choices.map((choice) => [choice.text, choice.finish_reason])).toEqual([
      [' How about a café au lait?', 'stop'],
      [' A glass of cold', 'length'],
    ]);
    expect(lastCall().body).toEqual({ prompt: 'Offer me a drink:', maxTokens: 20 });
    const streamed = await post('/v1/completions', { model: 'jurassic', prompt: 'x', stream: true });
    expect(streamed.status).toBe(501);
    expect((await jsonOf(streamed)).error.message).toContain("model 'ai21.j2-ultra-v1' (AI21 Jurassic-2)");
  });

  test('Titan embeddings: one call per text; base64 (the OpenAI client default) and float encodings', async () => {
    const vector = readJsonFixture<{ embedding: number[] }>('bedrock', 'titan-embed.response.json').embedding;
    const embeddings = await openai.embeddings.create({ model: 'titan-embed', input: ['un café', 'a cup of tea'] });
    expect(embeddings.data.map((item) => item.embedding.length)).toEqual([vector.length, vector.length]);
    for (const item of embeddings.data) item.embedding.forEach((value, index) => expect(value).toBeCloseTo(vector[index], 6));
    expect(embeddings.usage).toEqual({ prompt_tokens: 12, total_tokens: 12 });
    expect(fake.calls.map((call) => call.body)).toEqual([{ inputText: 'un café' }, { inputText: 'a cup of tea' }]);

    const floats = await post('/endpoints/titan-embed/invocations', { input: 'un café', dimensions: 256, encoding_format: 'float' });
    expect((await jsonOf(floats)).data).toEqual([{ object: 'embedding', embedding: vector, index: 0 }]);
    expect(lastCall().body).toEqual({ inputText: 'un café', dimensions: 256 });
  });

  test('Titan Multimodal Embeddings: one call per text, dimensions as embeddingConfig.outputEmbeddingLength', async () => {
    const vector = readJsonFixture<{ embedding: number[] }>('bedrock', 'titan-embed.response.json').embedding;
    const embeddings = await openai.embeddings.create({ model: 'titan-embed-image', input: ['un café', 'a cup of tea'], dimensions: 256 });
    expect(embeddings.data.map((item) => item.embedding.length)).toEqual([vector.length, vector.length]);
    for (const item of embeddings.data) item.embedding.forEach((value, index) => expect(value).toBeCloseTo(vector[index], 6));
    expect(fake.calls.map((call) => call.body)).toEqual([
      { inputText: 'un café', embeddingConfig: { outputEmbeddingLength: 256 } },
      { inputText: 'a cup of tea', embeddingConfig: { outputEmbeddingLength: 256 } },
    ]);
  });

  test('Cohere embeddings: one call with every text and input_type (search_document unless the client sets it)', async () => {
    const fixture = readJsonFixture<{ embeddings: number[][] }>('bedrock', 'cohere-embed.response.json');
    const embeddings = await openai.embeddings.create({ model: 'cohere-embed', input: ['un café', 'a cup of tea'], encoding_format: 'float' });
    expect(embeddings.data.map((item) => item.embedding)).toEqual(fixture.embeddings);
    expect(lastCall().body).toEqual({ texts: ['un café', 'a cup of tea'], input_type: 'search_document' });

    await post('/endpoints/cohere-embed/invocations', { input: 'un café', input_type: 'search_query' });
    expect(lastCall().body).toEqual({ texts: ['un café'], input_type: 'search_query' });
  });

  test('Cohere embeddings of more than 96 texts (OpenAI takes 2,048) go as calls of 96, answered in input order', async () => {
    // Bedrock's limit: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v3.html ("texts": 0 to 96)
    fake.setHandler((call) => {
      const texts = (call.body as { texts: string[] }).texts;
      if (texts.length > 96) return { error: { status: 400, type: 'ValidationException', message: `Malformed input request: #/texts: expected maximum item count: 96, found: ${texts.length}, please reformat your input and try again.` } };
      return { json: { id: 'x', response_type: 'embeddings_floats', texts, embeddings: texts.map((text) => [Number(text), 0.5]) } };
    });
    const input = Array.from({ length: 200 }, (_, index) => String(index));
    const embeddings = await openai.embeddings.create({ model: 'cohere-embed', input, encoding_format: 'float' });
    expect(fake.calls.map((call) => (call.body as { texts: string[] }).texts.length)).toEqual([96, 96, 8]);
    expect(embeddings.data.map((item) => [item.index, item.embedding[0]])).toEqual(input.map((_, index) => [index, index]));
  });
});

describe('Amazon Nova Multimodal Embeddings (https://docs.aws.amazon.com/nova/latest/userguide/embeddings-schema.html)', () => {
  type NovaBody = { taskType: string; singleEmbeddingParams: { embeddingPurpose: string; embeddingDimension?: number; text: { truncationMode: string; value: string } } };
  /** Answers each text with a vector that names it (`text 7` → [7, 0.25]), so the order of the answers shows. */
  const serveNova = (call: { operation: string; body: unknown }) => {
    const { value } = (call.body as NovaBody).singleEmbeddingParams.text;
    return { json: { embeddings: [{ embeddingType: 'TEXT', embedding: [Number(value.split(' ')[1]), 0.25] }] } };
  };

  test('one InvokeModel call per text (8 at once), answered in input order, through the official OpenAI client', async () => {
    fake.setHandler(serveNova);
    const input = Array.from({ length: 11 }, (_, index) => `text ${index}`);
    // The OpenAI client asks for base64 by default and decodes it.
    const embeddings = await openai.embeddings.create({ model: 'nova-embed', input, dimensions: 256 });
    expect(embeddings.data.map((item) => [item.index, ...item.embedding])).toEqual(input.map((_, index) => [index, index, 0.25]));
    expect(embeddings.usage).toEqual({ prompt_tokens: null, total_tokens: null });
    expect(fake.calls.map((call) => [call.operation, call.modelId])).toEqual(input.map(() => ['invoke', 'us.amazon.nova-2-multimodal-embeddings-v1:0']));
    expect(fake.calls.map((call) => call.body).sort((a, b) => ((a as NovaBody).singleEmbeddingParams.text.value < (b as NovaBody).singleEmbeddingParams.text.value ? -1 : 1))).toEqual(
      [...input].sort().map((value) => ({
        taskType: 'SINGLE_EMBEDDING',
        singleEmbeddingParams: { embeddingPurpose: 'GENERIC_INDEX', embeddingDimension: 256, text: { truncationMode: 'NONE', value } },
      })),
    );
  });

  test('the MLflow route takes embedding_purpose and truncate; a dimension Nova does not take is a 400 before any call', async () => {
    fake.setHandler(() => ({ json: readJsonFixture('bedrock', 'nova-embed.response.json') }));
    const vector = readJsonFixture<{ embeddings: { embedding: number[] }[] }>('bedrock', 'nova-embed.response.json').embeddings[0].embedding;
    const response = await post('/endpoints/nova-embed/invocations', { input: 'où est le café ?', embedding_purpose: 'TEXT_RETRIEVAL', truncate: 'END' });
    expect(response.status).toBe(200);
    expect((await jsonOf(response)).data).toEqual([{ object: 'embedding', embedding: vector, index: 0 }]);
    expect(lastCall().body).toEqual({
      taskType: 'SINGLE_EMBEDDING',
      singleEmbeddingParams: { embeddingPurpose: 'TEXT_RETRIEVAL', text: { truncationMode: 'END', value: 'où est le café ?' } },
    });

    fake.calls.length = 0;
    const refused = await post('/v1/embeddings', { model: 'nova-embed', input: ['a', 'b'], dimensions: 512 });
    expect(refused.status).toBe(400);
    expect((await jsonOf(refused)).error).toMatchObject({ param: 'dimensions', message: 'dimensions: Amazon Nova Multimodal Embeddings on Amazon Bedrock takes 256, 384, 1024, 3072, not 512.' });
    expect(fake.calls).toHaveLength(0);
  });

  test('an empty input list (Nova, and Titan: one call per text) is a 400 naming input, not a 502 blaming Bedrock', async () => {
    fake.setHandler(serveNova);
    for (const model of ['nova-embed', 'titan-embed']) {
      const refused = await post('/v1/embeddings', { model, input: [] });
      expect(refused.status).toBe(400);
      expect((await jsonOf(refused)).error).toMatchObject({ param: 'input', message: 'input: must not be an empty list' });
    }
    expect(fake.calls).toHaveLength(0);
  });
});

describe('errors', () => {
  test('ThrottlingException is a 429 with the upstream Retry-After', async () => {
    // One second: the gateway waits it out before each of its two retries.
    fake.setHandler(() => ({ error: { status: 429, type: 'ThrottlingException', message: 'Too many requests, please wait before trying again.', headers: { 'retry-after': '1' } } }));
    const response = await post('/endpoints/claude/invocations', { messages: [{ role: 'user', content: 'x' }] });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect((await jsonOf(response)).detail).toBe("Amazon Bedrock is throttling requests for endpoint 'claude': Too many requests, please wait before trying again.");
  });

  test('ValidationException is a 400 with the AWS message', async () => {
    fake.setHandler(() => ({ error: { status: 400, type: 'ValidationException', message: 'The model returned the following errors: messages: roles must alternate' } }));
    const response = await post('/v1/chat/completions', { model: 'claude', messages: [{ role: 'user', content: 'x' }] });
    expect(response.status).toBe(400);
    expect((await jsonOf(response)).error).toEqual({
      message: 'The model returned the following errors: messages: roles must alternate',
      type: 'invalid_request_error',
      param: null,
      code: 'ValidationException',
    });
    const mlflow = await post('/endpoints/claude/invocations', { messages: [{ role: 'user', content: 'x' }] });
    expect(await jsonOf(mlflow)).toEqual({ detail: 'The model returned the following errors: messages: roles must alternate' });
  });

  test('a model Bedrock does not know (ResourceNotFoundException) is a 502 the gateway does not retry, and says so to the OpenAI clients', async () => {
    // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_Errors (HTTP 404).
    fake.setHandler(() => ({ error: { status: 404, type: 'ResourceNotFoundException', message: 'The provided model identifier is invalid.' } }));
    // The official clients retry every 5xx twice by default, unless the answer says x-should-retry: false.
    const retryingClient = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 2 });
    await expect(retryingClient.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 502, code: 'upstream_unavailable' });
    expect(fake.calls).toHaveLength(1);
  });

  test('an exception event mid-stream ends the stream with an SSE error event', async () => {
    fake.setHandler(() => ({
      events: [
        converseEvent('messageStart', { role: 'assistant' }),
        converseEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Un café' } }),
        exceptionEvent('modelStreamErrorException', 'The model stream failed: upstream model error.'),
      ],
    }));
    const response = await post('/endpoints/claude/invocations', { messages: [{ role: 'user', content: 'x' }], stream: true });
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[0].data).choices[0].delta).toEqual({ role: 'assistant', content: 'Un café', tool_calls: null });
    const last = events[events.length - 1];
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data).error).toMatchObject({ status: 502, code: 'upstream_unavailable' });
    expect(JSON.parse(last.data).error.message).toContain('ModelStreamErrorException');
  });

  test('a throttling exception mid-stream is an SSE error with status 429; the OpenAI client raises it', async () => {
    fake.setHandler(() => ({
      events: [
        converseEvent('messageStart', { role: 'assistant' }),
        converseEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Un café' } }),
        exceptionEvent('throttlingException', 'Too many tokens, please wait.'),
      ],
    }));
    const raw = parseSse(await (await post('/endpoints/claude/invocations', { messages: [{ role: 'user', content: 'x' }], stream: true })).text());
    expect(raw[raw.length - 1].event).toBe('error');
    expect(JSON.parse(raw[raw.length - 1].data).error).toMatchObject({ status: 429, code: 'upstream_rate_limited' });
    const stream = await openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }], stream: true });
    const failure = await (async () => {
      for await (const _chunk of stream) {
        // Consume until the error event.
      }
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toContain('Too many tokens, please wait.');
  });

  test('a throttling exception right after messageStart, before any content, is a real 429 once the retries are spent', async () => {
    fake.setHandler(() => ({ events: [converseEvent('messageStart', { role: 'assistant' }), exceptionEvent('throttlingException', 'Too many tokens, please wait.')] }));
    const response = await post('/endpoints/claude/invocations', { messages: [{ role: 'user', content: 'x' }], stream: true });
    expect(response.status).toBe(429);
    expect((await jsonOf(response)).detail).toContain('Too many tokens, please wait.');
    expect(fake.calls).toHaveLength(3);
  });

  // The SDK has one socket timeout; given the longer of first_byte and idle, it let a silent
  // Bedrock hold a call for that longer one (with the defaults, idle was 120 s instead of 60 s).
  test('first_byte and idle each end a silent Bedrock with a 504 naming the timeout', async () => {
    const aws = `{ aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fake.url}", aws_access_key_id: AKIASILENT, aws_secret_access_key: silent-secret } }`;
    const silent = await startGateway(`
defaults: { retries: { max_attempts: 1 } }
endpoints:
  - { name: no-headers, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: anthropic.claude-3-haiku-20240307-v1:0, config: ${aws} }, timeouts: { first_byte: 0.5 } }
  - { name: stalled, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: anthropic.claude-3-haiku-20240307-v1:0, config: ${aws} }, timeouts: { idle: 0.5 } }
`);
    const call = async (name: string) => {
      const started = Date.now();
      const response = await fetch(`${silent.url}/endpoints/${name}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }) });
      return { status: response.status, detail: (await jsonOf(response)).detail, seconds: (Date.now() - started) / 1000 };
    };
    try {
      fake.setHandler(() => ({ respond: () => undefined }));
      const noHeaders = await call('no-headers');
      expect(noHeaders).toMatchObject({ status: 504, detail: "Amazon Bedrock sent no response within 0.5 s for endpoint 'no-headers' (first_byte timeout)." });
      expect(noHeaders.seconds).toBeLessThan(5);
      fake.setHandler(() => ({
        respond: (response) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.write('{"output":');
        },
      }));
      const stalled = await call('stalled');
      expect(stalled).toMatchObject({ status: 504, detail: "Amazon Bedrock stopped sending its response for 0.5 s for endpoint 'stalled' (idle timeout)." });
      expect(stalled.seconds).toBeLessThan(5);
    } finally {
      await silent.close();
    }
  });

  test('an unreachable Bedrock endpoint is a 502', async () => {
    const down = await startGateway(`
endpoints:
  - name: down
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-haiku-20240307-v1:0
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "http://127.0.0.1:9", aws_access_key_id: AKIADOWN, aws_secret_access_key: down-secret } }
`);
    try {
      const response = await fetch(`${down.url}/endpoints/down/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }) });
      expect(response.status).toBe(502);
      expect((await jsonOf(response)).detail).toBe("Amazon Bedrock could not be reached for endpoint 'down' (ECONNREFUSED).");
    } finally {
      await down.close();
    }
  });
});
