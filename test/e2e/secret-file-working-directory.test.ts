/**
 * A secret file named by a path relative to the directory the gateway is started from, as MLflow
 * reads it (`mlflow gateway start --config-path config/gateway.yaml` beside `secrets/openai.key`):
 * the key in the file reaches the provider, not the path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth } from '../support/cli';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';

const CHAT_ANSWER = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1700000000,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
};

let directory: string;
let upstream: FakeUpstream;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'gateway-working-directory-'));
  upstream = await startFakeUpstream((_request, response) => sendJson(response, 200, CHAT_ANSWER));
});

afterAll(async () => {
  await upstream.close();
  rmSync(directory, { recursive: true, force: true });
});

test('a relative secret path that is not beside the config is read from the working directory, as in MLflow', async () => {
  mkdirSync(join(directory, 'config'));
  mkdirSync(join(directory, 'secrets'));
  writeFileSync(join(directory, 'secrets', 'openai.key'), 'sk-from-working-directory\n');
  writeFileSync(
    join(directory, 'config', 'gateway.yaml'),
    `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: secrets/openai.key
        openai_api_base: ${upstream.url}/v1
`,
  );
  const port = await freePort();
  const run = runCli(['--config-path', 'config/gateway.yaml', '--port', String(port)], {}, { cwd: directory });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, run);

  const response = await fetch(`${url}/endpoints/chat/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }),
  });

  expect(response.status).toBe(200);
  expect(upstream.requests.at(-1)?.headers.authorization).toBe('Bearer sk-from-working-directory');
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
});
