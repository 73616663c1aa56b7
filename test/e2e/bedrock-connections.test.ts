/**
 * Bedrock connections, with the real AWS SDK against a fake Bedrock on 127.0.0.1: calls in flight
 * are not capped (the SDK's own agents allow 50 per client and queue the rest without a word), and
 * the endpoints, and the clients a reload builds, share kept-alive connections.
 */
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';

const endpoint = (name: string, fakeUrl: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-5-sonnet-20240620-v1:0
      config:
        aws_config: { aws_region: eu-west-3, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: AKIACONNECTIONS, aws_secret_access_key: connections-secret }`;

const configOf = (...endpoints: string[]) => `endpoints:${endpoints.join('')}\n`;

let fake: FakeBedrock;
let gateway: RunningGateway;

beforeAll(async () => {
  fake = await startFakeBedrock(serveBedrockFixtures);
});
afterEach(async () => {
  await gateway.close();
  fake.setHandler(serveBedrockFixtures);
  fake.calls.length = 0;
});
afterAll(() => fake.close());

async function chat(name: string): Promise<number> {
  const response = await fetch(`${gateway.url}/endpoints/${name}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] }),
  });
  await response.arrayBuffer();
  return response.status;
}

test('80 calls in flight at once all reach Bedrock at once (the SDK alone would hold back all but 50)', async () => {
  gateway = await startGateway(configOf(endpoint('claude', fake.url)));
  // Each call is held until all 80 have arrived, so a loaded machine cannot make them miss each
  // other; if a cap held some back, the rest are let go after 5 s and `most` shows the cap.
  let inFlight = 0;
  let most = 0;
  let releaseAll: () => void = () => {};
  const allArrived = new Promise<void>((resolve) => (releaseAll = resolve));
  const giveUp = setTimeout(releaseAll, 5000);
  fake.setHandler(async (call) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    if (inFlight === 80) releaseAll();
    await allArrived;
    inFlight -= 1;
    return serveBedrockFixtures(call);
  });
  const statuses = await Promise.all(Array.from({ length: 80 }, () => chat('claude')));
  clearTimeout(giveUp);
  expect(statuses).toEqual(Array(80).fill(200));
  expect(most).toBe(80);
});

test('a second endpoint and the clients a reload builds reuse the kept-alive connection', async () => {
  gateway = await startGateway(configOf(endpoint('claude', fake.url)));
  expect(await chat('claude')).toBe(200);
  const opened = fake.connectionsOpened();
  // What a reload does: a new plan, with new Bedrock clients, swapped in.
  const path = '/virtual/reloaded.yaml';
  gateway.state.plan = compilePlan(parseConfigText(configOf(endpoint('claude', fake.url), endpoint('haiku', fake.url)), path, { env: {} }), path);
  expect(await chat('claude')).toBe(200);
  expect(await chat('haiku')).toBe(200);
  expect(fake.calls).toHaveLength(3);
  expect(fake.connectionsOpened()).toBe(opened);
});
