/**
 * Structured outputs on a TGI chat endpoint through the openai client. TGI's Messages API takes
 * `response_format` as its own grammar (`{"type": "json", "value": schema}`, value required: TGI's
 * OpenAPI reference, GrammarType; huggingface/text-generation-inference#3058), so OpenAI's
 * `json_schema` and `json_object` were TGI's 422 on every request; they now go as that grammar.
 */
import { readJsonFixture } from '../support/fixtures';
import { sendJson, sendStream } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const TGI = 'huggingface-text-generation-inference';
const ANSWER = '{"city":"Paris","temperature_c":18.5}';

/** TGI's chat answer (chat.response.json) with the JSON its grammar made. */
const answer = () => {
  const body = readJsonFixture(TGI, 'chat.response.json') as { choices: { message: { content: string } }[] };
  body.choices[0].message.content = ANSWER;
  return body;
};

const setup = useGatewayWithUpstreams({
  upstreams: {
    tgi: (request, response) =>
      (request.body as { stream?: boolean }).stream
        ? sendStream(response, `data:{"object":"chat.completion.chunk","id":"","created":1732009923,"model":"llama","system_fingerprint":"2.4.1","choices":[{"index":0,"delta":{"role":"assistant","content":${JSON.stringify(ANSWER)}},"logprobs":null,"finish_reason":"eos_token"}],"usage":null}\n\ndata:[DONE]\n\n`)
        : sendJson(response, 200, answer()),
  },
  config: (urls) => `
endpoints:
  - { name: tgi-chat, endpoint_type: llm/v1/chat, model: { provider: ${TGI}, name: llama, config: { hf_server_url: "${urls.tgi}" } } }
`,
});

/** The schema openai's zodResponseFormat makes of z.object({ city: z.string(), temperature_c: z.number() }). */
const WEATHER = { type: 'object', properties: { city: { type: 'string' }, temperature_c: { type: 'number' } }, required: ['city', 'temperature_c'], additionalProperties: false };
const messages = [{ role: 'user' as const, content: 'The weather in Paris, as JSON.' }];

test("chat.completions.parse() with a json_schema: TGI gets the schema as its grammar, the client its parsed answer", async () => {
  const completion = await setup.openai.chat.completions.parse({
    model: 'tgi-chat',
    messages,
    response_format: { type: 'json_schema', json_schema: { name: 'weather', strict: true, schema: WEATHER } },
  });
  expect(setup.upstreams.tgi.requests[0].body).toEqual({ model: 'tgi', messages, response_format: { type: 'json', value: WEATHER } });
  expect(completion.choices[0].message.parsed).toEqual({ city: 'Paris', temperature_c: 18.5 });
});

test('json_object, streamed: any JSON object', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'tgi-chat', messages, response_format: { type: 'json_object' }, stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(setup.upstreams.tgi.requests[0].body).toMatchObject({ stream: true, response_format: { type: 'json', value: { type: 'object' } } });
  expect(JSON.parse(text)).toEqual({ city: 'Paris', temperature_c: 18.5 });
});
