/**
 * Can a plugin provider's key leak? Its `*_api_key` settings hold canaries (written out, and read
 * from a file), and the plugin quotes them in everything it throws: a plain error, an error with a
 * status (a 500 and a 429 with their headers), an HTTP client's error carrying the request it sent,
 * an error whose cause or inner errors quote the key, a thrown string, an error mid-stream, a
 * GatewayError of its own; it refuses its config quoting the key at start-up; and it crashes its
 * process with the key in the message (a worker of `--workers 2`, whose crash is logged). All the
 * gateway lets out, `/metrics` included, is searched. The crash needs `npm run build`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth } from '../support/cli';
import { callsOf, canary, everythingLetOut, leaksIn, viewsOf } from '../support/leak-hunt';
import { captureLog } from '../support/log-capture';
import { startGatewayInProject } from '../support/plugin-gateway';
import { createProject, installPackage, installProviderPackage } from '../support/plugin-packages';
import { within, WORKERS_TEST_MS } from '../support/timeouts';

const SECRETS = { written: canary('acme-key'), fromFile: canary('acme-file-key') };
const FORBIDDEN = Object.values(SECRETS);

/**
 * A plugin quoting its keys in whatever it throws, by the first message's text; `crash` throws from a
 * timer, outside any request, which ends the process.
 */
const LEAKY_PLUGIN = `'use strict';
const { GatewayError } = require('llm-gateway');
module.exports = {
  displayName: 'Leaky',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint(settings) {
    const { acme_api_key: key, acme_backup_api_key: backup } = settings.config;
    if (settings.name === 'refused') throw new Error('acme refuses the key ' + key + ' and ' + backup);
    const quoted = 'Incorrect API key provided: ' + key + ' (backup ' + backup + ')';
    const failure = (how) => {
      switch (how) {
        case 'plain': return new Error(quoted);
        case 'status-500': return Object.assign(new Error(quoted), { status: 500, headers: { 'x-echo': key } });
        case 'status-429': return Object.assign(new Error(quoted), { status: 429, headers: { 'retry-after': '1' }, error: { code: key } });
        case 'http-client': return Object.assign(new Error('Request failed with status code 401'), { config: { headers: { Authorization: 'Bearer ' + key } }, response: { status: 401, data: { error: quoted } } });
        case 'cause': return new Error('acme failed', { cause: new Error(quoted) });
        case 'aggregate': return new AggregateError([new Error(quoted), new Error(backup)], 'every acme region failed');
        case 'string': return quoted;
        case 'gateway-error': return new GatewayError({ status: 400, message: quoted, kind: 'invalid_request_error', param: key, code: key });
        case 'crash': setTimeout(() => { throw new Error('acme crashed holding ' + quoted); }, 10); return new Error('crashing');
      }
      return new Error('unknown: ' + how);
    };
    const how = (request) => request.messages[0].content;
    return {
      async chat(request) { throw failure(how(request)); },
      async *chatStream(request) {
        yield { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'leaky', choices: [{ index: 0, delta: { role: 'assistant', content: 'Bon' }, finish_reason: null }] };
        throw failure(how(request));
      },
    };
  },
};
`;

const FAILURES = ['plain', 'status-500', 'status-429', 'http-client', 'cause', 'aggregate', 'string', 'gateway-error'];

/** The gateway a plugin's `require('llm-gateway')` gets: this source tree as jest loads it, or the build the CLI runs. */
const SOURCE_ENTRY = join(__dirname, '..', '..', 'src', 'index.ts');
const BUILT_ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'index.js');

function leakyProject(gatewayEntry = SOURCE_ENTRY): { project: string; config: (endpoints: string[]) => string } {
  const project = createProject('secret-leaks-plugins-');
  installProviderPackage(project, { packageName: 'leaky-plugin', provider: 'leaky', source: LEAKY_PLUGIN });
  // The plugin's GatewayError is the gateway's own class, as when both are installed in one project.
  installPackage(project, 'llm-gateway', { main: './index.js' }, { 'index.js': `module.exports = require(${JSON.stringify(gatewayEntry)});\n` });
  const keyFile = join(mkdtempSync(join(project, 'secrets-')), 'acme.key');
  writeFileSync(keyFile, `${SECRETS.fromFile}\n`);
  const endpoint = (name: string) =>
    `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: leaky, name: m, config: { acme_api_key: ${SECRETS.written}, acme_backup_api_key: ${keyFile} } }, retries: { max_attempts: 1 } }`;
  return { project, config: (names) => `plugins: [leaky-plugin]\nendpoints:\n${names.map(endpoint).join('\n')}\n` };
}

test("a plugin quoting its keys in everything it throws, answered and streamed: no key reaches a client or the log", async () => {
  const { project, config } = leakyProject();
  const { lines, logger } = captureLog('debug');
  const gateway = await startGatewayInProject(project, config(['leaky']), logger);
  try {
    const calls = FAILURES.flatMap((how) => callsOf('leaky', 'chat').map((call) => ({ ...call, body: { ...call.body, messages: [{ role: 'user', content: how }] } })));
    const output = `${await everythingLetOut({ url: gateway.url, calls, lines })}\n${await viewsOf(gateway.url, ['/metrics'])}`;
    // The quotes reached the client (the plugin's own GatewayError) and the log (the other errors), redacted.
    expect(output).toContain('Incorrect API key provided: [redacted] (backup [redacted])');
    expect(leaksIn(output, FORBIDDEN)).toEqual([]);
  } finally {
    await gateway.close();
  }
});

test('a plugin refusing its config quoting its keys: the start-up error holds neither', async () => {
  const { project, config } = leakyProject();
  const refusal = await startGatewayInProject(project, config(['refused'])).then(
    () => 'started',
    (error: unknown) => String((error as Error).message),
  );
  expect(refusal).toContain("endpoint 'refused': acme refuses the key [redacted] and [redacted]");
  expect(leaksIn(refusal, FORBIDDEN)).toEqual([]);
});

test('a plugin crashing its worker with its key in the message: the crash logged holds no key', async () => {
  const { project, config } = leakyProject(BUILT_ENTRY);
  const configPath = join(project, 'gateway.yaml');
  writeFileSync(configPath, config(['leaky']));
  const port = await freePort();
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2']);
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, run);
    await fetch(`http://127.0.0.1:${port}/endpoints/leaky/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'crash' }] }) });
    const deadline = Date.now() + 10_000;
    while (!run.output().includes('worker exited') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  } finally {
    run.child.kill('SIGTERM');
    await within(run.exited, 15_000, 'the gateway exiting');
  }
  expect(run.output()).toContain('the gateway stopped on an unexpected error');
  expect(run.output()).toContain('worker exited');
  expect(leaksIn(run.output(), FORBIDDEN)).toEqual([]);
}, WORKERS_TEST_MS);
