/**
 * MLflow model serving: the params a served model gets, through the official openai client on /v1
 * and the MLflow routes, against a fake scoring server that applies a model's params schema as
 * MLflow's does (mlflow/models/utils.py `_enforce_params_schema`): a param the schema does not name
 * is ignored (only a warning in the server's log), one it names takes its default when not sent,
 * and a list param (`stop`) given anything but a list is a 400 INVALID_PARAMETER_VALUE.
 */
import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from '../support/fake-upstream';
import { sendJson } from '../support/fake-upstream';
import { SERVING } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

/** The params schema of a text model logged with `infer_signature(..., params={"max_tokens": 256, ...})`. */
const PARAM_DEFAULTS: Record<string, unknown> = { temperature: 0.1, max_tokens: 256, stop: [] };

/** Answers with the params the model ran with, as the served model would see them. */
function scoringServer(request: RecordedRequest, response: ServerResponse): void {
  const { params = {} } = request.body as { params?: Record<string, unknown> };
  if (params.stop !== undefined && !Array.isArray(params.stop)) return sendJson(response, 400, readJsonFixture(SERVING, 'error-400-params.json'));
  const used = Object.fromEntries(Object.entries(PARAM_DEFAULTS).map(([name, value]) => [name, params[name] ?? value]));
  sendJson(response, 200, { predictions: [`max_tokens=${String(used.max_tokens)}`] });
}

const config = (urls: { serving: string }) => `
endpoints:
  - name: served-chat
    endpoint_type: llm/v1/chat
    model: { provider: mlflow-model-serving, name: my-llm, config: { model_server_url: "${urls.serving}" } }
  - name: served-completions
    endpoint_type: llm/v1/completions
    model: { provider: mlflow-model-serving, name: my-llm, config: { model_server_url: "${urls.serving}" } }
`;

const setup = useGatewayWithUpstreams({ upstreams: { serving: scoringServer }, config });
const sentParams = () => (setup.upstreams.serving.requests.at(-1)?.body as { params?: unknown }).params;

describe('max_completion_tokens (OpenAI’s newer name) reaches the served model as max_tokens', () => {
  test('chat through the openai client, as LangChain’s ChatOpenAI sends its max_tokens', async () => {
    const chat = await setup.openai.chat.completions.create({ model: 'served-chat', messages: [{ role: 'user', content: 'Un café ?' }], max_completion_tokens: 20 });
    expect(sentParams()).toEqual({ max_tokens: 20 });
    expect(chat.choices[0].message.content).toBe('max_tokens=20');
  });

  test('completions, on /v1 and the MLflow route', async () => {
    const completion = await setup.openai.completions.create({ model: 'served-completions', prompt: 'Un café', max_completion_tokens: 12 } as never);
    expect(completion.choices[0].text).toBe('max_tokens=12');
    const response = await fetch(`${setup.gateway.url}/endpoints/served-completions/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'Un café', max_completion_tokens: 7, temperature: 0.5 }),
    });
    expect(await response.json()).toMatchObject({ choices: [{ text: 'max_tokens=7' }] });
    expect(sentParams()).toEqual({ max_tokens: 7, temperature: 0.5 });
  });

  test('both names at once is a 400 before any call', async () => {
    await expect(
      setup.openai.chat.completions.create({ model: 'served-chat', messages: [{ role: 'user', content: 'x' }], max_tokens: 5, max_completion_tokens: 20 }),
    ).rejects.toMatchObject({ status: 400, param: 'max_completion_tokens' });
    expect(setup.upstreams.serving.requests).toHaveLength(0);
  });
});

describe('a stop string (OpenAI style) reaches the served model as a list, as MLflow only sends lists', () => {
  test('completions through the openai client with stop: "\\n"', async () => {
    const completion = await setup.openai.completions.create({ model: 'served-completions', prompt: 'Un café', stop: '\n' });
    expect(sentParams()).toEqual({ stop: ['\n'] });
    expect(completion.choices[0].text).toBe('max_tokens=256');
  });

  test('chat on /v1 and on the MLflow route; a list goes as it came', async () => {
    await setup.openai.chat.completions.create({ model: 'served-chat', messages: [{ role: 'user', content: 'x' }], stop: 'Observation:' });
    expect(sentParams()).toEqual({ stop: ['Observation:'] });
    const response = await fetch(`${setup.gateway.url}/endpoints/served-chat/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }], stop: 'END' }),
    });
    expect(response.status).toBe(200);
    expect(sentParams()).toEqual({ stop: ['END'] });
    await setup.openai.chat.completions.create({ model: 'served-chat', messages: [{ role: 'user', content: 'x' }], stop: ['a', 'b'] });
    expect(sentParams()).toEqual({ stop: ['a', 'b'] });
  });
});
