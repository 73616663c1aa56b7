/**
 * Together AI's token log probabilities through the official openai client: a completions answer
 * carries Together's `{tokens, token_logprobs}` object, and its stream gives each chunk's token's log
 * probability as a bare number (test/fixtures/togetherai/README.md), which reaches the client as the
 * same object for that chunk's token, on completions and chat streams, on /v1 and the MLflow route.
 * The gateway validates every answer and chunk against openapi/.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { parseSse } from '../support/gateway';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

function serveLogprobs(request: RecordedRequest, response: ServerResponse): void {
  const kind = request.url.endsWith('/chat/completions') ? 'chat' : 'completions';
  if ((request.body as { stream?: boolean }).stream === true) sendStream(response, readFixture('togetherai', `${kind}-logprobs.stream.sse`));
  else sendJson(response, 200, readJsonFixture('togetherai', `${kind}-logprobs.response.json`));
}

const setup = useGatewayWithUpstreams({
  upstreams: { togetherai: serveLogprobs },
  config: (urls) => `
endpoints:
  - { name: mixtral, endpoint_type: llm/v1/completions, model: { provider: togetherai, name: mistralai/Mixtral-8x7B-v0.1, config: { togetherai_api_key: k, togetherai_api_base: "${urls.togetherai}/v1", max_tokens: 16 } } }
  - { name: llama, endpoint_type: llm/v1/chat, model: { provider: togetherai, name: meta-llama/Llama-3.3-70B-Instruct-Turbo, config: { togetherai_api_key: k, togetherai_api_base: "${urls.togetherai}/v1" } } }
`,
  validateResponses: true,
});

const TOKENS = ['\n', 'Voilà', ' un', ' café', ' 🙂'];
const LOGPROBS = [-0.8828125, -1.2109375, -0.0625, -0.39648438, -2.453125];

test('completions: the answer carries the logprobs object; the request sent logprobs on', async () => {
  const completion = await setup.openai.completions.create({ model: 'mixtral', prompt: 'Say café', logprobs: 1 });
  expect(completion.choices[0].logprobs).toEqual({ token_ids: [13, 28790, 521, 12932, 28705], tokens: TOKENS, token_logprobs: LOGPROBS });
  expect(setup.upstreams.togetherai.requests[0].body).toMatchObject({ logprobs: 1 });
});

test('completions stream: each chunk carries its token and its log probability, the same as the answer holds', async () => {
  const stream = await setup.openai.completions.create({ model: 'mixtral', prompt: 'Say café', logprobs: 1, stream: true });
  const tokens: string[] = [];
  const logprobs: number[] = [];
  let text = '';
  for await (const chunk of stream) {
    for (const choice of chunk.choices) {
      text += choice.text;
      if (choice.logprobs) {
        expect(choice.logprobs.tokens).toEqual([choice.text]);
        tokens.push(...(choice.logprobs.tokens ?? []));
        logprobs.push(...(choice.logprobs.token_logprobs ?? []));
      }
    }
  }
  expect(text).toBe('\nVoilà un café 🙂');
  expect({ tokens, logprobs }).toEqual({ tokens: TOKENS, logprobs: LOGPROBS });
});

test('chat stream: each delta chunk carries its token and log probability', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'llama', messages: [{ role: 'user', content: 'Sentiment de « Quel bon café ! » ?' }], logprobs: true, stream: true });
  const pieces: unknown[] = [];
  for await (const chunk of stream) for (const choice of chunk.choices) if (choice.logprobs) pieces.push(choice.logprobs);
  expect(pieces).toEqual([
    { tokens: ['Pos'], token_logprobs: [-0.0017089844] },
    { tokens: ['itive'], token_logprobs: [-0.00012207031] },
  ]);
  expect(setup.upstreams.togetherai.requests[0].body).toMatchObject({ logprobs: 1 });
});

test('the MLflow route streams the same objects', async () => {
  const answer = await fetch(`${setup.gateway.url}/endpoints/mixtral/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'Say café', logprobs: 1, stream: true }) });
  const chunks = parseSse(await answer.text()).filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data) as { choices: { logprobs?: { tokens: string[] } }[] });
  expect(chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.logprobs?.tokens ?? []))).toEqual(TOKENS);
});
